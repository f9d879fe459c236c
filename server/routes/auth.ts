import { Hono } from 'hono';
import { loginReq, signupReq } from '../../shared/api/schemas';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../auth/passwords';
import { createSession, generateSessionToken, invalidateSession } from '../auth/sessionTokens';
import type { AppEnv, Services } from '../context';
import { ConflictError, TooManyRequestsError, UnauthorizedError } from '../errors';
import { clientAddress } from '../http/clientAddress';
import { clearSessionCookie, setSessionCookie } from '../http/session';
import { parseBody } from '../http/validate';
import { presentUser } from '../presenters';
import { CloseCode } from '../../shared/collab/protocol';

export function authRoutes(services: Services) {
  const { repos, throttle } = services;

  return new Hono<AppEnv>()
    .post('/signup', async (c) => {
      const body = await parseBody(c, signupReq);
      // Counted before the hash, which is the cost the limit is there for.
      const wait = services.signUps.take(clientAddress(c, services.config.trustProxy));
      if (wait > 0) throw new TooManyRequestsError(wait, 'Vanaf dit adres zijn net veel accounts aangemaakt.');
      // Hash first, whatever happens next, so the response time does not tell whether the
      // email was known. A taken email must still be refused: that much is unavoidable.
      const passwordHash = await hashPassword(body.password);
      const user = await repos.users.create({ email: body.email, name: body.name, passwordHash });
      if (!user) {
        throw new ConflictError('email_taken', 'Met dit e-mailadres kun je geen nieuw account maken. Log in of gebruik een ander adres.', {
          email: 'Met dit e-mailadres kun je geen nieuw account maken.',
        });
      }
      const token = generateSessionToken();
      const session = await createSession(repos.sessions, token, user.id);
      setSessionCookie(c, services, token, session.expires_at);
      return c.json(presentUser(user), 201);
    })
    .post('/login', async (c) => {
      const body = await parseBody(c, loginReq);
      const address = clientAddress(c, services.config.trustProxy);
      const wait = throttle.retryAfterMs(body.email, address);
      if (wait > 0) throw new TooManyRequestsError(wait);

      const user = await repos.users.findByEmail(body.email);
      const ok = user ? await verifyPassword(user.password_hash, body.password) : await verifyAgainstDummy(body.password);
      if (!user || !ok) {
        throttle.recordFailure(body.email, address);
        services.metrics.signInFailed();
        throw new UnauthorizedError('E-mailadres of wachtwoord klopt niet.', 'invalid_credentials');
      }
      throttle.recordSuccess(body.email, address);
      const token = generateSessionToken();
      const session = await createSession(repos.sessions, token, user.id);
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
    });
}
