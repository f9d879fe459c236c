import http from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { roles, type Role } from '../../shared/api/roles';
import type { Abilities } from '../../shared/api/abilities';
import { abilitiesFor } from '../../server/policies';
import { addMember, ApiClient, buildWorkshop, signUp, type Workshop } from '../helpers/apiClient';
import { rawRequest } from '../helpers/rawHttp';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlRun } from '../helpers/testSql';

const password = 'een-lang-wachtwoord';

let server: TestServer;
let workshop: Workshop;
let members: Record<Role, ApiClient & { userId: string }>;
let outsider: ApiClient & { userId: string };
let counter = 0;

const freshEmail = () => `http-${process.pid}-${Date.now()}-${counter++}@example.nl`;
/** A client with a given cookie and Origin header (null: none). */
const clientWith = (cookie: string | null, sendOrigin: string | null = server.origin) =>
  Object.assign(new ApiClient(server.origin, sendOrigin), { cookie });

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  members = {
    owner: workshop.owner,
    editor: await addMember(workshop, server.origin, 'editor'),
    commenter: await addMember(workshop, server.origin, 'commenter'),
    viewer: await addMember(workshop, server.origin, 'viewer'),
  };
  outsider = await signUp(server.origin, 'Buitenstaander');
});
afterAll(async () => server.stop());

/** Every error is `{ error: { code, message, fields? } }` and nothing more. */
function expectError(res: { status: number; body: unknown }, status: number, code?: string) {
  expect(res.status).toBe(status);
  const body = res.body as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).every((key) => ['code', 'message', 'fields'].includes(key))).toBe(true);
  expect(typeof body.error.message).toBe('string');
  if (code) expect(body.error.code).toBe(code);
}

describe('accounts and sessions', () => {
  test('health answers', async () => {
    const res = await new ApiClient(server.origin).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  test('sign-up returns 201 with the user and an HttpOnly, SameSite=Lax, Path=/ cookie, not Secure over http', async () => {
    const client = new ApiClient(server.origin);
    const email = freshEmail();
    const res = await client.post('/api/auth/signup', { email, name: 'Anna', password });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), email, name: 'Anna', emailVerified: false, language: 'nl', workspaceMails: true, hasPassword: true, guest: false });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).not.toMatch(/; Secure/i);
    // 30 days, within a minute.
    const expires = Date.parse(/; Expires=([^;]+)/i.exec(cookie)![1]!);
    expect(Math.abs(expires - (Date.now() + 30 * 24 * 3600_000))).toBeLessThan(60_000);
    expect((await client.get('/api/me')).body).toEqual({ id: res.body.id, email, name: 'Anna', emailVerified: false, language: 'nl', workspaceMails: true, hasPassword: true, guest: false });
  });

  test('the cookie is Secure when the public URL is https', async () => {
    const httpsServer = await startTestServer({ PUBLIC_URL: 'https://werktafel.example' });
    try {
      const res = await new ApiClient(httpsServer.origin, null).post('/api/auth/signup', { email: freshEmail(), name: 'Bas', password });
      expect(res.status).toBe(201);
      expect(res.headers.getSetCookie().find((c) => c.startsWith('session='))).toMatch(/; Secure/i);
    } finally {
      await httpsServer.stop();
    }
  });

  test('a taken email is refused with 409, whatever its case', async () => {
    const email = freshEmail();
    expect((await new ApiClient(server.origin).post('/api/auth/signup', { email, name: 'Eerste', password })).status).toBe(201);
    const again = await new ApiClient(server.origin).post('/api/auth/signup', { email: email.toUpperCase(), name: 'Tweede', password });
    expectError(again, 409, 'email_taken');
    expect(again.body.error.fields).toHaveProperty('email');
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  test('invalid JSON is a 400', async () => {
    const res = await new ApiClient(server.origin).request('POST', '/api/auth/signup', undefined, { rawBody: '{"email": ' });
    expectError(res, 400, 'invalid_request');
  });

  test('missing and invalid fields are a 400 with a message per field', async () => {
    const missing = await new ApiClient(server.origin).post('/api/auth/signup', {});
    expectError(missing, 400, 'invalid_request');
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(['email', 'name', 'password']);
    const invalid = await new ApiClient(server.origin).post('/api/auth/signup', { email: 'geen-adres', name: 'C', password: 'kort' });
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(['email', 'password']);
  });

  test('/api/me is 401 when signed out', async () => {
    expectError(await new ApiClient(server.origin).get('/api/me'), 401, 'unauthorized');
    expectError(await clientWith('session=geen-geldige-sessie').get('/api/me'), 401, 'unauthorized');
  });

  test('a wrong password and an unknown email get the same 401', async () => {
    const user = await signUp(server.origin, 'Dirk');
    const wrong = await new ApiClient(server.origin).post('/api/auth/login', { email: user.email, password: 'verkeerd-wachtwoord' });
    const unknown = await new ApiClient(server.origin).post('/api/auth/login', { email: freshEmail(), password: 'verkeerd-wachtwoord' });
    expectError(wrong, 401, 'invalid_credentials');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const right = new ApiClient(server.origin);
    expect((await right.post('/api/auth/login', { email: user.email, password })).status).toBe(200);
    expect(right.cookie).not.toBeNull();
  });

  test('repeated failed sign-ins for one account are throttled with 429 and Retry-After', async () => {
    const user = await signUp(server.origin, 'Eva');
    const attempt = (pw: string) => new ApiClient(server.origin).post('/api/auth/login', { email: user.email, password: pw });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt('verkeerd-wachtwoord')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    const throttled = await attempt('verkeerd-wachtwoord');
    expectError(throttled, 429, 'too_many_requests');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // While blocked even the right password waits; another account is not affected.
    expect((await attempt(password)).status).toBe(429);
    const other = await signUp(server.origin, 'Frits');
    expect((await new ApiClient(server.origin).post('/api/auth/login', { email: other.email, password })).status).toBe(200);
  });

  test('sign-out invalidates the session: the old cookie is refused afterwards', async () => {
    const user = await signUp(server.origin, 'Gijs');
    const oldCookie = user.cookie;
    const res = await user.post('/api/auth/logout');
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('session='))).toMatch(/Max-Age=0/i);
    expectError(await clientWith(oldCookie).get('/api/me'), 401);
    expectError(await clientWith(oldCookie).post('/api/workspaces', { name: 'Na afmelden' }), 401);
  });
});

describe('CSRF: state-changing requests with a cookie need our Origin', () => {
  test.each([
    ['no Origin', null],
    ['a foreign Origin', 'https://evil.example'],
  ])('%s is refused with 403 and changes nothing', async (_name, sendOrigin) => {
    const user = await signUp(server.origin, 'Hanna');
    const forged = clientWith(user.cookie, sendOrigin);
    expectError(await forged.post('/api/workspaces', { name: 'Vervalst' }), 403, 'bad_origin');
    expectError(await forged.post('/api/auth/logout'), 403, 'bad_origin');
    // Reading is fine, and nothing was created or signed out.
    const list = await forged.get('/api/workspaces');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([]);
  });
});

describe('workspaces and who sees what', () => {
  test('a non-member gets the same 404 for an existing workspace as for a nonexistent one', async () => {
    const existing = await outsider.get(`/api/workspaces/${workshop.workspaceId}`);
    const missing = await outsider.get('/api/workspaces/bestaatnietbestaatniet');
    expectError(existing, 404);
    expect(existing.body).toEqual(missing.body);
    const existingDoc = await outsider.get(`/api/documents/${workshop.documentId}`);
    expect(existingDoc.status).toBe(404);
    expect(existingDoc.body).toEqual((await outsider.get('/api/documents/bestaatnietbestaatniet')).body);
    expect((await outsider.patch(`/api/workspaces/${workshop.workspaceId}`, { name: 'Overgenomen' })).body).toEqual(missing.body);
  });

  test('signed out, a workspace is 401, not 404', async () => {
    expectError(await new ApiClient(server.origin).get(`/api/workspaces/${workshop.workspaceId}`), 401);
  });

  // The abilities of this issue, by hand; policy.test.ts holds the complete table of actions.
  const expectedAbilities: Record<Role, Partial<Abilities>> = {
    owner: { readWorkspace: true, manageWorkspace: true, manageParties: true, manageMembers: true, manageInvites: true, createDocument: true, updateDocument: true, readDocument: true, writeDocument: true, comment: true },
    editor: { readWorkspace: true, manageWorkspace: false, manageParties: false, manageMembers: false, manageInvites: false, createDocument: true, updateDocument: true, readDocument: true, writeDocument: true, comment: true },
    commenter: { readWorkspace: true, manageWorkspace: false, manageParties: false, manageMembers: false, manageInvites: false, createDocument: false, updateDocument: false, readDocument: true, writeDocument: false, comment: true },
    viewer: { readWorkspace: true, manageWorkspace: false, manageParties: false, manageMembers: false, manageInvites: false, createDocument: false, updateDocument: false, readDocument: true, writeDocument: false, comment: false },
  };

  test.each(roles)('GET /api/workspaces/:id gives the %s their role and abilities, and emails only to owners', async (role) => {
    const res = await members[role].get(`/api/workspaces/${workshop.workspaceId}`);
    expect(res.status).toBe(200);
    expect(res.body.role).toBe(role);
    expect(res.body.abilities).toMatchObject(expectedAbilities[role]);
    // The HTTP layer hands over exactly what the policy computes.
    expect(res.body.abilities).toEqual(abilitiesFor({ role, party_id: res.body.partyId }));
    expect(res.body.parties.map((p: { id: string }) => p.id)).toContain(workshop.partyId);
    expect(res.body.documents.map((d: { id: string }) => d.id)).toContain(workshop.documentId);
    expect(res.body.members).toHaveLength(4);
    const emails = res.body.members.filter((m: object) => 'email' in m);
    expect(emails).toHaveLength(role === 'owner' ? 4 : 0);
    expect('invites' in res.body).toBe(role === 'owner');

    const doc = await members[role].get(`/api/documents/${workshop.documentId}`);
    expect(doc.status).toBe(200);
    expect(doc.body.abilities).toEqual(abilitiesFor({ role, party_id: doc.body.partyId }));
    expect(doc.body.members.filter((m: object) => 'email' in m)).toHaveLength(role === 'owner' ? 4 : 0);
  });

  test('workspace rename is for owners only', async () => {
    expect((await members.editor.patch(`/api/workspaces/${workshop.workspaceId}`, { name: 'Niet van mij' })).status).toBe(403);
    const res = await workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}`, { name: 'Dagactivering 2028' });
    expect(res.status).toBe(200);
    expect((await members.viewer.get(`/api/workspaces/${workshop.workspaceId}`)).body.name).toBe('Dagactivering 2028');
  });

  describe('a body over 1 MiB', () => {
    // Over its own connections: a refused upload must not disturb the pooled ones of other tests.
    let agent: http.Agent;
    beforeEach(() => {
      agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    });
    afterEach(() => agent.destroy());
    const post = (name: string) =>
      rawRequest(agent, `${server.origin}/api/workspaces`, {
        method: 'POST',
        headers: { cookie: workshop.owner.cookie!, origin: server.origin, 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      });

    test('is refused with 413 and creates nothing', async () => {
      const before = (await workshop.owner.get('/api/workspaces')).body.length;
      const res = await post('x'.repeat(1024 * 1024 + 10));
      expectError({ status: res.status, body: JSON.parse(res.body) }, 413);
      expect((await workshop.owner.get('/api/workspaces')).body).toHaveLength(before);
    });

    test('does not break the next request on the same keep-alive connection', async () => {
      const refused = await post('x'.repeat(1024 * 1024 + 10));
      expect(refused.status).toBe(413);
      // Either the server says it closes the connection, or the connection keeps working.
      const next = await post('Na een te grote upload');
      expect(next.status).toBe(201);
    });
  });

  test('an unknown API path is a JSON 404', async () => {
    expectError(await workshop.owner.get('/api/bestaat-niet'), 404, 'not_found');
  });
});

describe('invites', () => {
  const invitesUrl = () => `/api/workspaces/${workshop.workspaceId}/invites`;

  test('create, preview, accept by two people; accepting twice is harmless', async () => {
    const created = await workshop.owner.post(invitesUrl(), { role: 'editor', partyId: workshop.partyId });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^[a-z2-7]{32}$/);
    expect(created.body.url).toBe(`${server.origin}/uitnodiging/${created.body.token}`);
    const token = created.body.token as string;

    const preview = await new ApiClient(server.origin).get(`/api/invites/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ workspace: { id: workshop.workspaceId }, role: 'editor', party: { id: workshop.partyId } });

    for (const name of ['Ilse', 'Joost']) {
      const person = await signUp(server.origin, name);
      const accepted = await person.post(`/api/invites/${token}/accept`);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({ workspaceId: workshop.workspaceId, role: 'editor', partyId: workshop.partyId });
      expect((await person.get(`/api/workspaces/${workshop.workspaceId}`)).body.role).toBe('editor');
      expect((await person.post(`/api/invites/${token}/accept`)).status).toBe(200);
    }
    const listed = (await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}`)).body.invites.find((i: { id: string }) => i.id === created.body.id);
    expect(listed.uses).toBe(2);
  });

  test('accepting needs a signed-in person', async () => {
    const { body } = await workshop.owner.post(invitesUrl(), { role: 'viewer', partyId: workshop.partyId });
    expectError(await new ApiClient(server.origin).post(`/api/invites/${body.token}/accept`), 401);
  });

  test('a used-up invite is 410', async () => {
    const { body } = await workshop.owner.post(invitesUrl(), { role: 'viewer', partyId: workshop.partyId, maxUses: 1 });
    expect((await (await signUp(server.origin, 'Karel')).post(`/api/invites/${body.token}/accept`)).status).toBe(200);
    const late = await signUp(server.origin, 'Lotte');
    expectError(await late.post(`/api/invites/${body.token}/accept`), 410, 'invite_used_up');
    expectError(await late.get(`/api/invites/${body.token}`), 410, 'invite_used_up');
    expectError(await late.get(`/api/workspaces/${workshop.workspaceId}`), 404);
  });

  test('a revoked invite is 404', async () => {
    const { body } = await workshop.owner.post(invitesUrl(), { role: 'viewer', partyId: workshop.partyId });
    expect((await workshop.owner.delete(`${invitesUrl()}/${body.id}`)).status).toBe(204);
    const person = await signUp(server.origin, 'Mees');
    expectError(await person.get(`/api/invites/${body.token}`), 404);
    expectError(await person.post(`/api/invites/${body.token}/accept`), 404);
  });

  test('an expired invite is 410', async () => {
    const { body } = await workshop.owner.post(invitesUrl(), { role: 'viewer', partyId: workshop.partyId, expiresInDays: 1 });
    // Time travel in the database rather than waiting a day.
    sqlRun(server, 'UPDATE invites SET expires_at = ? WHERE id = ?', Date.now() - 1, body.id);
    const person = await signUp(server.origin, 'Noor');
    expectError(await person.get(`/api/invites/${body.token}`), 410, 'invite_expired');
    expectError(await person.post(`/api/invites/${body.token}/accept`), 410, 'invite_expired');
  });

  test('only owners create invites, for a party of their own workspace', async () => {
    expectError(await members.editor.post(invitesUrl(), { role: 'viewer', partyId: workshop.partyId }), 403);
    const other = await buildWorkshop(server.origin);
    const res = await workshop.owner.post(invitesUrl(), { role: 'viewer', partyId: other.partyId });
    expectError(res, 400);
    expect(res.body.error.fields).toHaveProperty('partyId');
  });
});

describe('members and parties', () => {
  test('the last owner can be neither demoted nor removed, until there is a second owner', async () => {
    const own = await buildWorkshop(server.origin);
    const url = `/api/workspaces/${own.workspaceId}/members`;
    expectError(await own.owner.patch(`${url}/${own.owner.userId}`, { role: 'editor' }), 409, 'last_owner');
    expectError(await own.owner.delete(`${url}/${own.owner.userId}`), 409, 'last_owner');

    const second = await addMember(own, server.origin, 'editor');
    expect((await own.owner.patch(`${url}/${second.userId}`, { role: 'owner' })).status).toBe(200);
    expect((await own.owner.patch(`${url}/${own.owner.userId}`, { role: 'editor' })).status).toBe(200);
    expectError(await second.delete(`${url}/${second.userId}`), 409, 'last_owner');
    expect((await own.owner.get(`/api/workspaces/${own.workspaceId}`)).body.role).toBe('editor');
  });

  test('a member may leave; a non-owner may not remove others', async () => {
    const own = await buildWorkshop(server.origin);
    const url = `/api/workspaces/${own.workspaceId}/members`;
    const editor = await addMember(own, server.origin, 'editor');
    const viewer = await addMember(own, server.origin, 'viewer');
    expectError(await editor.delete(`${url}/${viewer.userId}`), 403);
    expect((await viewer.delete(`${url}/${viewer.userId}`)).status).toBe(204);
    expectError(await viewer.get(`/api/workspaces/${own.workspaceId}`), 404);
  });

  test('a party with members or open invites cannot be deleted (409); an unused one can', async () => {
    const own = await buildWorkshop(server.origin);
    const url = `/api/workspaces/${own.workspaceId}/parties`;
    // The owner speaks for the first party.
    expectError(await own.owner.delete(`${url}/${own.partyId}`), 409, 'party_in_use');

    const created = await own.owner.post(url, { name: 'Woningcorporatie', kind: 'housing_corporation' });
    expect(created.status).toBe(201);
    expect(created.body.color).toMatch(/^#[0-9a-f]{6}$/i);
    const invite = await own.owner.post(`/api/workspaces/${own.workspaceId}/invites`, { role: 'viewer', partyId: created.body.id });
    expectError(await own.owner.delete(`${url}/${created.body.id}`), 409, 'party_in_use');
    await own.owner.delete(`/api/workspaces/${own.workspaceId}/invites/${invite.body.id}`);
    expect((await own.owner.delete(`${url}/${created.body.id}`)).status).toBe(204);
    expect((await own.owner.get(`/api/workspaces/${own.workspaceId}`)).body.parties).toHaveLength(1);
  });

  test('party fields are validated', async () => {
    const res = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: '', kind: 'koffiebar', color: 'rood' });
    expectError(res, 400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['color', 'kind', 'name']);
  });
});

describe('documents', () => {
  test('create, list, read, rename, archive and unarchive', async () => {
    const own = await buildWorkshop(server.origin);
    const created = await own.owner.post(`/api/workspaces/${own.workspaceId}/documents`, { title: 'Criteria', template: 'blank' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), workspaceId: own.workspaceId, title: 'Criteria', template: 'blank', archived: false });
    const id = created.body.id as string;

    const listed = (await own.owner.get(`/api/workspaces/${own.workspaceId}`)).body.documents.map((d: { id: string; title: string }) => d.title);
    expect(listed.sort()).toEqual(['Criteria', 'Uitvraag']);
    expect((await own.owner.get(`/api/documents/${id}`)).body).toMatchObject({ id, title: 'Criteria', role: 'owner' });

    expect((await own.owner.patch(`/api/documents/${id}`, { title: 'Gunningscriteria' })).body.title).toBe('Gunningscriteria');
    expect((await own.owner.patch(`/api/documents/${id}`, { archived: true })).body.archived).toBe(true);
    expect((await own.owner.get(`/api/documents/${id}`)).body).toMatchObject({ title: 'Gunningscriteria', archived: true });
    expect((await own.owner.patch(`/api/documents/${id}`, { archived: false })).body.archived).toBe(false);
  });

  test('readers cannot create or change documents; bad input is a 400', async () => {
    const base = `/api/workspaces/${workshop.workspaceId}/documents`;
    for (const role of ['viewer', 'commenter'] as const) {
      expectError(await members[role].post(base, { title: 'Van een lezer' }), 403);
      expectError(await members[role].patch(`/api/documents/${workshop.documentId}`, { title: 'Van een lezer' }), 403);
    }
    expect((await members.editor.post(base, { title: 'Van de schrijver' })).status).toBe(201);
    expectError(await members.editor.post(base, { title: '  ' }), 400);
    expectError(await members.editor.post(base, { title: 'Sjabloon', template: 'bestaat-niet' }), 400);
    expectError(await members.editor.patch(`/api/documents/${workshop.documentId}`, {}), 400);
    expectError(await outsider.patch(`/api/documents/${workshop.documentId}`, { title: 'Van buiten' }), 404);
  });
});
