/**
 * Someone with a join code and a name becomes a guest of that session's party (issue 14 item 7):
 * a user without an address or password, and a grant the policies read as the role `guest`.
 */
import { guestDisplayName } from '../../../shared/sessions/guests';
import type { Language } from '../../../shared/i18n/messages';
import { noPassword } from '../../auth/passwords';
import type { Services } from '../../context';
import { GoneError } from '../../errors';
import { newId } from '../../storage/ids';
import type { JoinCodeRow, SessionGuestRow, UserRow } from '../../storage/rows';

/** Where the address goes for a guest: unique like one, never deliverable (no @). */
const placeholderAddress = (userId: string) => `guest:${userId}`;

export async function joinAsGuest(services: Services, code: JoinCodeRow, name: string, language: Language, now = Date.now()): Promise<{ user: UserRow; grant: SessionGuestRow }> {
  const session = await services.repos.workSessions.findById(code.session_id);
  // A code outlives nothing: when its session has ended, it opens nothing either.
  if (!session || session.status !== 'running') throw new GoneError('code_expired', 'error.joinCodeExpired');
  const id = newId();
  const user: UserRow = {
    id,
    email: placeholderAddress(id),
    name: guestDisplayName(name),
    password_hash: noPassword,
    created_at: now,
    deleted_at: null,
    email_verified_at: null,
    language,
    workspace_mails: 0,
    guest: 1,
  };
  const grant: SessionGuestRow = { user_id: id, session_id: session.id, workspace_id: session.workspace_id, party_id: code.party_id, join_code_id: code.id, created_at: now };
  // The seat is counted in the same transaction: false means another phone took the last one.
  if (!(await services.repos.guests.join(code, user, grant, now))) throw new GoneError('code_used_up', 'error.joinCodeUsedUp');
  return { user, grant };
}
