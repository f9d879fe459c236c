/**
 * Response bodies of the poll API (issue 14, items 5 and 6). No response of an anonymous poll
 * names who voted what: ballots of such a poll are stored without their voter.
 */
import type { ConsentStance, PollKind, PollStatus, PollUnit } from '../sessions/polls';
import type { SuggestionRes } from './suggestions';

export interface PollOption {
  id: string;
  label: string;
  /** The criterion block the option stands for, and its document; null for a plain option. */
  blockId: string | null;
  documentId: string | null;
}

/** What the session detail lists of each poll: no ballots, no counts. */
export interface PollSummary {
  id: string;
  sessionId: string;
  stepId: string | null;
  question: string;
  kind: PollKind;
  unit: PollUnit;
  anonymous: boolean;
  resultsHidden: boolean;
  status: PollStatus;
  budget: number | null;
  maxPerOption: number | null;
  createdAt: number;
  closedAt: number | null;
  /** When the chair made its result the criteria's weights (points polls over criteria). */
  weightsAppliedAt: number | null;
  /** Whether the caller (unit person) or the caller's party (unit party) has a ballot in. */
  youVoted: boolean;
}

export interface OwnAllocation {
  optionId: string;
  value: number | ConsentStance;
}

/** `GET /api/polls/:id`: the poll with its options and, unless it is anonymous, the caller's ballot. */
export interface PollDetail extends PollSummary {
  options: PollOption[];
  /** Unit person: the caller's ballot; unit party: the party's current one. Always null when anonymous. */
  yourBallot: { allocations: OwnAllocation[]; reason: string | null } | null;
  /** Whether the caller may turn the result into weights (the chair, or an owner; server/policies). */
  youMayApplyWeights: boolean;
}

/** `POST /api/polls/:id/ballots`: whether the ballot replaced the party's earlier one. */
export interface BallotCast {
  pollId: string;
  replaced: boolean;
}

/** Consent stances counted. */
export type StanceCounts = Record<ConsentStance, number>;

export interface OptionResult {
  optionId: string;
  label: string;
  blockId: string | null;
  /** Every ballot as it was cast, added up. For `score` the sum of scores. */
  perPerson: number;
  /** Every party weighing the same: each party's ballots averaged, the averages added up. */
  partyEqual: number;
  /** Shares of the total, in percent (0 when nothing was cast). */
  perPersonShare: number;
  partyEqualShare: number;
  /** Consent polls: stances per person, and each party's stances as fractions that add up to 1. */
  stances: StanceCounts | null;
  stancesPartyEqual: StanceCounts | null;
}

export interface PartyResult {
  /** null: the voters who belong to no party, counted as one group. */
  partyId: string | null;
  ballots: number;
  /** The party's average per option (points, dots, score), or its stances counted (consent). */
  perOption: { optionId: string; value: number; stances: StanceCounts | null }[];
}

/** A reason given with a consent ballot; the party only when the poll is not anonymous. */
export interface ConsentReason {
  partyId: string | null;
  reason: string;
}

export interface PollResults {
  pollId: string;
  status: PollStatus;
  /** True while the results are hidden until the poll closes: no counts at all, for anyone. */
  hidden: boolean;
  /** How many ballots are in (turnout, not a result). */
  ballots: number;
  parties: number;
  options: OptionResult[];
  byParty: PartyResult[];
  reasons: ConsentReason[];
}

/** `POST /api/polls/:id/apply-weights`: the weights written, per criterion block. */
export interface WeightsApplied {
  pollId: string;
  weights: { optionId: string; documentId: string; blockId: string; weight: number }[];
  /** The versions saved of each document before the weights were written. */
  versionIds: string[];
  /** The open suggestions of these weights that the poll decided: accepted when they proposed its weight. */
  suggestions: SuggestionRes[];
}
