import type { Services } from '../../context';
import { ConflictError } from '../../errors';
import type { PollRow, WorkSessionRow } from '../../storage/rows';
import { publishSessionChange } from '../sessions/publishSessionChange';

/** Command: the chair closes an open poll; a second close is a conflict. */
export async function closePoll(services: Services, session: WorkSessionRow, poll: PollRow): Promise<void> {
  if (!(await services.repos.polls.close(poll.id, Date.now()))) throw new ConflictError('poll_closed', 'error.pollClosed');
  publishSessionChange(services, session);
}
