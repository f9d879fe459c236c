/**
 * Issue 17, accounts for life: change name and address, change the password (everyone else who
 * knew it is signed out, sockets included), see and end one's sessions, take one's data along
 * (AVG art. 20), delete the account (art. 17) — personal data goes, what the person wrote stays
 * credited to their party, and the last owner of a workspace must hand over first.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { ApiClient, addMember, buildWorkshop, signUp } from '../helpers/apiClient';
import { ProviderPool, recordCloseCodes } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlGet } from '../helpers/testSql';

let server: TestServer;
const pool = new ProviderPool();
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

const password = 'een-lang-wachtwoord';

/** A second browser of the same person: signs in with the address and password. */
async function signInElsewhere(email: string, pass = password, userAgent = 'Tweede browser') {
  const other = new ApiClient(server.origin);
  const response = await fetch(`${server.origin}/api/auth/login`, {
    method: 'POST',
    headers: { origin: server.origin, 'content-type': 'application/json', 'user-agent': userAgent },
    body: JSON.stringify({ email, password: pass }),
  });
  if (response.status === 200) other.cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='))!.split(';')[0]!;
  return { client: other, status: response.status };
}

test('name and address change; a taken address or an empty change is refused with field messages', async () => {
  const person = await signUp(server.origin, 'Oude Naam');
  const other = await signUp(server.origin, 'Ander');
  const renamed = await person.patch('/api/me', { name: 'Nieuwe Naam' });
  expect(renamed.status).toBe(200);
  expect(renamed.body).toMatchObject({ id: person.userId, name: 'Nieuwe Naam', email: person.email });
  expect((await person.get('/api/me')).body.name).toBe('Nieuwe Naam');

  // Someone holding only the session cannot move the account to another address.
  const withoutPassword = await person.patch('/api/me', { email: `kaper-${Date.now()}@example.nl` });
  expect(withoutPassword.status).toBe(400);
  expect(withoutPassword.body.error.fields.currentPassword).toBeTruthy();
  const wrongPassword = await person.patch('/api/me', { email: `kaper-${Date.now()}@example.nl`, currentPassword: 'niet-het-wachtwoord' });
  expect(wrongPassword.status).toBe(400);
  expect(wrongPassword.body.error.fields.currentPassword).toBeTruthy();
  expect(sqlGet<{ email: string }>(server, 'SELECT email FROM users WHERE id = ?', person.userId)!.email).toBe(person.email);

  const taken = await person.patch('/api/me', { email: other.email, currentPassword: 'een-lang-wachtwoord' });
  expect(taken.status).toBe(409);
  expect(taken.body.error.fields.email).toBeTruthy();
  const empty = await person.patch('/api/me', {});
  expect(empty.status).toBe(400);
  const bad = await person.patch('/api/me', { email: 'geen-adres', name: 'x\ny' });
  expect(bad.status).toBe(400);
  expect(Object.keys(bad.body.error.fields).sort()).toEqual(['email', 'name']);

  const moved = `verhuisd-${Date.now()}@example.nl`;
  expect((await person.patch('/api/me', { email: moved.toUpperCase(), currentPassword: 'een-lang-wachtwoord' })).body.email).toBe(moved);
  expect((await signInElsewhere(person.email)).status).toBe(401);
  expect((await signInElsewhere(moved)).status).toBe(200);
});

test('a new password signs out every other session, its open socket included; the current one stays', async () => {
  const workshop = await buildWorkshop(server.origin);
  const me = workshop.owner;
  const email = (await me.get('/api/me')).body.email as string;
  const { client: laptop } = await signInElsewhere(email);
  const socket = pool.connect(workshop.documentId, { cookie: laptop.cookie, origin: server.origin });
  await waitForSync(socket.provider);
  const codes = recordCloseCodes(socket.provider);

  const wrong = await me.post('/api/me/password', { current: 'niet-mijn-wachtwoord', password: 'nieuw-en-lang-genoeg' });
  expect(wrong.status).toBe(400);
  expect(wrong.body.error.fields.current).toBeTruthy();
  expect((await laptop.get('/api/me')).status).toBe(200);

  expect((await me.post('/api/me/password', { current: password, password: 'nieuw-en-lang-genoeg' })).status).toBe(204);
  expect((await me.get('/api/me')).status).toBe(200);
  expect((await laptop.get('/api/me')).status).toBe(401);
  await eventually(() => expect(codes).toContain(4401));
  expect((await signInElsewhere(email)).status).toBe(401);
  expect((await signInElsewhere(email, 'nieuw-en-lang-genoeg')).status).toBe(200);
});

test('sessions are listed with their browser, and "sign out everywhere else" ends all but this one', async () => {
  const person = await signUp(server.origin, 'Veel Apparaten');
  const phone = (await signInElsewhere(person.email, password, 'Telefoon/1.0')).client;
  const tablet = (await signInElsewhere(person.email, password, 'Tablet/2.0')).client;
  const listed = await person.get('/api/me/sessions');
  expect(listed.status).toBe(200);
  expect(listed.body).toHaveLength(3);
  expect(listed.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
  expect(listed.body.map((s: { userAgent: string }) => s.userAgent)).toEqual(expect.arrayContaining(['Telefoon/1.0', 'Tablet/2.0']));
  for (const session of listed.body) expect(Date.parse(session.createdAt)).toBeGreaterThan(Date.now() - 60_000);
  expect(JSON.stringify(listed.body)).not.toContain(person.cookie!.slice('session='.length));

  // Another person's cookie ends only that person's other sessions.
  const stranger = await signUp(server.origin, 'Vreemde');
  expect((await stranger.delete('/api/me/sessions')).status).toBe(204);
  expect((await phone.get('/api/me')).status).toBe(200);

  expect((await tablet.delete('/api/me/sessions')).status).toBe(204);
  expect((await phone.get('/api/me')).status).toBe(401);
  expect((await person.get('/api/me')).status).toBe(401);
  expect((await tablet.get('/api/me')).status).toBe(200);
  expect((await tablet.get('/api/me/sessions')).body).toHaveLength(1);
});

test('the export holds the person’s own data and nobody else’s', async () => {
  const workshop = await buildWorkshop(server.origin);
  const editor = await addMember(workshop, server.origin, 'editor', 'Schrijvende Bewoner');
  const writer = pool.connect(workshop.documentId, { cookie: editor.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  writer.doc.getText('t').insert(0, 'mijn bijdrage');
  const ownerMe = (await workshop.owner.get('/api/me')).body;

  await eventually(async () => {
    const exported = await editor.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment/);
    expect(exported.body.user).toMatchObject({ id: editor.userId, name: 'Schrijvende Bewoner' });
    expect(exported.body.memberships).toEqual([expect.objectContaining({ workspaceId: workshop.workspaceId, workspaceName: 'Dagactivering 2027', role: 'editor', partyName: 'Gemeente' })]);
    expect(exported.body.contributions.reduce((sum: number, c: { charsInserted: number }) => sum + c.charsInserted, 0)).toBe('mijn bijdrage'.length);
    expect(exported.body.sessions.length).toBeGreaterThan(0);
    const text = JSON.stringify(exported.body);
    expect(text).not.toContain(ownerMe.email);
    expect(text).not.toContain('password');
  }, 10_000);
});

test('deleting an account: the last owner hands over first; then personal data goes and the work stays with the party', async () => {
  const workshop = await buildWorkshop(server.origin);
  const owner = workshop.owner;
  const ownerEmail = (await owner.get('/api/me')).body.email as string;
  const colleague = await addMember(workshop, server.origin, 'editor', 'Collega');
  const writer = pool.connect(workshop.documentId, { cookie: owner.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  const codes = recordCloseCodes(writer.provider);
  writer.doc.getText('t').insert(0, 'geschreven door de eigenaar');
  await eventually(async () => {
    const contributions = (await owner.get(`/api/documents/${workshop.documentId}/contributions`)).body;
    expect(contributions.parties.find((p: { partyId: string }) => p.partyId === workshop.partyId).charsInserted).toBe(27);
  }, 10_000);

  expect((await owner.request('DELETE', '/api/me', {})).status).toBe(400);
  const wrong = await owner.request('DELETE', '/api/me', { password: 'fout-wachtwoord' });
  expect(wrong.status).toBe(400);
  expect(wrong.body.error.fields.password).toBeTruthy();
  const lastOwner = await owner.request('DELETE', '/api/me', { password });
  expect(lastOwner.status).toBe(409);
  expect(lastOwner.body.error.code).toBe('last_owner');
  expect(lastOwner.body.error.message).toContain('Dagactivering 2027');
  expect((await owner.get('/api/me')).status).toBe(200);

  expect((await owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${colleague.userId}`, { role: 'owner' })).status).toBe(200);
  const deleted = await owner.request('DELETE', '/api/me', { password });
  expect(deleted.status).toBe(204);
  expect((await owner.get('/api/me')).status).toBe(401);
  await eventually(() => expect(codes.some((code) => code === 4401 || code === 4403)).toBe(true));
  expect((await signInElsewhere(ownerEmail)).status).toBe(401);

  // Nothing personal is left in the database; the row the work is credited to is.
  const row = sqlGet(server, 'SELECT name, email, password_hash, deleted_at FROM users WHERE id = ?', owner.userId)!;
  expect(row.name).toBe('Voormalig deelnemer');
  expect(row.email).not.toContain(ownerEmail.split('@')[0]);
  expect(row.password_hash).toBe('!');
  expect(row.deleted_at).toBeGreaterThan(0);
  expect(sqlGet(server, 'SELECT COUNT(*) AS n FROM members WHERE user_id = ?', owner.userId)).toEqual({ n: 0 });
  expect(sqlGet(server, 'SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?', owner.userId)).toEqual({ n: 0 });

  // The party keeps the contribution; the members list no longer shows the person.
  const contributions = (await colleague.get(`/api/documents/${workshop.documentId}/contributions`)).body;
  expect(contributions.parties.find((p: { partyId: string }) => p.partyId === workshop.partyId).charsInserted).toBe(27);
  const members = (await colleague.get(`/api/workspaces/${workshop.workspaceId}`)).body.members;
  expect(members.map((m: { userId: string }) => m.userId)).not.toContain(owner.userId);
  // The address is free again for a new account.
  expect((await new ApiClient(server.origin).post('/api/auth/signup', { email: ownerEmail, name: 'Opnieuw', password })).status).toBe(201);
});

test('without a session the account routes answer 401', async () => {
  const anonymous = new ApiClient(server.origin);
  for (const [method, path, body] of [
    ['PATCH', '/api/me', { name: 'X' }],
    ['POST', '/api/me/password', { current: 'a', password: 'bbbbbbbbbbbb' }],
    ['GET', '/api/me/sessions', undefined],
    ['DELETE', '/api/me/sessions', undefined],
    ['GET', '/api/me/export', undefined],
    ['DELETE', '/api/me', { password }],
  ] as const) {
    expect((await anonymous.request(method, path, body)).status, `${method} ${path}`).toBe(401);
  }
});
