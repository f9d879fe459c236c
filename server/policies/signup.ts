/**
 * Who may make a new account (`SIGNUP`): everyone (`open`), only people holding a usable invite
 * (`invite`), or addresses of the organisation's own domains and invited people (`domains`).
 * Invite links work in every mode. An account made through single sign-on passes in every mode:
 * the organisation's own identity provider already decided who may sign in there.
 */
import type { SignupMode } from '../../shared/api/accounts';
import { HttpError, type ServerMessage } from '../errors';

export type SignupPolicy = { mode: 'open' } | { mode: 'invite' } | { mode: 'domains'; domains: readonly string[] };

export interface SignupRequest {
  email: string;
  /** The request carried an invite token that can still be used. */
  hasUsableInvite: boolean;
  /** `password`: the sign-up form; `oidc`: a first sign-in through the OpenID provider. */
  via: 'password' | 'oidc';
}

/**
 * The domain of an address, lower case: everything after its last `@`. Compared whole with the
 * allowed domains, so neither `evilzaanstad.nl` nor `zaanstad.nl.evil.com` (nor a subdomain such
 * as `mail.zaanstad.nl`) passes for `zaanstad.nl`.
 */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export function maySignUp(policy: SignupPolicy, request: SignupRequest): boolean {
  if (request.via === 'oidc' || request.hasUsableInvite || policy.mode === 'open') return true;
  if (policy.mode === 'invite') return false;
  return policy.domains.includes(emailDomain(request.email));
}

/** Throws 403 `signup_closed`, with a message on the address, when the sign-up is not allowed. */
export function authorizeSignup(policy: SignupPolicy, request: SignupRequest): void {
  if (maySignUp(policy, request)) return;
  const message: ServerMessage =
    policy.mode === 'domains' ? { key: 'error.signupDomains', params: { domains: policy.domains.join(', ') } } : 'error.signupInvite';
  throw new HttpError(403, 'signup_closed', message, { email: message });
}

/** What the sign-up page may tell before anyone tries (`GET /api/auth/options`). */
export function describeSignup(policy: SignupPolicy): { signup: SignupMode; domains?: string[] } {
  return policy.mode === 'domains' ? { signup: 'domains', domains: [...policy.domains] } : { signup: policy.mode };
}
