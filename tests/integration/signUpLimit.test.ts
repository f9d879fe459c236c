/**
 * Sign-ups are limited per client address (issue 12 item 7): a burst, then a few per minute.
 * One address that signs up as fast as it can gets 429 with an honest `Retry-After` and creates
 * nothing more; another address signs up as usual; and the address earns sign-ups back.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { requestFrom, type AddressedResponse } from '../helpers/fromAddress';
import { eventually } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlGet } from '../helpers/testSql';

let server: TestServer;
// 3 at once, then one every 3 s.
beforeAll(async () => {
  server = await startTestServer({ SIGNUP_BURST: '3', SIGNUP_PER_MINUTE: '20' });
});
afterAll(async () => server.stop());

let counter = 0;
function signUpFrom(address: string, headers: Record<string, string> = {}): Promise<AddressedResponse> {
  const email = `aanmelding-${Date.now()}-${counter++}@example.nl`;
  return requestFrom(address, `${server.origin}/api/auth/signup`, {
    json: { email, name: 'Bezoeker', password: 'een-lang-wachtwoord' },
    headers: { origin: server.origin, ...headers },
  });
}

const userCount = () => sqlGet<{ n: number }>(server, 'SELECT COUNT(*) AS n FROM users')!.n;

test('a flood of sign-ups from one address is refused with 429 after the burst; nothing is created; other addresses carry on', async () => {
  const before = userCount();
  // Concurrently, as a script would: the limit is taken before the (slow) password hash.
  const flood = await Promise.all(Array.from({ length: 20 }, (_, i) => signUpFrom('127.0.0.2', { 'x-forwarded-for': `198.51.100.${i}` })));
  const statuses = flood.map((r) => r.status);
  expect(statuses.filter((s) => s === 201)).toHaveLength(3);
  expect(statuses.filter((s) => s === 429)).toHaveLength(17);
  expect(userCount()).toBe(before + 3);

  const refused = flood.find((r) => r.status === 429)!;
  const retryAfter = Number(refused.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(3);
  expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'too_many_requests' } });
  expect(refused.headers['set-cookie']).toBeUndefined();

  // Somebody at another address is not affected.
  expect((await signUpFrom('127.0.0.3')).status).toBe(201);
  // The flooding address earns one sign-up back within Retry-After.
  await new Promise((r) => setTimeout(r, retryAfter * 1000));
  await eventually(async () => expect((await signUpFrom('127.0.0.2')).status).toBe(201), 2_000, 100);
  expect(userCount()).toBe(before + 5);
});

test('an invalid sign-up costs nothing: it is refused before the limit is taken', async () => {
  const invalid = await requestFrom('127.0.0.4', `${server.origin}/api/auth/signup`, {
    json: { email: 'geen-adres', name: 'X', password: 'kort' },
    headers: { origin: server.origin },
  });
  expect(invalid.status).toBe(400);
  expect([await signUpFrom('127.0.0.4'), await signUpFrom('127.0.0.4'), await signUpFrom('127.0.0.4')].map((r) => r.status)).toEqual([201, 201, 201]);
});
