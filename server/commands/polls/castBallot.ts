/**
 * Command: cast a ballot in an open poll of a running session (issue 14, item 5). The ballot is
 * checked against its poll (400 with what is wrong), then stored so that an anonymous poll's
 * ballot names no one: the voters table says who voted, the ballot row only for which party.
 */
import type { CastBallotReq } from '../../../shared/api/pollSchemas';
import type { BallotCast } from '../../../shared/api/polls';
import type { Services } from '../../context';
import { ConflictError, ValidationError } from '../../errors';
import { checkBallot } from '../../sessions/ballotRules';
import { newId } from '../../storage/ids';
import type { PollOptionRow, PollRow, WorkSessionRow } from '../../storage/rows';
import { publishSessionChange } from '../sessions/publishSessionChange';

export interface BallotInput {
  session: WorkSessionRow;
  poll: PollRow;
  options: readonly PollOptionRow[];
  userId: string;
  /** The voter's party (required for unit party by the policy). */
  partyId: string | null;
  body: CastBallotReq;
}

export async function castBallot(services: Services, input: BallotInput): Promise<BallotCast> {
  const { session, poll, userId, partyId } = input;
  if (session.status !== 'running') throw new ConflictError('session_not_running', 'error.sessionNotRunning');
  if (poll.status !== 'open') throw new ConflictError('poll_closed', 'error.pollClosed');
  const check = checkBallot(
    { kind: poll.kind, budget: poll.budget, maxPerOption: poll.max_per_option, optionIds: input.options.map((o) => o.id) },
    input.body.allocations,
    input.body.reason,
  );
  if (!check.ok) throw new ValidationError(check.faults);
  const anonymous = poll.anonymous === 1;
  const ballotKey = poll.unit === 'party' ? partyId! : anonymous ? newId() : userId;
  const outcome = await services.repos.polls.castBallot(poll.unit, {
    voter: { poll_id: poll.id, user_id: userId, party_id: partyId },
    ballot: {
      id: newId(),
      poll_id: poll.id,
      ballot_key: ballotKey,
      user_id: anonymous ? null : userId,
      party_id: partyId,
      allocations: JSON.stringify(check.allocations),
      reason: check.reason,
    },
  });
  if (outcome === 'already_voted') throw new ConflictError('already_voted', 'error.alreadyVoted');
  if (outcome === 'poll_closed') throw new ConflictError('poll_closed', 'error.pollClosed');
  publishSessionChange(services, session);
  return { pollId: poll.id, replaced: outcome === 'replaced' };
}

