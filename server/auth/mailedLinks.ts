/**
 * The single-use links werktafel mails to a person's address: a password reset (one hour) and
 * the verification of an address (a week). Only the SHA-256 of a token is stored; the link
 * names the address it went to and stops working when the account's address changes.
 */
import type { Services } from '../context';
import { appLink, deliverLater } from '../mail/deliver';
import { mails, type MailLanguage } from '../mail/messages';
import type { SingleUseLinkPurpose, UserRow } from '../storage/rows';
import { generateSessionToken, hashToken } from './sessionTokens';

const HOUR_MS = 60 * 60 * 1000;

const lifetimeMs: Record<SingleUseLinkPurpose, number> = {
  password_reset: HOUR_MS,
  email_verification: 7 * 24 * HOUR_MS,
};

/** The client's page for each link. */
const pagePath: Record<SingleUseLinkPurpose, string> = {
  password_reset: '/wachtwoord-herstellen/',
  email_verification: '/e-mail-bevestigen/',
};

async function createLink(services: Services, purpose: SingleUseLinkPurpose, user: UserRow): Promise<string> {
  const token = generateSessionToken();
  await services.repos.singleUseLinks.insert({ token_hash: hashToken(token), purpose, user_id: user.id, email: user.email, expires_at: Date.now() + lifetimeMs[purpose] });
  return appLink(services, pagePath[purpose] + token);
}

export async function mailPasswordResetLink(services: Services, user: UserRow, language: MailLanguage): Promise<void> {
  const link = await createLink(services, 'password_reset', user);
  deliverLater(services, { to: user.email, ...mails.passwordReset[language](user.name, link) }, 'password reset');
}

export async function mailVerificationLink(services: Services, user: UserRow, language: MailLanguage = user.language): Promise<void> {
  // Only the newest link counts: an older one may have gone to an address the person mistyped.
  await services.repos.singleUseLinks.dropForUser(user.id, 'email_verification');
  const link = await createLink(services, 'email_verification', user);
  deliverLater(services, { to: user.email, ...mails.verifyEmail[language](user.name, link) }, 'address verification');
}

/** Takes a mailed link: resolves with the account and address it was sent to, or null. */
export function takeMailedLink(services: Services, purpose: SingleUseLinkPurpose, token: string) {
  return services.repos.singleUseLinks.take(purpose, hashToken(token), Date.now());
}
