/**
 * Issue 17, e-mail: a password reset link by mail, against a real SMTP server this test starts
 * (smtp-server), the message read back with mailparser. The same 202 whether or not the address
 * has an account; the link works once and for an hour; using it ends every session; and without
 * SMTP_URL the mail lands in DATA_DIR/outbox while no log line holds the link.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, signUp } from '../helpers/apiClient';
import { eventually } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

interface Received {
  to: string;
  subject: string;
  text: string;
}

const inbox: Received[] = [];
let smtp: SMTPServer;
let server: TestServer;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          inbox.push({ to: mail.to && !Array.isArray(mail.to) ? mail.to.text : '', subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  server = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'werktafel <noreply@werktafel.test>' });
});

afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const linkIn = (text: string) => /\/wachtwoord-herstellen\/([A-Za-z0-9]+)/.exec(text)?.[1];

test('a reset link by mail sets a new password once, ends every session, and works for an hour only', async () => {
  const person = await signUp(server.origin, 'Vergeetachtig');
  const anonymous = new ApiClient(server.origin);
  const asked = await anonymous.post('/api/auth/password-reset', { email: person.email });
  expect(asked.status).toBe(202);
  await eventually(() => expect(inbox.filter((m) => m.to === person.email)).toHaveLength(1));
  const mail = inbox.find((m) => m.to === person.email)!;
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
  await eventually(() => expect(inbox.filter((m) => m.to === person.email)).toHaveLength(2));
  const late = linkIn(inbox.filter((m) => m.to === person.email)[1]!.text)!;
  server.storage.sqlite.prepare('UPDATE password_resets SET expires_at = ? WHERE used_at IS NULL').run(Date.now() - 1);
  expect((await anonymous.post(`/api/auth/password-reset/${late}`, { password: 'nog-een-ander-wachtwoord' })).status).toBe(410);
  expect((await anonymous.post('/api/auth/login', { email: person.email, password: 'een-nieuw-wachtwoord' })).status).toBe(200);
});

test('an unknown address gets the same answer and no mail; English is asked for, English is sent', async () => {
  const before = inbox.length;
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
  await eventually(() => expect(inbox.length).toBe(before + 1));
  expect(inbox.at(-1)).toMatchObject({ to: person.email, subject: 'Set a new password for werktafel' });
  expect(inbox.some((m) => m.to === 'bestaat-niet@example.nl')).toBe(false);
  expect((await new ApiClient(server.origin).post('/api/auth/password-reset', { email: 'geen-adres' })).status).toBe(400);
});

test('without SMTP_URL the mail is written to DATA_DIR/outbox, and no log line holds the link', async () => {
  const local = await startTestServer();
  try {
    const person = await signUp(local.origin, 'Lokaal');
    const from = local.log.length;
    expect((await new ApiClient(local.origin).post('/api/auth/password-reset', { email: person.email })).status).toBe(202);
    const outbox = path.join(local.dataDir, 'outbox');
    await eventually(() => expect(fs.existsSync(outbox) && fs.readdirSync(outbox)).toHaveLength(1));
    const eml = fs.readFileSync(path.join(outbox, fs.readdirSync(outbox)[0]!), 'utf8');
    const parsed = await simpleParser(eml);
    const token = linkIn(parsed.text ?? '')!;
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
