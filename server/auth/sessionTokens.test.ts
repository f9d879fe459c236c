import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Repos } from '../storage/ports';
import { createSqliteStorage, type SqliteStorage } from '../storage/sqlite/createSqliteStorage';
import {
  createSession,
  generateSessionToken,
  hashToken,
  invalidateSession,
  SESSION_LIFETIME_MS,
  validateSessionToken,
} from './sessionTokens';

const DAY_MS = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2027, 0, 15, 9, 0, 0);

let dataDir: string;
let storage: SqliteStorage;
let db: SqliteStorage['sqlite'];
let repos: Repos;
let userId: string;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'werktafel-sessions-'));
  storage = createSqliteStorage(dataDir);
  db = storage.sqlite;
  repos = storage.repos;
  userId = (await repos.users.create({ email: 'anna@example.nl', name: 'Anna', passwordHash: 'x' }))!.id;
});
afterEach(async () => {
  await storage.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const allSessionRows = () => db.prepare('SELECT * FROM sessions').all() as { id: string; user_id: string; expires_at: number }[];

describe('tokens', () => {
  test('are 32 lower-case base32 characters: 160 random bits', async () => {
    const token = generateSessionToken();
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    // 32 base32 characters carry 5 bits each.
    expect(token.length * 5).toBeGreaterThanOrEqual(128);
  });

  test('do not repeat, and every character position varies', async () => {
    const tokens = Array.from({ length: 2000 }, generateSessionToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (let position = 0; position < 32; position++) {
      // 160 bits fill all 32 characters; a fixed position would mean fewer random bits than claimed.
      expect(new Set(tokens.map((t) => t[position])).size).toBeGreaterThan(16);
    }
  });

  test('hash to hex SHA-256', async () => {
    // SHA-256("abc"), the FIPS 180-2 test vector.
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('sessions in SQLite', () => {
  test('only the SHA-256 of the token is stored, never the token', async () => {
    const token = generateSessionToken();
    const session = await createSession(repos.sessions, token, userId, T0);
    expect(session).toEqual({ id: hashToken(token), user_id: userId, expires_at: T0 + SESSION_LIFETIME_MS, created_at: T0, user_agent: null });
    expect(SESSION_LIFETIME_MS).toBe(30 * DAY_MS);
    const rows = allSessionRows();
    expect(rows).toEqual([{ id: hashToken(token), user_id: userId, expires_at: T0 + SESSION_LIFETIME_MS, created_at: T0, user_agent: null }]);
    expect(JSON.stringify(rows)).not.toContain(token);
    // Looking up by the stored id (as a thief of the database would) does not work.
    expect(await validateSessionToken(repos.sessions, rows[0]!.id, T0)).toBeNull();
  });

  test('a valid token finds its session; an unknown token finds nothing', async () => {
    const token = generateSessionToken();
    await createSession(repos.sessions, token, userId, T0);
    expect(await validateSessionToken(repos.sessions, token, T0 + DAY_MS)).toEqual({
      session: { id: hashToken(token), user_id: userId, expires_at: T0 + SESSION_LIFETIME_MS, created_at: T0, user_agent: null },
      renewed: false,
    });
    expect(await validateSessionToken(repos.sessions, generateSessionToken(), T0)).toBeNull();
  });

  test('an expired session is refused and deleted', async () => {
    const token = generateSessionToken();
    await createSession(repos.sessions, token, userId, T0);
    expect(await validateSessionToken(repos.sessions, token, T0 + SESSION_LIFETIME_MS)).toBeNull();
    expect(allSessionRows()).toEqual([]);
    // Gone for good, even if the clock were to go back.
    expect(await validateSessionToken(repos.sessions, token, T0)).toBeNull();
  });

  test('use in the first half of its life does not move the expiry', async () => {
    const token = generateSessionToken();
    await createSession(repos.sessions, token, userId, T0);
    for (const at of [T0, T0 + DAY_MS, T0 + 15 * DAY_MS - 1]) {
      const result = (await validateSessionToken(repos.sessions, token, at))!;
      expect(result.renewed).toBe(false);
      expect(result.session.expires_at).toBe(T0 + SESSION_LIFETIME_MS);
    }
    expect(allSessionRows()[0]!.expires_at).toBe(T0 + SESSION_LIFETIME_MS);
  });

  test('use in the second half slides the expiry to a full lifetime from now, in the database too', async () => {
    const token = generateSessionToken();
    await createSession(repos.sessions, token, userId, T0);
    const at = T0 + 20 * DAY_MS;
    const result = (await validateSessionToken(repos.sessions, token, at))!;
    expect(result.renewed).toBe(true);
    expect(result.session.expires_at).toBe(at + SESSION_LIFETIME_MS);
    expect(allSessionRows()[0]!.expires_at).toBe(at + SESSION_LIFETIME_MS);
    // Past the original expiry it still works, because it slid.
    expect(await validateSessionToken(repos.sessions, token, T0 + SESSION_LIFETIME_MS + DAY_MS)).not.toBeNull();
    // And right after renewal it is in its first half again.
    expect((await validateSessionToken(repos.sessions, token, at + 1))!.renewed).toBe(false);
  });

  test('renewal starts exactly at half-life', async () => {
    const token = generateSessionToken();
    await createSession(repos.sessions, token, userId, T0);
    expect((await validateSessionToken(repos.sessions, token, T0 + SESSION_LIFETIME_MS / 2))!.renewed).toBe(true);
  });

  test('invalidation ends only that session', async () => {
    const first = generateSessionToken();
    const second = generateSessionToken();
    await createSession(repos.sessions, first, userId, T0);
    await createSession(repos.sessions, second, userId, T0);
    await invalidateSession(repos.sessions, hashToken(first));
    expect(await validateSessionToken(repos.sessions, first, T0 + 1)).toBeNull();
    expect(await validateSessionToken(repos.sessions, second, T0 + 1)).not.toBeNull();
    expect(allSessionRows().map((r) => r.id)).toEqual([hashToken(second)]);
  });

  test('the periodic sweep deletes expired sessions only', async () => {
    const old = generateSessionToken();
    const fresh = generateSessionToken();
    await createSession(repos.sessions, old, userId, T0 - SESSION_LIFETIME_MS);
    await createSession(repos.sessions, fresh, userId, T0);
    expect(await repos.sessions.deleteExpired(T0)).toBe(1);
    expect(allSessionRows().map((r) => r.id)).toEqual([hashToken(fresh)]);
  });
});
