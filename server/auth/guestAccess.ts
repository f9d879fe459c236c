/**
 * A guest's sign-in lasts as long as their access (issue 14 item 7): while their session runs
 * and 12 hours after it ended. Requests, open sockets and event streams all ask here, so a guest
 * whose time is up is let go everywhere, not only on their next request.
 */
import { isGuestAccessLive } from '../../shared/sessions/guests';
import type { Repos } from '../storage/ports';
import { isSessionLive } from './sessionTokens';

/** True for anyone who is no guest; for a guest, whether their grant still stands. */
export async function guestStillWelcome(repos: Repos, userId: string, now = Date.now()): Promise<boolean> {
  // A guest who signed up keeps their grant row but is an account now: no end applies to them.
  if ((await repos.users.findById(userId))?.guest !== 1) return true;
  const grant = await repos.guests.findGrant(userId);
  return grant !== undefined && isGuestAccessLive(grant.session_ended_at, now);
}

/** The session stands (unexpired) and, for a guest, so does their access. */
export async function isSignInLive(repos: Repos, sessionId: string, now = Date.now()): Promise<boolean> {
  if (!(await isSessionLive(repos.sessions, sessionId, now))) return false;
  const session = await repos.sessions.findById(sessionId);
  return session !== undefined && (await guestStillWelcome(repos, session.user_id, now));
}
