/**
 * Signing up while signed in as a guest (issue 14 item 7): the guest becomes the account, with
 * the same user id, so the cards, ballots, comments and edits they made stay theirs. Their
 * grant for the session stays as it was; joining workspaces as a member goes through invites.
 */
import type { Services } from '../context';
import type { UserRow } from '../storage/rows';
import type { Language } from '../../shared/i18n/messages';

/** Resolves the account, or null when the address is taken. */
export async function turnGuestIntoAccount(
  services: Services,
  guest: UserRow,
  account: { email: string; name: string; passwordHash: string; language: Language },
): Promise<UserRow | null> {
  if (!(await services.repos.guests.becomeAccount(guest.id, account))) return null;
  return (await services.repos.users.findById(guest.id)) ?? null;
}
