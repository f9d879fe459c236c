/**
 * Commands: start a session (the starter chairs it, on the first step), hand the chair over,
 * end it. Ending releases the lock and stops the clock and the open turn.
 */
import type { Services } from '../../context';
import { ConflictError } from '../../errors';
import type { WorkSessionRow } from '../../storage/rows';
import { liveState } from '../../sessions/liveState';
import { publishSessionChange } from './publishSessionChange';

export async function startSession(services: Services, session: WorkSessionRow, userId: string, now = Date.now()): Promise<void> {
  if (session.status !== 'planned') throw new ConflictError('session_not_planned', 'error.sessionNotPlanned');
  const { repos } = services;
  await repos.workSessions.setStatus(session.id, 'running', now, userId);
  const [first] = await repos.workSessions.listSteps(session.id);
  if (first) await repos.workSessions.setState(session.id, { ...liveState(session), chair_user_id: userId, current_step_id: first.id });
  publishSessionChange(services, session);
}

export async function handOverChair(services: Services, session: WorkSessionRow, userId: string): Promise<void> {
  await services.repos.workSessions.setState(session.id, { ...liveState(session), chair_user_id: userId });
  // The lock follows the chair: the new chair may write, the old one no longer.
  if (session.locked === 1) services.sessionLocks.set(session.id, session.workspace_id, userId);
  publishSessionChange(services, session);
}

export async function endSession(services: Services, session: WorkSessionRow, now = Date.now()): Promise<void> {
  await services.repos.workSessions.setStatus(session.id, 'ended', now, session.chair_user_id);
  services.sessionLocks.release(session.id);
  publishSessionChange(services, session);
}
