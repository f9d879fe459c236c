/**
 * Issue 17, e-mail: a password reset link by mail, against a real SMTP server this test starts
 * (smtp-server), the message read back with mailparser. The same 202 whether or not the address
 * has an account; the link works once and for an hour; using it ends every session; and without
 * SMTP_URL the mail lands in DATA_DIR/outbox while no log line holds the link.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, signUp } from '../helpers/apiClient';
import { eventually } from '../helpers/providers';
import { linkToken, startServerWithInbox, type SmtpInbox } from '../helpers/smtpInbox';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlRun } from '../helpers/testSql';

let inbox: SmtpInbox;
let server: TestServer;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ server, inbox, stop } = await startServerWithInbox());
});
afterAll(async () => stop?.());

/** Reset mails only: signing up sends a verification mail too. */
const resetMails = (to: string) => inbox.to(to).filter((m) => /wachtwoord|password/i.test(m.subject));
const linkIn = (text: string) => linkToken(text, 'wachtwoord-herstellen');

test('a reset link by mail sets a new password once, ends every session, and works for an hour only', async () => {
  const person = await signUp(server.origin, 'Vergeetachtig');
  const anonymous = new ApiClient(server.origin);
  const asked = await anonymous.post('/api/auth/password-reset', { email: person.email });
  expect(asked.status).toBe(202);
  await eventually(() => expect(resetMails(person.email)).toHaveLength(1));
  const mail = resetMails(person.email)[0]!;
  expect(mail.subject).toBe('Nieuw wachtwoord voor werktafel');
  expect(mail.text).toContain('Hallo Vergeetachtig');
  const token = linkIn(mail.text)!;
  expect(token.length).toBeGreaterThanOrEqual(24);
  expect(mail.text).toContain(`${server.origin}/wachtwoord-herstellen/${token}`);

  const tooShort = await anonymous.post(`/api/auth/password-reset/${token}`, { password: 'kort' });
  expect(tooShort.status).toBe(400);
  expect(tooShort.body.error.fields.password).toBeTruthy();
  expect((await anonymous.post(`/api/auth/password-reset/${token}`, { password: 'een-nieuw-wachtwoord' })).status).toBe(204);
  expect((await person.get('/api/me')).status).toBe(401);
  expect((await anonymous.post('/api/auth/login', { email: person.email, password: 'een-lang-wachtwoord' })).status).toBe(401);
  expect((await anonymous.post('/api/auth/login', { email: person.email, password: 'een-nieuw-wachtwoord' })).status).toBe(200);

  // Once only.
  const again = await new ApiClient(server.origin).post(`/api/auth/password-reset/${token}`, { password: 'nog-een-ander-wachtwoord' });
  expect(again.status).toBe(410);
  expect(again.body.error.code).toBe('reset_link_invalid');
  // A made-up token is no better.
  expect((await anonymous.post('/api/auth/password-reset/verzonnen0123456789abcdef', { password: 'nog-een-ander-wachtwoord' })).status).toBe(410);

  // An hour, then no more: the stored expiry is what counts.
  await anonymous.request('POST', '/api/auth/password-reset', { email: person.email });
  await eventually(() => expect(resetMails(person.email)).toHaveLength(2));
  const late = linkIn(resetMails(person.email)[1]!.text)!;
  sqlRun(server, "UPDATE single_use_links SET expires_at = ? WHERE used_at IS NULL AND purpose = 'password_reset'", Date.now() - 1);
  expect((await anonymous.post(`/api/auth/password-reset/${late}`, { password: 'nog-een-ander-wachtwoord' })).status).toBe(410);
  expect((await anonymous.post('/api/auth/login', { email: person.email, password: 'een-nieuw-wachtwoord' })).status).toBe(200);
});

test('an unknown address gets the same answer and no mail; English is asked for, English is sent', async () => {
  const before = inbox.messages.length;
  const unknown = await fetch(`${server.origin}/api/auth/password-reset`, {
    method: 'POST',
    headers: { origin: server.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bestaat-niet@example.nl' }),
  });
  expect(unknown.status).toBe(202);
  expect(await unknown.json()).toEqual({ ok: true });

  const person = await signUp(server.origin, 'Visitor');
  const english = await fetch(`${server.origin}/api/auth/password-reset`, {
    method: 'POST',
    headers: { origin: server.origin, 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.9' },
    body: JSON.stringify({ email: person.email }),
  });
  expect(english.status).toBe(202);
  await eventually(() => expect(resetMails(person.email)).toHaveLength(1));
  expect(resetMails(person.email)[0]).toMatchObject({ to: person.email, subject: 'Set a new password for werktafel' });
  // The unknown address got nothing; the person got the verification and the reset mail only.
  expect(inbox.messages.slice(before).map((m) => m.to)).toEqual([person.email, person.email]);
  expect((await new ApiClient(server.origin).post('/api/auth/password-reset', { email: 'geen-adres' })).status).toBe(400);
});

test('without SMTP_URL the mail is written to DATA_DIR/outbox, and no log line holds the link', async () => {
  const local = await startTestServer();
  try {
    const person = await signUp(local.origin, 'Lokaal');
    const from = local.log.length;
    expect((await new ApiClient(local.origin).post('/api/auth/password-reset', { email: person.email })).status).toBe(202);
    const outbox = path.join(local.dataDir, 'outbox');
    // The verification mail of the sign-up, and the reset mail.
    await eventually(() => expect(fs.existsSync(outbox) && fs.readdirSync(outbox)).toHaveLength(2));
    const texts = await Promise.all(fs.readdirSync(outbox).map(async (file) => (await simpleParser(fs.readFileSync(path.join(outbox, file), 'utf8'))).text ?? ''));
    const token = texts.map(linkIn).find(Boolean)!;
    expect(token).toBeTruthy();
    const lines = local.log.slice(from).map((line) => JSON.stringify(line));
    expect(lines.some((line) => line.includes('written to the outbox'))).toBe(true);
    expect(lines.filter((line) => line.includes(token) || line.includes(person.email))).toEqual([]);
    expect((await new ApiClient(local.origin).post(`/api/auth/password-reset/${token}`, { password: 'een-nieuw-wachtwoord' })).status).toBe(204);
  } finally {
    await local.stop();
  }
});

test('one address asking for many links is slowed down with 429 and Retry-After', async () => {
  const limited = await startTestServer({ PASSWORD_RESET_BURST: '2', PASSWORD_RESET_PER_MINUTE: '1' });
  try {
    const client = new ApiClient(limited.origin);
    expect((await client.post('/api/auth/password-reset', { email: 'a@example.nl' })).status).toBe(202);
    expect((await client.post('/api/auth/password-reset', { email: 'b@example.nl' })).status).toBe(202);
    const third = await client.post('/api/auth/password-reset', { email: 'c@example.nl' });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
  } finally {
    await limited.stop();
  }
});
