/** Reads the session cookie into `c.var.user` and re-sends it when its expiry slid forward. */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createSession, generateSessionToken, invalidateSession, validateSessionToken } from '../auth/sessionTokens';
import { guestStillWelcome } from '../auth/guestAccess';
import type { AppEnv, Services } from '../context';
import { UnauthorizedError } from '../errors';
import type { UserRow } from '../storage/rows';

export const SESSION_COOKIE = 'session';

export function setSessionCookie(c: Context, services: Services, token: string, expiresAt: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: services.config.publicUrl.startsWith('https:'),
    expires: new Date(expiresAt),
  });
}

/** Signs the person in on this browser: a new session, its cookie set on the response. */
export async function startSession(c: Context, services: Services, userId: string): Promise<void> {
  const token = generateSessionToken();
  const session = await createSession(services.repos.sessions, token, userId, Date.now(), c.req.header('user-agent') ?? null);
  setSessionCookie(c, services, token, session.expires_at);
}

export function clearSessionCookie(c: Context, services: Services): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: services.config.publicUrl.startsWith('https:') });
}

export function sessionMiddleware(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const validated = await validateSessionToken(services.repos.sessions, token);
      const user = validated ? await services.repos.users.findById(validated.session.user_id) : undefined;
      if (validated && user && user.guest === 1 && !(await guestStillWelcome(services.repos, user.id))) {
        // A guest's sign-in ends with their access, 12 hours after their session ended.
        await invalidateSession(services.repos.sessions, validated.session.id);
        clearSessionCookie(c, services);
      } else if (validated && user) {
        c.set('user', user);
        c.set('session', validated.session);
        if (validated.renewed) setSessionCookie(c, services, token, validated.session.expires_at);
      } else {
        clearSessionCookie(c, services);
      }
    }
    await next();
  };
}

export function requireUser(c: Context<AppEnv>): UserRow {
  const user = c.get('user');
  if (!user) throw new UnauthorizedError();
  return user;
}
