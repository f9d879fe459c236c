/**
 * Nobody can lock a rightful person out by failing their sign-in from somewhere else (issue 12,
 * item 7): failures count per account at one address and per address, never per account alone.
 * The attacker and the owner are real, different client addresses (127.0.0.2 and 127.0.0.3).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, signUp } from '../helpers/apiClient';
import { signInFrom } from '../helpers/fromAddress';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlGet } from '../helpers/testSql';

const PASSWORD = 'een-lang-wachtwoord';
const ATTACKER = '127.0.0.2';
const OWNER = '127.0.0.3';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

const sessionsOf = (userId: string) =>
  sqlGet<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?', userId)!.n;

test("50 wrong passwords on the owner's account from one address: the attacker is slowed, the owner elsewhere signs in at once", async () => {
  const owner = await signUp(server.origin, 'Eigenaar');
  const colleague = await signUp(server.origin, 'Collega in hetzelfde buurthuis');
  const sessionsBefore = sessionsOf(owner.userId);

  const statuses: number[] = [];
  for (let i = 0; i < 50; i++) statuses.push((await signInFrom(ATTACKER, server.origin, owner.email, `geraden-${i}`)).status);
  expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
  expect(statuses.filter((s) => s === 429).length, statuses.join(' ')).toBeGreaterThanOrEqual(40);
  expect(statuses).not.toContain(200);
  // Even the right password waits at the attacker's address.
  const fromAttacker = await signInFrom(ATTACKER, server.origin, owner.email, PASSWORD);
  expect(fromAttacker.status).toBe(429);
  expect(Number(fromAttacker.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(fromAttacker.headers['set-cookie']).toBeUndefined();
  expect(sessionsOf(owner.userId)).toBe(sessionsBefore);

  // The owner, from their own address, gets in at the first try, with a working session.
  const fromOwner = await signInFrom(OWNER, server.origin, owner.email, PASSWORD);
  expect(fromOwner.status).toBe(200);
  expect(sessionsOf(owner.userId)).toBe(sessionsBefore + 1);
  const session = new ApiClient(server.origin);
  session.cookie = String(fromOwner.headers['set-cookie']).split(';')[0]!;
  expect((await session.get('/api/me')).body).toMatchObject({ id: owner.userId });

  // Someone else behind the attacker's address, on their own account, is not held up either:
  // one account's guesses are far from the address's own limit.
  expect((await signInFrom(ATTACKER, server.origin, colleague.email, PASSWORD)).status).toBe(200);
});
