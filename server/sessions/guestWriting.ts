/**
 * Guests write in the documents only while the current step of their werksessie lets them
 * (issue 14, item 7: "unless the chair allows it for a step"). What a socket may do is fixed
 * when it opens, so when that changes — another step, the agenda edited, the session ended —
 * the session's guests are told to reconnect (close 4001, as for a changed role) and their
 * next socket and page get what holds then.
 */
import { CloseCode } from '../../shared/collab/protocol';
import type { Services } from '../context';
import { stepLetsGuestsWrite, type Membership } from '../policies';
import type { Repos } from '../storage/ports';
import type { WorkSessionRow } from '../storage/rows';

/** For a guest's membership: whether their session's current step lets guests write now. */
export async function guestsWriteNow(repos: Repos, membership: Membership | undefined | null): Promise<boolean> {
  if (membership?.role !== 'guest' || !membership.guest_session_id) return false;
  const session = await repos.workSessions.findById(membership.guest_session_id);
  if (!session) return false;
  return stepLetsGuestsWrite(session, await repos.workSessions.listSteps(session.id));
}

/** Whether the session's guests may write now, read fresh from storage. */
export async function sessionLetsGuestsWrite(repos: Repos, sessionId: string): Promise<boolean> {
  const session = await repos.workSessions.findById(sessionId);
  return session ? stepLetsGuestsWrite(session, await repos.workSessions.listSteps(sessionId)) : false;
}

/** After a change: when whether guests may write has turned, the guests reconnect. */
export async function guestWritingChanged(services: Services, session: Pick<WorkSessionRow, 'id' | 'workspace_id'>, before: boolean): Promise<void> {
  if ((await sessionLetsGuestsWrite(services.repos, session.id)) === before) return;
  for (const guest of await services.repos.guests.listNamesForSession(session.id)) {
    services.connections.closeForMember(session.workspace_id, guest.user_id, CloseCode.roleChanged, 'guests writing changed');
  }
}
