/**
 * Issue 17, single sign-on: werktafel against a real OpenID provider this test starts
 * (oidc-provider), driven over HTTP through the provider's sign-in form. A first sign-in makes
 * an account, the next opens the same one; an existing account is linked only when both the
 * provider and werktafel vouch for the address; the callback refuses a missing, foreign,
 * tampered or replayed answer; the page to return to stays on this site; a deleted account does
 * not come back; an account without a password behaves sensibly in the password flows. The
 * database is read back after each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, signUp } from '../helpers/apiClient';
import { providerSettings, startOidcProvider, type TestProvider } from '../helpers/oidcProvider';
import { getFreePort } from '../helpers/ports';
import { HttpBrowser, reachCallback, signInThroughProvider } from '../helpers/ssoBrowser';
import { eventually } from '../helpers/providers';
import { withReadOnlyDatabase } from '../helpers/sqliteFile';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let provider: TestProvider;
let server: TestServer;
let inviteOnly: TestServer;
let issuer: string;

beforeAll(async () => {
  const settings = providerSettings(await getFreePort());
  issuer = settings.issuer;
  server = await startTestServer(settings.env);
  inviteOnly = await startTestServer({ ...settings.env, SIGNUP: 'invite', OIDC_NAME: 'Gemeente Zaanstad' });
  provider = await startOidcProvider(settings, [server, inviteOnly].map((s) => `${s.origin}/api/auth/oidc/callback`));
});

afterAll(async () => {
  await server?.stop();
  await inviteOnly?.stop();
  await provider?.close();
});

let counter = 0;
/** A person at the provider with a fresh subject and address. */
function personAtProvider(claims: { email_verified?: boolean; name?: string; email?: string } = {}) {
  const sub = `medewerker-${++counter}`;
  const account = { sub, email: `${sub}-${process.pid}@zaanstad.nl`, email_verified: true, name: `Medewerker ${counter}`, ...claims };
  provider.accounts.set(sub, account);
  return account;
}

/** A new person at the provider, signed in at werktafel through it: their API client and account. */
async function newcomerSignedIn() {
  const person = personAtProvider();
  const browser = new HttpBrowser();
  await signInThroughProvider(browser, server.origin, person.sub);
  const client = browser.apiClient(server.origin);
  return { person, client, userId: (await client.get('/api/me')).body.id as string };
}

interface UserInDb {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  email_verified_at: number | null;
  deleted_at: number | null;
}
const usersWithEmail = (s: TestServer, email: string) => withReadOnlyDatabase(s.dataDir, (db) => db.prepare('SELECT * FROM users WHERE email = ?').all(email) as UserInDb[]);
const userById = (s: TestServer, id: string) => withReadOnlyDatabase(s.dataDir, (db) => db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserInDb | undefined);
const identitiesOf = (s: TestServer, userId: string) =>
  withReadOnlyDatabase(s.dataDir, (db) => db.prepare('SELECT issuer, subject FROM user_identities WHERE user_id = ?').all(userId) as { issuer: string; subject: string }[]);
const pendingLogins = (s: TestServer) => withReadOnlyDatabase(s.dataDir, (db) => (db.prepare('SELECT COUNT(*) AS n FROM oidc_logins').get() as { n: number }).n);
const refusal = (location: string) => new URL(location, 'http://x').searchParams.get('sso_error');

test('a first sign-in makes an account with a verified address and no password; the next sign-in opens the same account', async () => {
  const person = personAtProvider({ name: 'Anna de Vries' });
  const browser = new HttpBrowser();
  const callback = await reachCallback(browser, server.origin, person.sub, '/w/werkruimte?tab=acties');
  expect(pendingLogins(server)).toBe(1);
  const landed = await browser.get(callback);
  expect(landed.status).toBe(302);
  expect(landed.headers.get('location')).toBe('/w/werkruimte?tab=acties');
  expect(pendingLogins(server)).toBe(0);

  const me = await browser.apiClient(server.origin).get('/api/me');
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ email: person.email, name: 'Anna de Vries', emailVerified: true, hasPassword: false });
  const [row] = usersWithEmail(server, person.email);
  expect(row).toMatchObject({ id: me.body.id, password_hash: '', deleted_at: null });
  expect(row!.email_verified_at).toEqual(expect.any(Number));
  expect(identitiesOf(server, me.body.id)).toEqual([{ issuer, subject: person.sub }]);

  // Another browser, another day: the same person lands in the same account.
  const again = new HttpBrowser();
  expect(await signInThroughProvider(again, server.origin, person.sub)).toBe('/');
  expect((await again.apiClient(server.origin).get('/api/me')).body.id).toBe(me.body.id);
  expect(usersWithEmail(server, person.email)).toHaveLength(1);

  // Neither the code nor the state of the provider's answer reached any log line.
  const answer = new URL(callback).searchParams;
  const logged = JSON.stringify(server.log);
  expect(logged).toContain('account created through single sign-on');
  expect(logged).not.toContain(answer.get('code')!);
  expect(logged).not.toContain(answer.get('state')!);
});

test('an existing account is linked when the provider and werktafel both vouch for the address; it keeps its password', async () => {
  const existing = await signUp(server.origin, 'Bestaand');
  expect(await server.repos.users.markEmailVerified(existing.userId, existing.email, Date.now())).toBe(true);
  const person = personAtProvider({ email: existing.email });
  const browser = new HttpBrowser();
  expect(await signInThroughProvider(browser, server.origin, person.sub)).toBe('/');
  expect((await browser.apiClient(server.origin).get('/api/me')).body).toMatchObject({ id: existing.userId, hasPassword: true });
  expect(identitiesOf(server, existing.userId)).toEqual([{ issuer, subject: person.sub }]);
  expect(usersWithEmail(server, existing.email)).toHaveLength(1);
  expect(server.log.some((r) => r.msg === 'identity linked to an existing account' && r.userId === existing.userId)).toBe(true);
  const withPassword = await new ApiClient(server.origin).post('/api/auth/login', { email: existing.email, password: 'een-lang-wachtwoord' });
  expect(withPassword.status).toBe(200);
});

test('no link to an account whose address werktafel never verified, nor when the provider does not verify it', async () => {
  const unverified = await signUp(server.origin, 'Niet geverifieerd');
  const claimsIt = personAtProvider({ email: unverified.email });
  const first = new HttpBrowser();
  const refused = await signInThroughProvider(first, server.origin, claimsIt.sub);
  expect(refusal(refused)).toBe('not_linkable');
  expect(first.cookie(server.origin, 'session')).toBeUndefined();

  const verified = await signUp(server.origin, 'Wel geverifieerd');
  await server.repos.users.markEmailVerified(verified.userId, verified.email, Date.now());
  const saysNotVerified = personAtProvider({ email: verified.email, email_verified: false });
  const second = new HttpBrowser();
  expect(refusal(await signInThroughProvider(second, server.origin, saysNotVerified.sub))).toBe('unverified');
  expect(second.cookie(server.origin, 'session')).toBeUndefined();

  for (const person of [unverified, verified]) expect(identitiesOf(server, person.userId)).toEqual([]);
  expect(withReadOnlyDatabase(server.dataDir, (db) => db.prepare('SELECT COUNT(*) AS n FROM user_identities WHERE subject IN (?, ?)').get(claimsIt.sub, saysNotVerified.sub))).toEqual({ n: 0 });
});

test('a provider that does not verify the address makes no account with it: it could be anyone\'s, whose password reset would then open an account the provider\'s person still signs in to', async () => {
  const person = personAtProvider({ email_verified: false });
  const browser = new HttpBrowser();
  expect(refusal(await signInThroughProvider(browser, server.origin, person.sub))).toBe('unverified_new');
  expect(browser.cookie(server.origin, 'session')).toBeUndefined();
  expect(usersWithEmail(server, person.email)).toEqual([]);
  expect(withReadOnlyDatabase(server.dataDir, (db) => db.prepare('SELECT COUNT(*) AS n FROM user_identities WHERE subject = ?').get(person.sub))).toEqual({ n: 0 });
});

test('the callback refuses an answer without this browser\'s cookie, with a tampered state, or a second time', async () => {
  const person = personAtProvider();

  // The answer opened in another browser (a link someone was sent): no cookie, no sign-in.
  const callback = await reachCallback(new HttpBrowser(), server.origin, person.sub);
  const stranger = new HttpBrowser();
  const foreign = await stranger.get(callback);
  expect(refusal(foreign.headers.get('location')!)).toBe('state');
  expect(stranger.cookie(server.origin, 'session')).toBeUndefined();

  // A tampered state is refused, and the attempt is spent: the true answer no longer works either.
  const victim = new HttpBrowser();
  const genuine = await reachCallback(victim, server.origin, person.sub);
  const loginCookie = victim.cookie(server.origin, 'oidc_login')!;
  const tampered = new URL(genuine);
  tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
  expect(refusal((await victim.get(tampered.href)).headers.get('location')!)).toBe('state');
  victim.setCookie(server.origin, 'oidc_login', loginCookie);
  expect(refusal((await victim.get(genuine)).headers.get('location')!)).toBe('state');
  expect(victim.cookie(server.origin, 'session')).toBeUndefined();

  // A successful answer replayed, even with the login cookie copied back, is refused.
  const browser = new HttpBrowser();
  const good = await reachCallback(browser, server.origin, person.sub);
  const copied = browser.cookie(server.origin, 'oidc_login')!;
  expect((await browser.get(good)).headers.get('location')).toBe('/');
  const replayer = new HttpBrowser();
  replayer.setCookie(server.origin, 'oidc_login', copied);
  expect(refusal((await replayer.get(good)).headers.get('location')!)).toBe('state');
  expect(replayer.cookie(server.origin, 'session')).toBeUndefined();

  // Turning back at the provider is not an error of werktafel's, and signs nobody in.
  const cancelled = new HttpBrowser();
  const back = await reachCallback(cancelled, server.origin, null, '/w/1');
  const answer = (await cancelled.get(back)).headers.get('location')!;
  expect(refusal(answer)).toBe('cancelled');
  expect(new URL(answer, 'http://x').searchParams.get('next')).toBe('/w/1');
  // Only the attempt whose answer went to another browser is left, until it expires.
  expect(pendingLogins(server)).toBe(1);
});

test('the page to return to stays on this site', async () => {
  const person = personAtProvider();
  for (const offSite of ['//evil.example/w/1', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/w/1\r\nSet-Cookie: x=1']) {
    expect(await signInThroughProvider(new HttpBrowser(), server.origin, person.sub, offSite)).toBe('/');
  }
  expect(await signInThroughProvider(new HttpBrowser(), server.origin, person.sub, '/d/abc?versie=2#blok')).toBe('/d/abc?versie=2#blok');
});

test('a deleted account does not come back through the provider: its link is gone and the next sign-in starts afresh', async () => {
  const { person, client, userId: oldId } = await newcomerSignedIn();
  expect(identitiesOf(server, oldId)).toHaveLength(1);
  // Just signed in through the provider: that is the confirmation an account without a password gives.
  expect((await client.request('DELETE', '/api/me', {})).status).toBe(204);
  expect(identitiesOf(server, oldId)).toEqual([]);
  expect(userById(server, oldId)).toMatchObject({ deleted_at: expect.any(Number), password_hash: '!' });

  const later = new HttpBrowser();
  await signInThroughProvider(later, server.origin, person.sub);
  const newId = (await later.apiClient(server.origin).get('/api/me')).body.id as string;
  expect(newId).not.toBe(oldId);
  expect(userById(server, oldId)!.deleted_at).not.toBeNull();
  expect(withReadOnlyDatabase(server.dataDir, (db) => db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?').get(oldId))).toEqual({ n: 0 });
});

test('an account without a password: no password sign-in, no password change, deletion only after a fresh sign-in; a reset link sets a first password', async () => {
  const { person, client, userId } = await newcomerSignedIn();

  for (const password of ['', 'een-lang-wachtwoord']) {
    expect((await new ApiClient(server.origin).post('/api/auth/login', { email: person.email, password })).status).toBe(password ? 401 : 400);
  }
  const change = await client.post('/api/me/password', { current: 'wat-dan-ook', password: 'een-nieuw-wachtwoord' });
  expect(change.status).toBe(409);
  expect(change.body.error.code).toBe('no_password');

  // An hour after signing in, the open laptop cannot delete the account.
  server.storage.sqlite.prepare('UPDATE sessions SET created_at = created_at - 3600000 WHERE user_id = ?').run(userId);
  const stale = await client.request('DELETE', '/api/me', {});
  expect(stale.status).toBe(403);
  expect(stale.body.error.code).toBe('sign_in_again');
  expect(userById(server, userId)!.deleted_at).toBeNull();

  // The reset link goes to the verified address and sets the account's first password.
  const outbox = path.join(server.dataDir, 'outbox');
  const before = fs.existsSync(outbox) ? fs.readdirSync(outbox).length : 0;
  expect((await new ApiClient(server.origin).post('/api/auth/password-reset', { email: person.email })).status).toBe(202);
  const mail = await eventually(() => {
    const files = fs.existsSync(outbox) ? fs.readdirSync(outbox) : [];
    const found = files.map((f) => fs.readFileSync(path.join(outbox, f), 'utf8')).find((text) => text.includes(person.email));
    expect(files.length).toBeGreaterThan(before);
    expect(found).toBeDefined();
    return found!;
  });
  const token = /wachtwoord-herstellen\/([a-z2-7]+)/.exec(mail.replace(/=\r?\n/g, ''))![1]!;
  expect((await new ApiClient(server.origin).post(`/api/auth/password-reset/${token}`, { password: 'mijn-eerste-wachtwoord' })).status).toBe(204);
  const signedIn = new ApiClient(server.origin);
  expect((await signedIn.post('/api/auth/login', { email: person.email, password: 'mijn-eerste-wachtwoord' })).status).toBe(200);
  expect((await signedIn.get('/api/me')).body).toMatchObject({ id: userId, hasPassword: true });
});

test('under SIGNUP=invite the organisation\'s provider still makes accounts; the options say so and name the button', async () => {
  expect((await new ApiClient(inviteOnly.origin).get('/api/auth/options')).body).toEqual({ oidc: { name: 'Gemeente Zaanstad' }, signup: 'invite' });
  expect((await new ApiClient(server.origin).get('/api/auth/options')).body).toEqual({ oidc: { name: null }, signup: 'open' });
  const person = personAtProvider();
  const browser = new HttpBrowser();
  expect(await signInThroughProvider(browser, inviteOnly.origin, person.sub)).toBe('/');
  expect((await browser.apiClient(inviteOnly.origin).get('/api/me')).body.email).toBe(person.email);
  const byForm = await new ApiClient(inviteOnly.origin).post('/api/auth/signup', { email: `ander-${person.email}`, name: 'Ander', password: 'een-lang-wachtwoord' });
  expect(byForm.status).toBe(403);
});
