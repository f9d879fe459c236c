/**
 * Issue 17, operations: `GET /api/ready` next to `/api/health`, a request id per request, and no
 * password, token or cookie in any log line, whatever the requests carried.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, buildWorkshop, signUp } from '../helpers/apiClient';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

test('ready answers 200 with its checks; with a migration missing it answers 503 and says which', async () => {
  const ready = await fetch(`${server.origin}/api/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok' } });
  expect(ready.headers.get('cache-control')).toBe('no-store');

  // As after restoring a backup of an older schema behind the server's back.
  const applied = server.storage.sqlite.pragma('user_version', { simple: true }) as number;
  server.storage.sqlite.pragma(`user_version = ${applied - 1}`);
  try {
    const pending = await fetch(`${server.origin}/api/ready`);
    expect(pending.status).toBe(503);
    expect(await pending.json()).toEqual({ ready: false, checks: { database: 'ok', migrations: 'pending' } });
  } finally {
    server.storage.sqlite.pragma(`user_version = ${applied}`);
  }
  expect((await fetch(`${server.origin}/api/ready`)).status).toBe(200);
});

test('every request gets an id, in its response header and its log line; a proxy’s id is kept', async () => {
  const from = server.log.length;
  const own = await fetch(`${server.origin}/api/health`);
  const id = own.headers.get('x-request-id');
  expect(id).toMatch(/^[\w-]{8,}$/);
  const proxied = await fetch(`${server.origin}/api/ready`, { headers: { 'x-request-id': 'nginx-4f2a9c' } });
  expect(proxied.headers.get('x-request-id')).toBe('nginx-4f2a9c');
  const lines = server.log.slice(from).filter((line) => line.msg === 'request');
  expect(lines.find((line) => line.requestId === id)).toMatchObject({ method: 'GET', route: '/api/health', status: 200 });
  expect(lines.find((line) => line.requestId === 'nginx-4f2a9c')).toMatchObject({ route: '/api/ready', status: 200 });
});

test('no log line holds a password, a session cookie, an invite token or a calendar token', async () => {
  const from = server.log.length;
  const password = 'geheim-wachtwoord-9731';
  const email = `logcheck-${Date.now()}@example.nl`;
  const person = new ApiClient(server.origin);
  expect((await person.post('/api/auth/signup', { email, name: 'Logcontrole', password })).status).toBe(201);
  const sessionCookie = person.cookie!;
  expect(sessionCookie).toMatch(/^session=.{20,}/);
  const stranger = new ApiClient(server.origin);
  expect((await stranger.post('/api/auth/login', { email, password: `${password}-fout` })).status).toBe(401);
  expect((await stranger.post('/api/auth/login', { email, password })).status).toBe(200);
  // A field error on a body that carries a password.
  expect((await stranger.post('/api/auth/signup', { email: 'geen-adres', name: '', password })).status).toBe(400);
  // Invalid JSON with a password in it.
  expect((await stranger.request('POST', '/api/auth/login', undefined, { rawBody: `{"email":"${email}","password":"${password}"` })).status).toBe(400);

  const workshop = await buildWorkshop(server.origin);
  const invite = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/invites`, { role: 'editor', partyId: workshop.partyId });
  const inviteToken = invite.body.token as string;
  const accepted = await person.post(`/api/invites/${inviteToken}/accept`);
  expect(accepted.status).toBe(200);
  const acceptedId = accepted.headers.get('x-request-id');
  const feed = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/calendar-feed`);
  const feedUrl = new URL(feed.body.url as string);
  const calendar = await fetch(server.origin + feedUrl.pathname);
  expect(calendar.status).toBe(200);
  const calendarToken = feedUrl.pathname.split('/').pop()!.replace(/\.ics$/, '');
  expect(calendarToken.length).toBeGreaterThan(10);
  // A request the server refuses, with a session cookie that does not exist.
  const forged = await fetch(`${server.origin}/api/me`, { headers: { cookie: 'session=vervalst-token-0123456789abcdef' } });
  expect(forged.status).toBe(401);
  expect((await signUp(server.origin)).cookie).toBeTruthy();

  const lines = server.log.slice(from).map((record) => JSON.stringify(record));
  expect(lines.length).toBeGreaterThan(10);
  for (const secret of [password, sessionCookie.slice('session='.length), inviteToken, calendarToken, 'vervalst-token-0123456789abcdef']) {
    expect(lines.filter((line) => line.includes(secret))).toEqual([]);
  }
  // The accept request is logged by its declared route, without the token.
  const acceptLine = server.log.slice(from).find((record) => record.requestId === acceptedId);
  expect(acceptLine).toMatchObject({ msg: 'request', method: 'POST', route: '/api/invites/:token/accept', status: 200 });
});
