/**
 * The werktafel account a provider's sign-in opens: found through its link, linked to an
 * account with the same verified address, or made new, as `decideSsoSignIn` rules. Every link
 * and every new account is written to the log (who and which provider; never a token).
 */
import type { SsoError } from '../../../shared/api/accounts';
import { providerProfile } from '../../../shared/api/schemas';
import type { Language } from '../../../shared/i18n/messages';
import { decideSsoSignIn } from '../../policies/singleSignOn';
import type { Repos } from '../../storage/ports';
import type { UserRow } from '../../storage/rows';
import type { Logger } from '../../support/log';
import { noPassword } from '../passwords';
import type { ProviderIdentity } from './OidcClient';

export type SsoOutcome = { user: UserRow } | { refused: SsoError };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The address and a name from the claims, by the sign-up form's rules; null for what fails them. */
export function readProfile(claims: Record<string, unknown>, trustEmail = false): { email: string | null; name: string; emailVerified: boolean } {
  const email = providerProfile.shape.email.safeParse(claims.email);
  const address = email.success ? email.data : null;
  const candidates = [text(claims.name), `${text(claims.given_name)} ${text(claims.family_name)}`, text(claims.preferred_username), address?.split('@')[0] ?? ''];
  const name = candidates.map((c) => providerProfile.shape.name.safeParse(c)).find((r) => r.success)?.data ?? 'Nieuwe deelnemer';
  // Only a real `true`, or a provider the administrator vouches for (OIDC_TRUST_EMAIL): one that
  // does not say so has not verified the address.
  return { email: address, name, emailVerified: address !== null && (claims.email_verified === true || trustEmail) };
}

export async function accountForIdentity(repos: Repos, logger: Logger, identity: ProviderIdentity, language: Language, trustEmail: boolean, now = Date.now()): Promise<SsoOutcome> {
  const { issuer, subject } = identity;
  const profile = readProfile(identity.claims, trustEmail);
  const link = await repos.identities.find(issuer, subject);
  const linked = link ? await repos.users.findById(link.user_id) : undefined;
  const sameAddress = !linked && profile.email ? await repos.users.findByEmail(profile.email) : undefined;
  const decision = decideSsoSignIn(linked, sameAddress, profile);
  switch (decision.kind) {
    case 'signIn':
      return { user: decision.user };
    case 'link': {
      // Another sign-in may have linked this identity a moment ago; then this one starts over.
      if (!(await repos.identities.link({ issuer, subject, user_id: decision.user.id, created_at: now }))) return { refused: 'state' };
      logger.info('identity linked to an existing account', { component: 'auth', userId: decision.user.id, issuer });
      return { user: decision.user };
    }
    case 'create': {
      const user = await repos.users.create({
        email: profile.email!,
        name: profile.name,
        passwordHash: noPassword,
        language,
        emailVerifiedAt: profile.emailVerified ? now : null,
        identity: { issuer, subject },
      });
      if (!user) return { refused: 'state' };
      logger.info('account created through single sign-on', { component: 'auth', userId: user.id, issuer, emailVerified: profile.emailVerified });
      return { user };
    }
    case 'refuse':
      logger.info('single sign-on refused', { component: 'auth', reason: decision.reason, issuer, userId: sameAddress?.id ?? linked?.id ?? null });
      return { refused: decision.reason };
  }
}
