/**
 * Commands: start a session (the starter chairs it, on the first step) and hand the chair over.
 * Ending it, with its minutes, is endSession.ts.
 */
import type { Services } from '../../context';
import { ConflictError } from '../../errors';
import { newId } from '../../storage/ids';
import type { WorkSessionRow } from '../../storage/rows';
import { publishSessionChange } from './publishSessionChange';

export async function startSession(services: Services, session: WorkSessionRow, userId: string, now = Date.now()): Promise<void> {
  if (session.status !== 'planned') throw new ConflictError('session_not_planned', 'error.sessionNotPlanned');
  const { repos } = services;
  await repos.workSessions.setStatus(session.id, 'running', now, userId);
  const [first] = await repos.workSessions.listSteps(session.id);
  if (first) {
    await repos.workSessions.setState(session.id, { chair_user_id: userId, current_step_id: first.id });
    await repos.workSessions.switchStep(session.id, now, { id: newId(), session_id: session.id, step_id: first.id, started_at: now, ended_at: null });
  }
  publishSessionChange(services, session);
}

export async function handOverChair(services: Services, session: WorkSessionRow, userId: string): Promise<void> {
  await services.repos.workSessions.setState(session.id, { chair_user_id: userId });
  // The lock follows the chair: the new chair may write, the old one no longer.
  if (session.locked === 1) services.sessionLocks.set(session.id, session.workspace_id, userId);
  publishSessionChange(services, session);
}
