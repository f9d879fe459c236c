/** The environment variables of single sign-on (`OIDC_*`) and of who may sign up (`SIGNUP`). */
import type { SignupPolicy } from '../policies/signup';

export interface OidcConfig {
  /** The provider's issuer URL; its discovery document is at `/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The name on the sign-in button; null: "je organisatie" / "your organisation". */
  name: string | null;
  /**
   * Take the provider's addresses as verified even without `email_verified: true` (Entra ID, for
   * one, does not send it): for a provider whose people cannot choose their own address.
   */
  trustEmail: boolean;
}

/** A domain name of at least two labels, lower case, without a trailing dot. */
const domainName = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;

export function signupPolicyFrom(raw: string | undefined): SignupPolicy {
  if (raw === undefined || raw === '' || raw === 'open') return { mode: 'open' };
  if (raw === 'invite') return { mode: 'invite' };
  if (raw.startsWith('domains:')) {
    const domains = raw.slice('domains:'.length).split(',').map((d) => d.trim().toLowerCase()).filter((d) => d !== '');
    const bad = domains.find((d) => !domainName.test(d));
    if (domains.length > 0 && bad === undefined) return { mode: 'domains', domains };
    throw new Error(`SIGNUP=domains: needs domain names such as domains:zaanstad.nl,amsterdam.nl${bad === undefined ? '' : `; "${bad}" is not one`}`);
  }
  throw new Error(`SIGNUP must be open, invite or domains:<domain>,<domain>…, got "${raw}"`);
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether werktafel may talk plain HTTP to this issuer: only on this machine (tests, a local provider). */
export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname);
}

export function oidcConfigFrom(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.OIDC_ISSUER ?? '';
  const clientId = env.OIDC_CLIENT_ID ?? '';
  const clientSecret = env.OIDC_CLIENT_SECRET ?? '';
  if (issuer === '' && clientId === '' && clientSecret === '') return null;
  if (issuer === '' || clientId === '' || clientSecret === '') throw new Error('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together: set all three or none');
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`OIDC_ISSUER must be a URL, got "${issuer}"`);
  }
  // Tokens and the client secret travel to the issuer: never over plain HTTP across a network.
  if (url.protocol !== 'https:' && !isLoopbackHttp(issuer)) throw new Error(`OIDC_ISSUER must be an https URL, got "${issuer}"`);
  const trust = env.OIDC_TRUST_EMAIL ?? '';
  if (!['', 'true', 'false'].includes(trust)) throw new Error(`OIDC_TRUST_EMAIL must be true or false, got "${trust}"`);
  return { issuer, clientId, clientSecret, name: env.OIDC_NAME ? env.OIDC_NAME : null, trustEmail: trust === 'true' };
}
