/**
 * Which werktafel account a sign-in at the OpenID provider opens. An identity already linked
 * opens its account. Otherwise the address decides, and an existing account is only ever
 * linked when both sides vouch for the address: the provider says it verified it, and the
 * werktafel account's owner followed a link sent to it. Anything less could hand someone's
 * account to whoever registered that address at a provider (or typed it at sign-up here).
 */
import type { SsoError } from '../../shared/api/accounts';
import type { UserRow } from '../storage/rows';

export interface ProviderProfile {
  /** A valid address from the provider's claims, lower case; null when it gave none. */
  email: string | null;
  /** The provider's `email_verified` is exactly `true`. */
  emailVerified: boolean;
}

export type SsoDecision =
  | { kind: 'signIn'; user: UserRow }
  | { kind: 'link'; user: UserRow }
  | { kind: 'create' }
  | { kind: 'refuse'; reason: SsoError };

export function decideSsoSignIn(linked: UserRow | undefined, sameAddress: UserRow | undefined, profile: ProviderProfile): SsoDecision {
  if (linked) return linked.deleted_at === null ? { kind: 'signIn', user: linked } : { kind: 'refuse', reason: 'deleted' };
  if (profile.email === null) return { kind: 'refuse', reason: 'no_email' };
  // A new account takes the address as its own: only when the provider vouches for it. Else an
  // account made with someone else's address would, once its owner reset the password through
  // it, still open to whoever set that address at the provider.
  if (!sameAddress) return profile.emailVerified ? { kind: 'create' } : { kind: 'refuse', reason: 'unverified_new' };
  if (sameAddress.deleted_at !== null) return { kind: 'refuse', reason: 'deleted' };
  if (!profile.emailVerified) return { kind: 'refuse', reason: 'unverified' };
  if (sameAddress.email_verified_at === null) return { kind: 'refuse', reason: 'not_linkable' };
  return { kind: 'link', user: sameAddress };
}
