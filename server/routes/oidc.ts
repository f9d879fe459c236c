/**
 * `GET /api/auth/oidc/start` and `/callback`: signing in through the organisation's OpenID
 * provider. The start leaves a random token in a short-lived HttpOnly cookie and keeps state,
 * nonce, PKCE verifier and the page to return to server-side under the token's hash; the
 * callback takes that record once (a replayed or foreign answer finds nothing), lets
 * openid-client check the provider's answer, and signs the person in. Every refusal lands on
 * the sign-in page with `?sso_error=<code>`, which the page explains in the person's language.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SsoError } from '../../shared/api/accounts';
import { safeReturnPath } from '../../shared/api/returnPath';
import { accountForIdentity } from '../auth/oidc/accountForIdentity';
import { OidcClient } from '../auth/oidc/OidcClient';
import { generateSessionToken, hashToken } from '../auth/sessionTokens';
import type { AppEnv, Services } from '../context';
import { NotFoundError, TooManyRequestsError } from '../errors';
import { clientAddress } from '../http/clientAddress';
import { startSession } from '../http/session';
import { mailLanguage } from '../mail/messages';
import { describeError } from '../support/log';

const LOGIN_COOKIE = 'oidc_login';
/** Time to sign in at the provider, MFA included. */
const LOGIN_LIFETIME_MS = 10 * 60 * 1000;
export const CALLBACK_PATH = '/api/auth/oidc/callback';

export function oidcRoutes(services: Services) {
  const { repos, config } = services;
  const logger = services.logger.child({ component: 'auth' });
  const client = config.oidc ? new OidcClient(config.oidc, config.publicUrl + CALLBACK_PATH) : null;
  const secure = config.publicUrl.startsWith('https:');
  const cookiePath = '/api/auth/oidc';

  const requireClient = (): OidcClient => {
    if (!client) throw new NotFoundError('error.ssoNotConfigured');
    return client;
  };

  /** Back to the sign-in page, which explains the code; the return path stays for the next try. */
  const refuse = (c: Context<AppEnv>, reason: SsoError, returnTo = '/') => {
    services.metrics.signInFailed();
    const next = returnTo === '/' ? '' : `&next=${encodeURIComponent(returnTo)}`;
    return c.redirect(`/inloggen?sso_error=${reason}${next}`, 302);
  };

  return new Hono<AppEnv>()
    .get('/start', async (c) => {
      const oidc = requireClient();
      // Every start stores an attempt: without a limit one address could fill the table.
      const wait = services.ssoStarts.take(clientAddress(c, config.trustProxy));
      if (wait > 0) throw new TooManyRequestsError(wait);
      const returnTo = safeReturnPath(c.req.query('next'));
      let started;
      try {
        started = await oidc.start();
      } catch (error) {
        logger.warn('OpenID provider unreachable', describeError(error));
        return refuse(c, 'provider', returnTo);
      }
      const token = generateSessionToken();
      const expiresAt = Date.now() + LOGIN_LIFETIME_MS;
      const { state, nonce, codeVerifier } = started.checks;
      await repos.oidcLogins.insert({ id: hashToken(token), state, nonce, code_verifier: codeVerifier, return_to: returnTo, expires_at: expiresAt });
      // Lax: the provider's redirect back is a top-level GET, which carries it; nothing else does.
      setCookie(c, LOGIN_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: cookiePath, maxAge: LOGIN_LIFETIME_MS / 1000 });
      c.header('Cache-Control', 'no-store');
      return c.redirect(started.url.href, 302);
    })
    .get('/callback', async (c) => {
      const oidc = requireClient();
      const token = getCookie(c, LOGIN_COOKIE);
      deleteCookie(c, LOGIN_COOKIE, { path: cookiePath, secure });
      // Taken whatever follows: this browser's attempt is spent, right or wrong.
      const login = token ? await repos.oidcLogins.take(hashToken(token), Date.now()) : null;
      if (!login) return refuse(c, 'state');
      if (c.req.query('state') !== login.state) return refuse(c, 'state', login.return_to);
      if (c.req.query('error') !== undefined) return refuse(c, 'cancelled', login.return_to);

      let identity;
      try {
        const answer = new URL(config.publicUrl + CALLBACK_PATH + new URL(c.req.url).search);
        identity = await oidc.finish(answer, { state: login.state, nonce: login.nonce, codeVerifier: login.code_verifier });
      } catch (error) {
        logger.warn('OpenID sign-in not accepted', describeError(error));
        return refuse(c, 'provider', login.return_to);
      }
      const outcome = await accountForIdentity(repos, logger, identity, mailLanguage(c.req.header('accept-language')), config.oidc!.trustEmail);
      if ('refused' in outcome) return refuse(c, outcome.refused, login.return_to);

      await startSession(c, services, outcome.user.id);
      return c.redirect(login.return_to, 302);
    });
}
