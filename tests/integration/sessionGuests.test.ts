/**
 * Issue 14, item 7: residents join a running werksessie with a code and only a name. The chair
 * opens a code for a party; a guest is signed in like anyone else, reads the session and its
 * documents, never writes a document, exports, sees an address or reaches another workspace.
 * Codes expire, have seats, and guessing them is throttled. Access ends 12 hours after the
 * session; signing up keeps the guest's user id.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, addMember, buildWorkshop, type Json, type Workshop } from '../helpers/apiClient';
import { readJsonFromDoc } from '../../shared/editor/schema';
import { CloseCode } from '../../shared/collab/protocol';
import { ProviderPool, recordCloseCodes, storedDoc, storedText, updateRowsBy } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startedSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlAll, sqlGet, sqlRun } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
let session: { id: string };
const pool = new ProviderPool();
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  session = await startedSession(workshop);
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

async function openCode(body: Json = {}, chair: ApiClient = workshop.owner, sessionId = session.id) {
  return chair.post(`/api/sessions/${sessionId}/join-codes`, { partyId: workshop.partyId, ...body });
}

async function joinAs(name: string, code: string, origin = server.origin) {
  const guest = new ApiClient(origin);
  const joined = await guest.post('/api/join', { code, name });
  return { guest, joined };
}

async function guestIn(name = 'Fatma'): Promise<{ guest: ApiClient; userId: string }> {
  const created = await openCode();
  const { guest, joined } = await joinAs(name, created.body.code);
  expect(joined.status).toBe(201);
  return { guest, userId: joined.body.userId };
}

describe('the chair opens a code', () => {
  test('eight characters without look-alikes, a link on the public URL, a QR image; only a hash is stored', async () => {
    const created = await openCode({ seats: 12, expiresInMinutes: 90 });
    expect(created.status).toBe(201);
    expect(created.body.code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(created.body.url).toBe(`${server.origin}/meedoen/${created.body.code}`);
    expect(created.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(created.body.seats).toBe(12);
    expect(Date.parse(created.body.expiresAt) - Date.now()).toBeGreaterThan(89 * 60_000);
    const rows = sqlAll(server, 'SELECT * FROM work_session_join_codes');
    expect(JSON.stringify(rows)).not.toContain(created.body.code);
  });

  test('a member who is not the chair gets 403; someone outside the workspace 404; a party from elsewhere 400', async () => {
    const editor = await addMember(workshop, server.origin, 'editor', 'Schrijver');
    expect((await openCode({}, editor)).status).toBe(403);
    const stranger = await buildWorkshop(server.origin);
    expect((await openCode({}, stranger.owner)).status).toBe(404);
    const elsewhere = await openCode({ partyId: stranger.partyId });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.fields.partyId).toBeTruthy();
  });
});

describe('a guest joins', () => {
  test('with a name only: a working session cookie, marked (gast), no address, the session readable', async () => {
    const created = await openCode();
    const { guest, joined } = await joinAs('Fatma', created.body.code.toLowerCase());
    expect(joined.status).toBe(201);
    expect(joined.body.sessionId).toBe(session.id);
    expect(guest.cookie).toMatch(/^session=/);
    const me = await guest.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: joined.body.userId, name: 'Fatma (gast)', email: '', guest: true });
    const read = await guest.get(`/api/sessions/${session.id}`);
    expect(read.status).toBe(200);
    const document = await guest.get(`/api/documents/${workshop.documentId}`);
    expect(document.status).toBe(200);
    expect(document.body.role).toBe('guest');
    expect(document.body.abilities).toMatchObject({ readDocument: true, writeDocument: false, manageMembers: false, manageInvites: false });
    // The guest's membership is in the code's party; the guest is no member to assign a role to.
    expect(sqlGet(server, 'SELECT party_id FROM work_session_guests WHERE user_id = ?', joined.body.userId)).toEqual({ party_id: workshop.partyId });
    expect(sqlGet(server, 'SELECT count(*) AS n FROM members WHERE user_id = ?', joined.body.userId)).toEqual({ n: 0 });
  });

  test('an empty or too long name gets 400 with a message on the field, and nobody is made', async () => {
    const created = await openCode();
    const before = sqlGet(server, 'SELECT count(*) AS n FROM users');
    for (const name of ['', '   ', 'x'.repeat(61)]) {
      const { joined } = await joinAs(name, created.body.code);
      expect(joined.status).toBe(400);
      expect(joined.body.error.fields.name).toBeTruthy();
    }
    expect(sqlGet(server, 'SELECT count(*) AS n FROM users')).toEqual(before);
  });

  test('an unknown code is 404, an expired one 410 code_expired, a full one 410 code_used_up', async () => {
    expect((await joinAs('Iemand', 'ABCDEFGH')).joined.status).toBe(404);
    const expired = await openCode({ expiresInMinutes: 5 });
    sqlRun(server, 'UPDATE work_session_join_codes SET expires_at = ? WHERE created_at = (SELECT max(created_at) FROM work_session_join_codes)', Date.now() - 1);
    const late = await joinAs('Te laat', expired.body.code);
    expect(late.joined.status).toBe(410);
    expect(late.joined.body.error.code).toBe('code_expired');

    const oneSeat = await openCode({ seats: 1 });
    expect((await joinAs('Eerste', oneSeat.body.code)).joined.status).toBe(201);
    const second = await joinAs('Tweede', oneSeat.body.code);
    expect(second.joined.status).toBe(410);
    expect(second.joined.body.error.code).toBe('code_used_up');
    expect(second.guest.cookie).toBeNull();
  });
});

describe('what a guest may not do', () => {
  test('a guest cannot write the document over a real socket: refused (suggestions only), not stored, yet they see edits', async () => {
    const { guest, userId } = await guestIn('Schrijfgast');
    const { origin } = server;
    const chair = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin });
    const g = pool.connect(workshop.documentId, { cookie: guest.cookie, origin });
    await Promise.all([waitForSync(chair.provider), waitForSync(g.provider)]);
    const before = storedText(server, workshop.documentId);
    const guestCloses = recordCloseCodes(g.provider);

    // A guest may comment and so suggest (issue 15), never write: a plain edit closes the socket.
    g.doc.getText('t').insert(0, 'DOOR-DE-GAST');
    await eventually(() => expect(guestCloses).toContain(CloseCode.suggestionsOnly));
    expect(chair.text()).not.toContain('DOOR-DE-GAST');

    // The refused edit stays pending in that tab (it is offered again on every reconnect); a
    // fresh tab of the guest reads along.
    g.provider.destroy();
    const reader = pool.connect(workshop.documentId, { cookie: guest.cookie, origin });
    await waitForSync(reader.provider);
    chair.doc.getText('t').insert(0, 'Van de voorzitter. ');
    await eventually(() => expect(reader.text()).toContain('Van de voorzitter.'));
    expect(updateRowsBy(server, workshop.documentId, userId)).toBe(0);
    await eventually(() => expect(storedText(server, workshop.documentId)).toBe(`Van de voorzitter. ${before}`));
    expect(storedText(server, workshop.documentId)).not.toContain('DOOR-DE-GAST');
  });

  test('no export: the document export and a register as CSV are refused (403); the owner may', async () => {
    const { guest } = await guestIn('Exportgast');
    expect((await guest.get(`/api/documents/${workshop.documentId}/export?format=md`)).status).toBe(403);
    expect((await guest.get(`/api/workspaces/${workshop.workspaceId}/actions?format=csv`)).status).toBe(403);
    expect((await guest.get(`/api/workspaces/${workshop.workspaceId}/actions`)).status).toBe(200);
    expect((await workshop.owner.get(`/api/documents/${workshop.documentId}/export?format=md`)).status).toBe(200);
  });

  test('another workspace, its documents and its sessions are a 404', async () => {
    const { guest } = await guestIn('Dwaalgast');
    const other = await buildWorkshop(server.origin);
    const otherSession = await startedSession(other);
    expect((await guest.get(`/api/workspaces/${other.workspaceId}`)).status).toBe(404);
    expect((await guest.get(`/api/documents/${other.documentId}`)).status).toBe(404);
    expect((await guest.get(`/api/sessions/${otherSession.id}`)).status).toBe(404);
  });

  test('no e-mail address in any response the guest can reach', async () => {
    const { guest } = await guestIn('Nieuwsgierige gast');
    await addMember(workshop, server.origin, 'commenter', 'Buurvrouw');
    const paths = [
      '/api/me',
      '/api/workspaces',
      `/api/workspaces/${workshop.workspaceId}`,
      `/api/workspaces/${workshop.workspaceId}/sessions`,
      `/api/workspaces/${workshop.workspaceId}/actions`,
      `/api/workspaces/${workshop.workspaceId}/contributions`,
      `/api/documents/${workshop.documentId}`,
      `/api/documents/${workshop.documentId}/versions`,
      `/api/documents/${workshop.documentId}/threads`,
      `/api/sessions/${session.id}`,
      '/api/me/sessions',
      '/api/me/export',
    ];
    for (const path of paths) {
      const response = await guest.get(path);
      expect(response.status, path).toBeLessThan(500);
      expect(JSON.stringify(response.body), path).not.toMatch(/@|guest:/);
    }
  });

  test('cannot manage, invite, start or chair anything, nor change an account it does not have', async () => {
    const { guest, userId } = await guestIn('Bescheiden gast');
    const ws = workshop.workspaceId;
    expect((await guest.post(`/api/workspaces/${ws}/invites`, { role: 'viewer', partyId: workshop.partyId })).status).toBe(403);
    expect((await guest.post(`/api/workspaces/${ws}/parties`, { name: 'Eigen club', kind: 'other' })).status).toBe(403);
    expect((await guest.post(`/api/workspaces/${ws}/documents`, { title: 'Van de gast', template: 'blank' })).status).toBe(403);
    expect((await guest.post(`/api/workspaces/${ws}/sessions`, { title: 'Gastsessie' })).status).toBe(403);
    expect((await guest.patch(`/api/sessions/${session.id}/state`, { locked: true })).status).toBe(403);
    expect((await openCode({}, guest)).status).toBe(403);
    expect((await workshop.owner.post(`/api/sessions/${session.id}/chair`, { userId })).status).toBe(400);
    expect((await guest.patch('/api/me', { name: 'Zonder marker' })).status).toBe(403);
  });
});

describe('access ends 12 hours after the session', () => {
  test('a guest still reads 11 hours after the end; at 13 hours the cookie and the grant are gone', async () => {
    const planned = await startedSessionOfItsOwn();
    const code = await openCode({ partyId: planned.workshop.partyId }, planned.workshop.owner, planned.id);
    const { guest, joined } = await joinAs('Late gast', code.body.code);
    expect(joined.status).toBe(201);
    expect((await planned.workshop.owner.post(`/api/sessions/${planned.id}/end`)).status).toBe(201);
    expect((await guest.get(`/api/sessions/${planned.id}`)).status).toBe(200);

    sqlRun(server, 'UPDATE work_sessions SET ended_at = ? WHERE id = ?', Date.now() - 11 * HOUR, planned.id);
    expect((await guest.get(`/api/documents/${planned.workshop.documentId}`)).status).toBe(200);

    sqlRun(server, 'UPDATE work_sessions SET ended_at = ? WHERE id = ?', Date.now() - 13 * HOUR, planned.id);
    const cookie = guest.cookie;
    expect((await guest.get(`/api/sessions/${planned.id}`)).status).toBe(401);
    expect(guest.cookie).toBeNull();
    const replay = new ApiClient(server.origin);
    replay.cookie = cookie;
    expect((await replay.get('/api/me')).status).toBe(401);
    expect(sqlGet(server, 'SELECT count(*) AS n FROM sessions WHERE user_id = ?', joined.body.userId)).toEqual({ n: 0 });
  });

  test('an open socket of a guest closes at the sweep after their access ended', async () => {
    const planned = await startedSessionOfItsOwn();
    const code = await openCode({ partyId: planned.workshop.partyId }, planned.workshop.owner, planned.id);
    const { guest } = await joinAs('Blijver', code.body.code);
    const g = pool.connect(planned.workshop.documentId, { cookie: guest.cookie, origin: server.origin });
    await waitForSync(g.provider);
    const closes = recordCloseCodes(g.provider);
    expect((await planned.workshop.owner.post(`/api/sessions/${planned.id}/end`)).status).toBe(201);
    sqlRun(server, 'UPDATE work_sessions SET ended_at = ? WHERE id = ?', Date.now() - 13 * HOUR, planned.id);
    // The registry's keepalive sweep runs every 10 s; nothing the guest does is needed.
    await eventually(() => expect(closes).toContain(CloseCode.sessionEnded), 15_000, 200);
  }, 25_000);

  test('the minutes name a guest who was there, with the marker', async () => {
    const planned = await startedSessionOfItsOwn();
    const code = await openCode({ partyId: planned.workshop.partyId }, planned.workshop.owner, planned.id);
    const { guest } = await joinAs('Notulengast', code.body.code);
    expect((await guest.get(`/api/sessions/${planned.id}`)).status).toBe(200);
    const ended = await planned.workshop.owner.post(`/api/sessions/${planned.id}/end`);
    expect(ended.status).toBe(201);
    const doc = storedDoc(server, ended.body.id);
    const words = JSON.stringify(readJsonFromDoc(doc));
    doc.destroy();
    expect(words).toContain('Notulengast (gast)');
  });

  test('a code of an ended session opens nothing (410)', async () => {
    const planned = await startedSessionOfItsOwn();
    const code = await openCode({ partyId: planned.workshop.partyId }, planned.workshop.owner, planned.id);
    await planned.workshop.owner.post(`/api/sessions/${planned.id}/end`);
    const { joined } = await joinAs('Te laat', code.body.code);
    expect(joined.status).toBe(410);
    expect(joined.body.error.code).toBe('code_expired');
  });
});

test('a guest who signs up keeps their user id and what they did, and loses the marker', async () => {
  const { guest, userId } = await guestIn('Yusuf');
  expect((await guest.get(`/api/sessions/${session.id}`)).status).toBe(200);
  expect(sqlGet(server, 'SELECT count(*) AS n FROM work_session_attendance WHERE user_id = ?', userId)).toEqual({ n: 1 });

  const email = `yusuf-${Date.now()}@example.nl`;
  const signedUp = await guest.post('/api/auth/signup', { email, name: 'Yusuf Demir', password: 'een-lang-wachtwoord' });
  expect(signedUp.status).toBe(201);
  expect(signedUp.body).toMatchObject({ id: userId, email, name: 'Yusuf Demir', guest: false });
  expect(sqlGet(server, 'SELECT count(*) AS n FROM work_session_attendance WHERE user_id = ?', userId)).toEqual({ n: 1 });
  expect((await guest.get(`/api/sessions/${session.id}`)).status).toBe(200);

  const again = new ApiClient(server.origin);
  const login = await again.post('/api/auth/login', { email, password: 'een-lang-wachtwoord' });
  expect(login.status).toBe(200);
  expect(login.body.id).toBe(userId);
});

test('guessing codes is throttled per address: after eleven wrong codes even a right one waits (429, Retry-After)', async () => {
  // A server of its own: its throttle counts this address and nothing else of this file.
  const own = await startTestServer();
  try {
    const local = await buildWorkshop(own.origin);
    const localSession = await startedSession(local);
    const code = await local.owner.post(`/api/sessions/${localSession.id}/join-codes`, { partyId: local.partyId });
    // Ten wrong codes are free; the eleventh is still answered, and starts the wait.
    for (let i = 0; i < 11; i++) expect((await joinAs('Rader', `WRNGCD${String.fromCharCode(65 + i)}Z`, own.origin)).joined.status).toBe(404);
    const blocked = await joinAs('Rader', 'WRNGCDXZ', own.origin);
    expect(blocked.joined.status).toBe(429);
    expect(Number(blocked.joined.headers.get('retry-after'))).toBeGreaterThan(0);
    const right = await joinAs('Bewoner', code.body.code, own.origin);
    expect(right.joined.status).toBe(429);
  } finally {
    await own.stop();
  }
});

/** A workspace with a running session of its own, for tests that end it. */
async function startedSessionOfItsOwn(): Promise<{ workshop: Workshop; id: string }> {
  const own = await buildWorkshop(server.origin);
  const started = await startedSession(own);
  return { workshop: own, id: started.id };
}
