/**
 * Sessions the way Lucia v3 prescribed them (the `lucia` package itself is deprecated):
 * a random token of 160 bits goes to the browser; only its SHA-256 hash is stored as the
 * session id, so a leaked database does not leak usable sessions.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { SessionRepo } from '../storage/ports';
import type { SessionRow } from '../storage/rows';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** A session used in the second half of its life is extended to a full lifetime again. */
export const SESSION_RENEW_BEFORE_MS = SESSION_LIFETIME_MS / 2;

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(sessions: SessionRepo, token: string, userId: string, now = Date.now(), userAgent: string | null = null): Promise<SessionRow> {
  const row: SessionRow = { id: hashToken(token), user_id: userId, expires_at: now + SESSION_LIFETIME_MS, created_at: now, user_agent: userAgent?.slice(0, 200) ?? null };
  await sessions.insert(row);
  return row;
}

export interface ValidatedSession {
  session: SessionRow;
  /** True when the expiry moved: the cookie must be sent again with the new expiry. */
  renewed: boolean;
}

/** Looks the token up, deletes it when expired and slides its expiry when renewal is due. */
export async function validateSessionToken(sessions: SessionRepo, token: string, now = Date.now()): Promise<ValidatedSession | null> {
  const session = await sessions.findById(hashToken(token));
  if (!session) return null;
  if (!isLive(session, now)) {
    await sessions.delete(session.id);
    return null;
  }
  if (now >= session.expires_at - SESSION_RENEW_BEFORE_MS) {
    const renewedSession = { ...session, expires_at: now + SESSION_LIFETIME_MS };
    await sessions.setExpiry(session.id, renewedSession.expires_at);
    return { session: renewedSession, renewed: true };
  }
  return { session, renewed: false };
}

export function invalidateSession(sessions: SessionRepo, sessionId: string): Promise<void> {
  return sessions.delete(sessionId);
}

const isLive = (session: SessionRow | undefined, now: number): boolean => session !== undefined && now < session.expires_at;

/**
 * The one check of whether a session still stands, for everything that outlives a request:
 * sockets (the registry's sweep) and event streams (before every write and in their sweep).
 */
export async function isSessionLive(sessions: SessionRepo, sessionId: string, now = Date.now()): Promise<boolean> {
  return isLive(await sessions.findById(sessionId), now);
}
