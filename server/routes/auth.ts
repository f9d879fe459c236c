import { Hono } from 'hono';
import { loginReq, passwordResetReq, passwordResetRequestReq, signupReq } from '../../shared/api/schemas';
import { hashPassword, hasPassword, verifyAgainstDummy, verifyPassword } from '../auth/passwords';
import { createSession, generateSessionToken, hashToken, invalidateSession } from '../auth/sessionTokens';
import type { AppEnv, Services } from '../context';
import { ConflictError, GoneError, TooManyRequestsError, UnauthorizedError } from '../errors';
import { mailLanguage, passwordResetMail } from '../mail/messages';
import { describeError } from '../support/log';
import { clientAddress } from '../http/clientAddress';
import { clearSessionCookie, setSessionCookie } from '../http/session';
import { parseBody } from '../http/validate';
import { authorizeSignup, describeSignup } from '../policies/signup';
import { presentUser } from '../presenters';
import { isUsableInvite } from './loaders';
import type { AuthOptions } from '../../shared/api/accounts';
import { CloseCode } from '../../shared/collab/protocol';

/** A reset link works once, within this time. */
const RESET_LIFETIME_MS = 60 * 60 * 1000;

export function authRoutes(services: Services) {
  const { repos, throttle } = services;

  return new Hono<AppEnv>()
    .get('/options', (c) => {
      const { oidc, signup } = services.config;
      return c.json({ oidc: oidc ? { name: oidc.name } : null, ...describeSignup(signup) } satisfies AuthOptions);
    })
    .post('/signup', async (c) => {
      const body = await parseBody(c, signupReq);
      authorizeSignup(services.config.signup, { email: body.email, hasUsableInvite: await isUsableInvite(repos, body.inviteToken), via: 'password' });
      // Counted before the hash, which is the cost the limit is there for.
      const wait = services.signUps.take(clientAddress(c, services.config.trustProxy));
      if (wait > 0) throw new TooManyRequestsError(wait, 'Vanaf dit adres zijn net veel accounts aangemaakt.');
      // Hash first, whatever happens next, so the response time does not tell whether the
      // email was known. A taken email must still be refused: that much is unavoidable.
      const passwordHash = await hashPassword(body.password);
      const user = await repos.users.create({ email: body.email, name: body.name, passwordHash, language: body.language ?? mailLanguage(c.req.header('accept-language')) });
      if (!user) {
        throw new ConflictError('email_taken', 'Met dit e-mailadres kun je geen nieuw account maken. Log in of gebruik een ander adres.', {
          email: 'Met dit e-mailadres kun je geen nieuw account maken.',
        });
      }
      const token = generateSessionToken();
      const session = await createSession(repos.sessions, token, user.id, Date.now(), c.req.header('user-agent') ?? null);
      setSessionCookie(c, services, token, session.expires_at);
      return c.json(presentUser(user), 201);
    })
    .post('/login', async (c) => {
      const body = await parseBody(c, loginReq);
      const address = clientAddress(c, services.config.trustProxy);
      const wait = throttle.retryAfterMs(body.email, address);
      if (wait > 0) throw new TooManyRequestsError(wait);

      const found = await repos.users.findByEmail(body.email);
      // A deleted account signs in as no account.
      const user = found && found.deleted_at === null ? found : undefined;
      // An account made through single sign-on has no password: it takes as long as a wrong one.
      const ok = user && hasPassword(user.password_hash) ? await verifyPassword(user.password_hash, body.password) : await verifyAgainstDummy(body.password);
      if (!user || !ok) {
        throttle.recordFailure(body.email, address);
        services.metrics.signInFailed();
        throw new UnauthorizedError('E-mailadres of wachtwoord klopt niet.', 'invalid_credentials');
      }
      throttle.recordSuccess(body.email, address);
      const token = generateSessionToken();
      const session = await createSession(repos.sessions, token, user.id, Date.now(), c.req.header('user-agent') ?? null);
      setSessionCookie(c, services, token, session.expires_at);
      return c.json(presentUser(user));
    })
    .post('/logout', async (c) => {
      const session = c.get('session');
      if (session) {
        await invalidateSession(repos.sessions, session.id);
        services.connections.closeForSession(session.id, CloseCode.sessionEnded, 'signed out');
      }
      clearSessionCookie(c, services);
      return c.body(null, 204);
    })
    .post('/password-reset', async (c) => {
      const body = await parseBody(c, passwordResetRequestReq);
      const wait = services.resetRequests.take(clientAddress(c, services.config.trustProxy));
      if (wait > 0) throw new TooManyRequestsError(wait);
      const user = await repos.users.findByEmail(body.email);
      // The same answer whether or not the address has an account; the mail goes out after it.
      if (user && user.deleted_at === null) {
        const token = generateSessionToken();
        await repos.passwordResets.insert({ token_hash: hashToken(token), user_id: user.id, expires_at: Date.now() + RESET_LIFETIME_MS });
        const link = `${services.config.publicUrl.replace(/\/$/, '')}/wachtwoord-herstellen/${token}`;
        const mail = passwordResetMail(mailLanguage(c.req.header('accept-language')), user.name, link);
        services.mailer.send({ to: user.email, ...mail }).catch((error: unknown) => services.logger.error('password reset mail not sent', { component: 'mail', ...describeError(error) }));
      }
      return c.json({ ok: true }, 202);
    })
    .post('/password-reset/:token', async (c) => {
      const body = await parseBody(c, passwordResetReq);
      const userId = await repos.passwordResets.take(hashToken(c.req.param('token')), Date.now());
      if (!userId) throw new GoneError('reset_link_invalid', 'Deze link werkt niet meer: hij is al gebruikt of verlopen. Vraag een nieuwe aan.');
      await repos.users.setPasswordHash(userId, await hashPassword(body.password));
      await repos.passwordResets.dropForUser(userId);
      // Whoever had the old password is signed out everywhere; the person signs in anew.
      const ended = await repos.sessions.deleteAllForUserExcept(userId, null);
      for (const id of ended) services.connections.closeForSession(id, CloseCode.sessionEnded, 'password reset');
      return c.body(null, 204);
    });
}
