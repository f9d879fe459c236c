/**
 * Issue 17: sign-up can be limited with `SIGNUP`. `invite`: only with a usable invite token in
 * the sign-up body; `domains:…`: only addresses of those exact domains (no look-alikes, no
 * subdomains), or with an invite; refusals are 403 with a message on the address and leave no
 * row behind. Invite links work in every mode. The database is read back after the refusals.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hashPassword } from '../../server/auth/passwords';
import { ApiClient } from '../helpers/apiClient';
import { withReadOnlyDatabase } from '../helpers/sqliteFile';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let inviteOnly: TestServer;
let domains: TestServer;

beforeAll(async () => {
  inviteOnly = await startTestServer({ SIGNUP: 'invite' });
  domains = await startTestServer({ SIGNUP: 'domains:zaanstad.nl, Gemeente-Oost.NL' });
});
afterAll(async () => {
  await inviteOnly?.stop();
  await domains?.stop();
});

const password = 'een-lang-wachtwoord';
let counter = 0;
const signupAt = (s: TestServer, email: string, extra: Record<string, string> = {}) =>
  new ApiClient(s.origin).post('/api/auth/signup', { email, name: `Persoon ${++counter}`, password, ...extra });
const accountsWith = (s: TestServer, email: string) =>
  withReadOnlyDatabase(s.dataDir, (db) => (db.prepare('SELECT COUNT(*) AS n FROM users WHERE email = ?').get(email.toLowerCase()) as { n: number }).n);

/** An owner made through the server's own repository (sign-up is closed to them), with a workspace and an invite. */
async function inviteAt(s: TestServer, maxUses = 25) {
  const owner = await s.repos.users.create({ email: `eigenaar-${++counter}@zaanstad.nl`, name: 'Eigenaar', passwordHash: await hashPassword(password) });
  const workspace = await s.repos.workspaces.create('Dagbesteding', owner!.id);
  const party = await s.repos.parties.create({ workspace_id: workspace.id, name: 'Bewoners', kind: 'residents', color: '#123456' });
  const client = new ApiClient(s.origin);
  expect((await client.post('/api/auth/login', { email: owner!.email, password })).status).toBe(200);
  const invite = await client.post(`/api/workspaces/${workspace.id}/invites`, { role: 'editor', partyId: party.id, maxUses });
  expect(invite.status).toBe(201);
  return { token: invite.body.token as string, workspaceId: workspace.id, owner: client };
}

test('SIGNUP=invite: no account without an invite; a usable invite token lets the person in, who then joins', async () => {
  const refused = await signupAt(inviteOnly, 'zomaar@example.nl');
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('signup_closed');
  expect(refused.body.error.message).toMatch(/uitnodiging/);
  expect(refused.body.error.fields.email).toMatch(/uitnodiging/);
  expect((await signupAt(inviteOnly, 'gegokt@example.nl', { inviteToken: 'a'.repeat(32) })).status).toBe(403);
  expect(accountsWith(inviteOnly, 'zomaar@example.nl') + accountsWith(inviteOnly, 'gegokt@example.nl')).toBe(0);

  const { token, workspaceId } = await inviteAt(inviteOnly, 1);
  const newcomer = new ApiClient(inviteOnly.origin);
  const made = await newcomer.post('/api/auth/signup', { email: 'uitgenodigd@example.nl', name: 'Uitgenodigd', password, inviteToken: token });
  expect(made.status).toBe(201);
  // Signing up with the token used it: a link for one person opens one account, even before
  // anyone pressed "accept", and the newcomer is a member already.
  expect((await signupAt(inviteOnly, 'meelifter@example.nl', { inviteToken: token })).status).toBe(403);
  expect(accountsWith(inviteOnly, 'meelifter@example.nl')).toBe(0);
  expect(withReadOnlyDatabase(inviteOnly.dataDir, (db) => db.prepare('SELECT role FROM members WHERE workspace_id = ? AND user_id = ?').get(workspaceId, made.body.id))).toEqual({ role: 'editor' });
  // Accepting afterwards, as the invite page does, answers with the membership made.
  const accepted = await newcomer.post(`/api/invites/${token}/accept`);
  expect(accepted.status).toBe(200);
  expect(accepted.body.workspaceId).toBe(workspaceId);
  // Used up: the same token no longer opens sign-up.
  expect((await signupAt(inviteOnly, 'tweede@example.nl', { inviteToken: token })).status).toBe(403);
  expect(accountsWith(inviteOnly, 'tweede@example.nl')).toBe(0);

  // A revoked invite does not either.
  const revoked = await inviteAt(inviteOnly);
  const inviteId = (await revoked.owner.get(`/api/workspaces/${revoked.workspaceId}`)).body.invites[0].id as string;
  expect((await revoked.owner.delete(`/api/workspaces/${revoked.workspaceId}/invites/${inviteId}`)).status).toBe(204);
  expect((await signupAt(inviteOnly, 'ingetrokken@example.nl', { inviteToken: revoked.token })).status).toBe(403);
});

test('SIGNUP=domains: exactly those domains, any case; look-alikes and subdomains are refused unless invited', async () => {
  for (const email of ['ambtenaar@zaanstad.nl', 'Beleid@ZAANSTAD.nl', 'wijk@gemeente-oost.nl']) {
    expect((await signupAt(domains, email)).status).toBe(201);
    expect(accountsWith(domains, email)).toBe(1);
  }
  for (const email of ['iemand@evilzaanstad.nl', 'iemand@zaanstad.nl.evil.com', 'iemand@post.zaanstad.nl', 'iemand@zaanstad.com', 'iemand@gemeente-oost.nl.example']) {
    const refused = await signupAt(domains, email);
    expect(refused.status, email).toBe(403);
    expect(refused.body.error.fields.email).toContain('zaanstad.nl, gemeente-oost.nl');
    expect(accountsWith(domains, email)).toBe(0);
  }
  const { token } = await inviteAt(domains);
  expect((await signupAt(domains, 'partner@stichting.example', { inviteToken: token })).status).toBe(201);
  expect(accountsWith(domains, 'partner@stichting.example')).toBe(1);
});

test('the sign-up page learns the mode; without OIDC_* there is no single sign-on', async () => {
  expect((await new ApiClient(domains.origin).get('/api/auth/options')).body).toEqual({ oidc: null, signup: 'domains', domains: ['zaanstad.nl', 'gemeente-oost.nl'] });
  expect((await new ApiClient(inviteOnly.origin).get('/api/auth/options')).body).toEqual({ oidc: null, signup: 'invite' });
  const start = await fetch(`${inviteOnly.origin}/api/auth/oidc/start`, { redirect: 'manual' });
  expect(start.status).toBe(404);
});

test('SIGNUP=invite: many sign-ups at once with a link for one person open one account', async () => {
  const { token, workspaceId } = await inviteAt(inviteOnly, 1);
  const addresses = Array.from({ length: 8 }, (_, i) => `tegelijk-${i}-${Date.now()}@example.nl`);
  const answers = await Promise.all(addresses.map((email) => signupAt(inviteOnly, email, { inviteToken: token })));
  expect(answers.map((a) => a.status).sort()).toEqual([201, 403, 403, 403, 403, 403, 403, 403]);
  expect(addresses.reduce((n, email) => n + accountsWith(inviteOnly, email), 0)).toBe(1);
  const winner = answers.find((a) => a.status === 201)!;
  expect(
    withReadOnlyDatabase(inviteOnly.dataDir, (db) => ({
      uses: (db.prepare('SELECT uses FROM invites WHERE workspace_id = ?').get(workspaceId) as { uses: number }).uses,
      members: db.prepare('SELECT user_id FROM members WHERE workspace_id = ? AND user_id != (SELECT created_by FROM workspaces WHERE id = ?)').all(workspaceId, workspaceId),
    })),
  ).toEqual({ uses: 1, members: [{ user_id: winner.body.id }] });
});
