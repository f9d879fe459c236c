/**
 * Poll rows as the API shows them (shared/api/polls.ts). Results of a poll whose results are
 * hidden carry no counts until it closes, for anyone; nothing here names a voter.
 */
import type { OwnAllocation, PollDetail, PollOption, PollResults, PollSummary } from '../../shared/api/polls';
import { countPoll } from '../sessions/pollCount';
import type { StoredAllocation } from '../sessions/ballotRules';
import type { PollBallotRow, PollOptionRow, PollRow } from '../storage/rows';

export function presentPollSummary(row: PollRow, youVoted: boolean): PollSummary {
  return {
    id: row.id,
    sessionId: row.session_id,
    stepId: row.step_id,
    question: row.question,
    kind: row.kind,
    unit: row.unit,
    anonymous: row.anonymous === 1,
    resultsHidden: row.results_hidden === 1,
    status: row.status,
    budget: row.budget,
    maxPerOption: row.max_per_option,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    weightsAppliedAt: row.weights_applied_at,
    youVoted,
  };
}

export function presentPollOption(row: PollOptionRow): PollOption {
  return { id: row.id, label: row.label, blockId: row.block_id, documentId: row.document_id };
}

/** `own`: the caller's (or their party's) stored ballot; never given for an anonymous poll. */
export interface PollViewer {
  youVoted: boolean;
  youMayApplyWeights: boolean;
}

export function presentPollDetail(row: PollRow, options: readonly PollOptionRow[], own: PollBallotRow | undefined, viewer: PollViewer): PollDetail {
  const yourBallot =
    own && row.anonymous === 0 ? { allocations: JSON.parse(own.allocations) as OwnAllocation[], reason: own.reason } : null;
  return { ...presentPollSummary(row, viewer.youVoted), options: options.map(presentPollOption), yourBallot, youMayApplyWeights: viewer.youMayApplyWeights };
}

export function presentPollResults(row: PollRow, options: readonly PollOptionRow[], ballots: readonly PollBallotRow[]): PollResults {
  const hidden = row.results_hidden === 1 && row.status === 'open';
  const base = { pollId: row.id, status: row.status, hidden, ballots: ballots.length };
  if (hidden) return { ...base, parties: 0, options: [], byParty: [], reasons: [] };
  const count = countPoll(
    row.kind,
    options.map((o) => ({ id: o.id, label: o.label, blockId: o.block_id })),
    ballots.map((b) => ({ partyId: b.party_id, reason: b.reason, allocations: JSON.parse(b.allocations) as StoredAllocation[] })),
    row.anonymous === 0,
  );
  return { ...base, ...count };
}
