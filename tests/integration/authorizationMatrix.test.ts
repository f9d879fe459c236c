/**
 * The authorization matrix: every principal x every HTTP endpoint of server/app.ts and every
 * socket action, one cell per test. Each cell asserts the status AND the server state
 * afterwards: a refused request leaves every row of every SQLite table as it was (and a
 * document it aims at reads the same through a fresh client); an allowed one changes only the
 * tables it should, in the way it should.
 *
 * Every cell gets a principal of its own (made in SQLite, with a fresh session) and, where the
 * request consumes something (a party to delete, an invite to accept, a commitment to
 * confirm), a target of its own, so cells cannot disturb each other and run in any order.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { hashPassword } from '../../server/auth/passwords';
import { generateSessionToken, hashToken } from '../../server/auth/sessionTokens';
import { findBlockElement } from '../../server/registers/extractBlocks';
import { generateJoinCode, hashJoinCode } from '../../server/sessions/joinCodes';
import { roles, type Role } from '../../shared/api/roles';
import { CloseCode } from '../../shared/collab/protocol';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { buildWorkshop, type Workshop } from '../helpers/apiClient';
import { attemptUpgrade, ProviderPool, recordCloseCodes, seesMarker, setMarker, storedText, updateRowsBy } from '../helpers/collab';
import { diffDb, snapshotDb } from '../helpers/dbSnapshot';
import { appendCommitment, appendParagraph, readViaFreshClient } from '../helpers/documents';
import { paragraphText, rangeAnchor } from '../helpers/comments';
import { addMembership, createSessionFor, createUserRow, makePrincipal, principalKinds, type Principal, type PrincipalKind, type PrincipalWorld } from '../helpers/principals';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

const PASSWORD = 'een-lang-wachtwoord';

let server: TestServer;
let world: PrincipalWorld;
let home: Workshop;
let away: Workshop;
/** The document of the workspace under test, with text and a version. */
let docId: string;
let versionId: string;
/** The other workspace's document and version, for cross-workspace references. */
let foreignVersionId: string;
/** A document only the socket cells use. */
let socketDocId: string;
/** A range of the base text, as the API takes a thread's anchor. */
let threadAnchor: { from: string; to: string };
const pool = new ProviderPool();

const tally = { cells: 0, failed: 0, byGroup: new Map<string, number>() };

beforeAll(async () => {
  server = await startTestServer();
  const passwordHash = await hashPassword(PASSWORD);
  home = await buildWorkshop(server.origin);
  away = await buildWorkshop(server.origin);
  docId = home.documentId;
  await server.registry.withRoom(docId, (room) => room.applyServerChange((doc) => appendParagraph(doc, 'Basistekst van de uitvraag')));
  threadAnchor = await server.registry.withRoom(docId, (room) => rangeAnchor(paragraphText(room.doc, 0), 0, 10));
  versionId = (await home.owner.post(`/api/documents/${docId}/versions`, { label: 'Basis' })).body.id;
  foreignVersionId = (await away.owner.post(`/api/documents/${away.documentId}/versions`, { label: 'Elders' })).body.id;
  socketDocId = (await home.owner.post(`/api/workspaces/${home.workspaceId}/documents`, { title: 'Sockets', template: 'blank' })).body.id;
  world = {
    origin: server.origin,
    repos: server.repos,
    passwordHash,
    workspaceId: home.workspaceId,
    partyId: home.partyId,
    foreignWorkspaceId: away.workspaceId,
    foreignPartyId: away.partyId,
  };
  await eventually(() => expect(server.registry.roomCount()).toBe(0));
});

afterEach(() => pool.destroyAll());
afterAll(async () => {
  const groups = [...tally.byGroup].map(([group, n]) => `${group}: ${n}`).join(', ');
  console.info(`[authorization matrix] ${tally.cells} cells covered, ${tally.failed} failing (${groups})`);
  await server.stop();
});

/** Runs one cell and counts it. */
async function cell(group: string, run: () => Promise<void>): Promise<void> {
  tally.cells += 1;
  tally.byGroup.set(group, (tally.byGroup.get(group) ?? 0) + 1);
  try {
    await run();
  } catch (error) {
    tally.failed += 1;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

type Expect = Record<PrincipalKind, number>;

const everyone = (status: number): Expect =>
  Object.fromEntries(principalKinds.map((kind) => [kind, status])) as Expect;
const signedIn = (status: number): Expect => ({ ...everyone(status), anonymous: 401 });
/** A route of the workspace under test: outsiders and other workspaces' members get the 404 of a missing workspace. */
const memberRoute = (statuses: Record<Role, number>): Expect => ({ anonymous: 401, outsider: 404, foreign: 404, ...statuses });
const readers = (s: number) => memberRoute({ viewer: s, commenter: s, editor: s, owner: s });
const writers = (s: number) => memberRoute({ viewer: 403, commenter: 403, editor: s, owner: s });
const partySpeakers = (s: number) => memberRoute({ viewer: 403, commenter: s, editor: s, owner: s });
const ownerOnly = (s: number) => memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: s });

interface Req {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  path: string;
  body?: unknown;
  /** Server-sent events: read the first chunk, then hang up. */
  stream?: boolean;
}

interface Sent {
  status: number;
  headers: Headers;
  text: string;
}

/** Ids a cell made for itself. */
type Ctx = Record<string, string>;

interface Row {
  name: string;
  expect: Expect;
  arrange?: (p: Principal) => Ctx | Promise<Ctx>;
  request: (p: Principal, c: Ctx) => Req;
  /** Tables an allowed request may change. Any other change fails the cell. */
  changes?: string[];
  /** A document the request could change: read by a fresh client before and after a refusal. */
  document?: (c: Ctx) => string;
  /** What an allowed request must have done. */
  effect?: (p: Principal, c: Ctx, res: Sent) => void | Promise<void>;
}

async function send(p: Principal, req: Req): Promise<Sent> {
  const headers: Record<string, string> = { origin: server.origin };
  if (p.cookie) headers.cookie = p.cookie;
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  const controller = new AbortController();
  const res = await fetch(server.origin + req.path, {
    method: req.method,
    headers,
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
    signal: controller.signal,
  });
  if (req.stream && res.status === 200) {
    const first = await res.body!.getReader().read();
    controller.abort();
    return { status: res.status, headers: res.headers, text: new TextDecoder().decode(first.value) };
  }
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const json = (res: Sent) => JSON.parse(res.text) as Record<string, unknown> & Record<number, unknown>;

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}`;

// Fixtures a cell makes for itself, straight in SQLite or through the room as the server would.
const fixtures = {
  /** A thread in the document under test (stored only, no mark), by its author; its id is also its first comment's. */
  async thread(status: 'open' | 'resolved' = 'open', authorId: string | null = home.owner.userId): Promise<string> {
    const id = unique('draad').replace(/[^A-Za-z0-9_-]/g, '');
    const now = Date.now();
    await server.repos.comments.createThread(
      { id, document_id: docId, workspace_id: world.workspaceId, author_id: authorId, party_id: null, quote: 'Basistekst', status, created_at: now, resolved_at: null, resolved_by: null },
      { id, thread_id: id, author_id: authorId, party_id: null, body: 'Een vraag.', created_at: now, edited_at: null },
    );
    return id;
  },
  /** An open action block of its own in a document, written by the server; its id. */
  async actionBlock(documentId: string, kind: 'action' | 'criterion' = 'action'): Promise<string> {
    const blockId = unique(kind).replace(/[^A-Za-z0-9_-]/g, '');
    await server.registry.withRoom(documentId, (room) =>
      room.applyServerChange((doc) => {
        const attrs: Record<string, string | number> = kind === 'action' ? { id: blockId, status: 'open', funding: 'unknown' } : { id: blockId, kind: 'award', category: 'quality', weight: 10 };
        const block = new Y.XmlElement(kind);
        for (const [key, value] of Object.entries(attrs)) block.setAttribute(key, value as string);
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('Een blok')]);
        block.insert(0, [paragraph]);
        const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
        fragment.insert(fragment.length, [block]);
      }),
    );
    return blockId;
  },
  /** An open suggestion by the owner to change an action's status or a criterion's weight; its id. */
  async fieldSuggestion(documentId: string, field: 'status' | 'weight'): Promise<string> {
    const blockId = await fixtures.actionBlock(documentId, field === 'status' ? 'action' : 'criterion');
    const id = randomUUID();
    await server.repos.fieldSuggestions.create({
      document_id: documentId,
      id,
      workspace_id: world.workspaceId,
      block_id: blockId,
      block_kind: field === 'status' ? 'action' : 'criterion',
      changes: JSON.stringify(field === 'status' ? { status: 'done' } : { weight: 40 }),
      previous: JSON.stringify(field === 'status' ? { status: 'open' } : { weight: 10 }),
      user_id: home.owner.userId,
      party_id: world.partyId,
      status: 'open',
      created_at: Date.now(),
      decided_by: null,
      decided_at: null,
      decided_by_poll_id: null,
    });
    return id;
  },
  async party(workspaceId = world.workspaceId): Promise<string> {
    return (await server.repos.parties.create({ workspace_id: workspaceId, name: unique('Doelpartij'), kind: 'other', color: '#336699' })).id;
  },
  async member(role: Role = 'viewer'): Promise<string> {
    const user = await createUserRow(server.repos, world.passwordHash, 'Doelwit');
    await addMembership(server.repos, world.workspaceId, user.id, role, world.partyId);
    return user.id;
  },
  async invite(workspaceId = world.workspaceId, partyId = world.partyId): Promise<{ inviteId: string; token: string }> {
    const token = generateSessionToken();
    const invite = (await server.repos.invites.create({
      workspace_id: workspaceId,
      token_hash: hashToken(token),
      role: 'viewer',
      party_id: partyId,
      expires_at: Date.now() + 86_400_000,
      max_uses: 5,
      created_by: home.owner.userId,
    }));
    return { inviteId: invite.id, token };
  },
  async commitment(documentId = docId, partyId = world.partyId): Promise<string> {
    const blockId = unique('toezegging');
    await server.registry.withRoom(documentId, (room) => room.applyServerChange((doc) => appendCommitment(doc, blockId, partyId)));
    return blockId;
  },
  /** A version whose content is one recognisable paragraph. */
  async version(documentId = docId): Promise<{ versionId: string; marker: string }> {
    const marker = unique('VERSIE');
    const doc = new Y.Doc();
    appendParagraph(doc, marker);
    const row = (await server.repos.versions.create({
      document_id: documentId,
      label: marker,
      kind: 'manual',
      state: Buffer.from(Y.encodeStateAsUpdate(doc)),
      attribution: '[]',
      created_by: home.owner.userId,
    }));
    doc.destroy();
    return { versionId: row.id, marker };
  },
  async adoption(partyIds = [world.partyId]): Promise<string> {
    const { versionId: id } = await fixtures.version();
    (await server.repos.adoptions.createRequest({ version_id: id, party_ids: JSON.stringify(partyIds), requested_by: home.owner.userId, requested_at: Date.now() }));
    return id;
  },
  /** A werksessie with one round step, planned or running (chaired by `chair`), maybe with an open turn. */
  async session(opts: { status?: 'planned' | 'running'; chair?: string; turnParty?: string; workspaceId?: string } = {}): Promise<{ sessionId: string; turnId: string }> {
    const id = unique('sessie');
    const stepId = unique('stap');
    const running = opts.status === 'running';
    const chair = opts.chair ?? home.owner.userId;
    await server.repos.workSessions.create(
      {
        id, workspace_id: opts.workspaceId ?? world.workspaceId, title: 'Verkenning', starts_at: null, status: running ? 'running' : 'planned',
        chair_user_id: running ? chair : null, current_step_id: running ? stepId : null, timer_ends_at: null, timer_paused_ms: null,
        follow_document_id: null, follow_block_id: null, locked: 0, turn_party_id: opts.turnParty ?? null, turn_order: '[]', turn_seconds: 180,
        created_by: home.owner.userId, created_at: Date.now(), started_at: running ? Date.now() : null, ended_at: null, minutes_document_id: null,
      },
      [{ id: stepId, session_id: id, position: 0, title: 'Ronde', instruction: '', minutes: 10, kind: 'round', document_id: null, block_id: null, revealed_at: null, guests_write: 0 }],
    );
    const turnId = unique('beurt');
    if (opts.turnParty) await server.repos.workSessions.switchTurn(id, Date.now(), { id: turnId, session_id: id, step_id: stepId, party_id: opts.turnParty, started_at: Date.now(), ended_at: null, said: '' });
    return { sessionId: id, turnId };
  },
  /**
   * A running werksessie (chaired by `chair`) with one private step and one card in it, written
   * by the owner of the workspace (so nobody else is its author); revealed or not.
   */
  async privateCard(opts: { chair?: string; revealed?: boolean } = {}): Promise<{ sessionId: string; stepId: string; cardId: string }> {
    const id = unique('sessie');
    const stepId = unique('stap');
    const cardId = unique('kaartje');
    await server.repos.workSessions.create(
      {
        id, workspace_id: world.workspaceId, title: 'Criteria', starts_at: null, status: 'running',
        chair_user_id: opts.chair ?? home.owner.userId, current_step_id: stepId, timer_ends_at: null, timer_paused_ms: null,
        follow_document_id: null, follow_block_id: null, locked: 0, turn_party_id: null, turn_order: '[]', turn_seconds: 180,
        created_by: home.owner.userId, created_at: Date.now(), started_at: Date.now(), ended_at: null, minutes_document_id: null,
      },
      [{ id: stepId, session_id: id, position: 0, title: 'Ieder voor zich', instruction: '', minutes: 10, kind: 'private', document_id: null, block_id: null, revealed_at: null, guests_write: 0 }],
    );
    await server.repos.sessionCards.insert({ id: cardId, session_id: id, step_id: stepId, author_id: home.owner.userId, party_id: home.partyId, text: 'Een kaartje', anonymous: 0, created_at: Date.now() });
    if (opts.revealed) await server.repos.sessionCards.reveal(stepId, Date.now());
    return { sessionId: id, stepId, cardId };
  },
  /** A running session chaired by `chair` (the owner principal by default) with a score poll of one option. */
  async poll(opts: { chair?: string; closed?: boolean } = {}): Promise<{ sessionId: string; pollId: string; optionId: string }> {
    const id = unique('sessie');
    const stepId = unique('stap');
    const pollId = unique('peiling');
    const optionId = unique('optie');
    await server.repos.workSessions.create(
      {
        id, workspace_id: world.workspaceId, title: 'Weging', starts_at: null, status: 'running',
        chair_user_id: opts.chair ?? home.owner.userId, current_step_id: stepId, timer_ends_at: null, timer_paused_ms: null,
        follow_document_id: null, follow_block_id: null, locked: 0, turn_party_id: null, turn_order: '[]', turn_seconds: 180,
        created_by: home.owner.userId, created_at: Date.now(), started_at: Date.now(), ended_at: null, minutes_document_id: null,
      },
      [{ id: stepId, session_id: id, position: 0, title: 'Peiling', instruction: '', minutes: 10, kind: 'poll', document_id: null, block_id: null, revealed_at: null, guests_write: 0 }],
    );
    await server.repos.polls.create(
      {
        id: pollId, session_id: id, step_id: stepId, question: 'Hoe belangrijk?', kind: 'score', budget: null, max_per_option: null, unit: 'person',
        anonymous: 0, results_hidden: 0, status: opts.closed ? 'closed' : 'open', created_by: home.owner.userId, created_at: Date.now(),
        closed_at: opts.closed ? Date.now() : null, weights_applied_at: null,
      },
      [{ id: optionId, poll_id: pollId, position: 0, label: 'Sociale waarde', document_id: null, block_id: null }],
    );
    return { sessionId: id, pollId, optionId };
  },
  async feedToken(): Promise<string> {
    const token = generateSessionToken();
    (await server.repos.calendarFeeds.replace(world.workspaceId, await fixtures.member('viewer'), hashToken(token)));
    return token;
  },
};

const ws = () => `/api/workspaces/${world.workspaceId}`;
const doc = () => `/api/documents/${docId}`;
const commitmentStatus = (documentId: string, blockId: string) =>
  server.registry.withRoom(documentId, (room) => findBlockElement(room.doc, 'commitment', blockId)?.getAttribute('status'));

/**
 * Every route of server/app.ts (and of server/routes/*), plus references across workspaces:
 * an id of the other workspace used in a path or body of this one, and the other way round.
 */
const rows: Row[] = [
  // --- health, accounts, sessions ---
  { name: 'GET /api/health', expect: everyone(200), request: () => ({ method: 'GET', path: '/api/health' }) },
  { name: 'GET /api/ready', expect: everyone(200), request: () => ({ method: 'GET', path: '/api/ready' }) },
  {
    name: 'POST /api/auth/signup',
    expect: everyone(201),
    request: () => ({ method: 'POST', path: '/api/auth/signup', body: { email: `${unique('nieuw')}@example.nl`, name: 'Nieuw', password: PASSWORD } }),
    changes: ['users', 'sessions', 'single_use_links'],
    effect: async (_p, _c, res) => expect((await server.repos.users.findById(String(json(res).id)))).toBeDefined(),
  },
  {
    name: 'POST /api/auth/login (own account)',
    expect: everyone(200),
    arrange: async (p) => ({ email: p.email ?? (await createUserRow(server.repos, world.passwordHash)).email }),
    request: (_p, c) => ({ method: 'POST', path: '/api/auth/login', body: { email: c.email, password: PASSWORD } }),
    changes: ['sessions'],
  },
  {
    name: 'POST /api/auth/logout',
    expect: everyone(204),
    request: () => ({ method: 'POST', path: '/api/auth/logout' }),
    changes: ['sessions'],
    effect: async (p) => {
      if (p.sessionId) expect((await server.repos.sessions.findById(p.sessionId))).toBeUndefined();
    },
  },
  // The same answer for every address and everyone; a made-up link is gone for everyone.
  { name: 'POST /api/auth/password-reset', expect: everyone(202), request: () => ({ method: 'POST', path: '/api/auth/password-reset', body: { email: 'niemand-bekend@example.nl' } }) },
  { name: 'POST /api/auth/verify-email/:token', expect: everyone(410), request: () => ({ method: 'POST', path: '/api/auth/verify-email/verzonnen0123456789' }) },
  // A new verification link for one's own address only: the session says whose.
  {
    name: 'POST /api/me/email-verification',
    expect: signedIn(202),
    request: () => ({ method: 'POST', path: '/api/me/email-verification' }),
    changes: ['single_use_links'],
    effect: async (p) => expect(server.storage.sqlite.prepare("SELECT COUNT(*) AS n FROM single_use_links WHERE user_id = ? AND purpose = 'email_verification' AND used_at IS NULL").get(p.userId)).toEqual({ n: 1 }),
  },
  { name: 'POST /api/auth/password-reset/:token', expect: everyone(410), request: () => ({ method: 'POST', path: '/api/auth/password-reset/verzonnen0123456789', body: { password: 'een-lang-wachtwoord' } }) },
  // Single sign-on: this server has no OIDC_*, so both legs are 404 for everyone (singleSignOn.test.ts runs them against a provider).
  { name: 'GET /api/auth/options', expect: everyone(200), request: () => ({ method: 'GET', path: '/api/auth/options' }), effect: (_p, _c, res) => expect(json(res)).toEqual({ oidc: null, signup: 'open' }) },
  { name: 'GET /api/auth/oidc/start', expect: everyone(404), request: () => ({ method: 'GET', path: '/api/auth/oidc/start?next=/w/1' }) },
  { name: 'GET /api/auth/oidc/callback', expect: everyone(404), request: () => ({ method: 'GET', path: '/api/auth/oidc/callback?code=verzonnen&state=verzonnen' }) },
  { name: 'GET /api/me', expect: signedIn(200), request: () => ({ method: 'GET', path: '/api/me' }), effect: (p, _c, res) => expect(json(res).id).toBe(p.userId) },
  // Account routes act on the caller's own account only; bodies that fail validation keep the
  // principals alive for the other rows (accountsForLife.test.ts covers the changes themselves).
  { name: 'PATCH /api/me', expect: signedIn(400), request: () => ({ method: 'PATCH', path: '/api/me', body: {} }) },
  { name: 'POST /api/me/password', expect: signedIn(400), request: () => ({ method: 'POST', path: '/api/me/password', body: { current: '', password: 'kort' } }) },
  { name: 'GET /api/me/sessions', expect: signedIn(200), request: () => ({ method: 'GET', path: '/api/me/sessions' }), effect: (_p, _c, res) => expect((JSON.parse(res.text) as { current: boolean }[]).filter((s) => s.current)).toHaveLength(1) },
  { name: 'DELETE /api/me/sessions', expect: signedIn(204), request: () => ({ method: 'DELETE', path: '/api/me/sessions' }), changes: ['sessions'] },
  { name: 'GET /api/me/export', expect: signedIn(200), request: () => ({ method: 'GET', path: '/api/me/export' }), effect: (p, _c, res) => expect((JSON.parse(res.text) as { user: { id: string } }).user.id).toBe(p.userId) },
  { name: 'DELETE /api/me', expect: signedIn(400), request: () => ({ method: 'DELETE', path: '/api/me', body: {} }) },

  // --- workspaces ---
  {
    name: 'GET /api/workspaces',
    expect: signedIn(200),
    request: () => ({ method: 'GET', path: '/api/workspaces' }),
    effect: (p, _c, res) => {
      // A list of one's own workspaces only: the workspace under test shows up for its members alone.
      const ids = (JSON.parse(res.text) as { id: string }[]).map((w) => w.id);
      expect(ids.includes(world.workspaceId)).toBe(['viewer', 'commenter', 'editor', 'owner'].includes(p.kind));
    },
  },
  {
    name: 'POST /api/workspaces',
    expect: signedIn(201),
    request: () => ({ method: 'POST', path: '/api/workspaces', body: { name: unique('Eigen werkruimte') } }),
    changes: ['workspaces', 'members'],
  },
  { name: 'GET /api/workspaces/:id', expect: readers(200), request: () => ({ method: 'GET', path: ws() }), effect: (p, _c, res) => expect(json(res).role).toBe(p.kind) },
  {
    name: 'PATCH /api/workspaces/:id',
    expect: ownerOnly(200),
    arrange: () => ({ name: unique('Hernoemd') }),
    request: (_p, c) => ({ method: 'PATCH', path: ws(), body: { name: c.name } }),
    changes: ['workspaces'],
    effect: async (_p, c) => expect((await server.repos.workspaces.findById(world.workspaceId))!.name).toBe(c.name),
  },

  // --- parties ---
  {
    name: 'POST /api/workspaces/:id/parties',
    expect: ownerOnly(201),
    arrange: () => ({ name: unique('Partij') }),
    request: (_p, c) => ({ method: 'POST', path: `${ws()}/parties`, body: { name: c.name, kind: 'school' } }),
    changes: ['parties'],
    effect: async (_p, c) => expect((await server.repos.parties.listForWorkspace(world.workspaceId)).map((p) => p.name)).toContain(c.name),
  },
  {
    name: 'PATCH /api/workspaces/:id/parties/:partyId',
    expect: ownerOnly(200),
    arrange: async () => ({ partyId: await fixtures.party() }),
    request: (_p, c) => ({ method: 'PATCH', path: `${ws()}/parties/${c.partyId}`, body: { name: 'Gewijzigd' } }),
    changes: ['parties'],
    effect: async (_p, c) => expect((await server.repos.parties.findById(c.partyId!))!.name).toBe('Gewijzigd'),
  },
  {
    name: 'DELETE /api/workspaces/:id/parties/:partyId',
    expect: ownerOnly(204),
    arrange: async () => ({ partyId: await fixtures.party() }),
    request: (_p, c) => ({ method: 'DELETE', path: `${ws()}/parties/${c.partyId}` }),
    changes: ['parties'],
    effect: async (_p, c) => expect((await server.repos.parties.findById(c.partyId!))).toBeUndefined(),
  },

  // --- members ---
  {
    name: 'PATCH /api/workspaces/:id/members/:userId (someone else)',
    expect: ownerOnly(200),
    arrange: async () => ({ userId: await fixtures.member('viewer') }),
    request: (_p, c) => ({ method: 'PATCH', path: `${ws()}/members/${c.userId}`, body: { role: 'editor' } }),
    changes: ['members', 'audit_log'],
    effect: async (_p, c) => expect((await server.repos.members.find(world.workspaceId, c.userId!))!.role).toBe('editor'),
  },
  {
    name: 'PATCH /api/workspaces/:id/members/:userId (oneself, to owner)',
    // Only an owner manages members; nobody promotes themselves.
    expect: ownerOnly(200),
    request: (p) => ({ method: 'PATCH', path: `${ws()}/members/${p.userId ?? 'niemand'}`, body: { role: 'owner' } }),
    changes: ['members', 'audit_log'],
  },
  {
    name: 'DELETE /api/workspaces/:id/members/:userId (someone else)',
    expect: ownerOnly(204),
    arrange: async () => ({ userId: await fixtures.member('editor') }),
    request: (_p, c) => ({ method: 'DELETE', path: `${ws()}/members/${c.userId}` }),
    changes: ['members', 'audit_log'],
    effect: async (_p, c) => expect((await server.repos.members.find(world.workspaceId, c.userId!))).toBeUndefined(),
  },
  {
    name: 'DELETE /api/workspaces/:id/members/:userId (leaving oneself)',
    expect: readers(204),
    request: (p) => ({ method: 'DELETE', path: `${ws()}/members/${p.userId ?? 'niemand'}` }),
    changes: ['members', 'audit_log'],
    effect: async (p) => expect((await server.repos.members.find(world.workspaceId, p.userId!))).toBeUndefined(),
  },

  // --- invites ---
  {
    name: 'POST /api/workspaces/:id/invites',
    expect: ownerOnly(201),
    request: () => ({ method: 'POST', path: `${ws()}/invites`, body: { role: 'editor', partyId: world.partyId } }),
    changes: ['invites', 'audit_log'],
  },
  {
    name: 'POST /api/workspaces/:id/invites (as owner role)',
    expect: ownerOnly(201),
    request: () => ({ method: 'POST', path: `${ws()}/invites`, body: { role: 'owner', partyId: world.partyId } }),
    changes: ['invites', 'audit_log'],
  },
  {
    name: 'DELETE /api/workspaces/:id/invites/:inviteId',
    expect: ownerOnly(204),
    arrange: async () => await fixtures.invite(),
    request: (_p, c) => ({ method: 'DELETE', path: `${ws()}/invites/${c.inviteId}` }),
    changes: ['invites', 'audit_log'],
    effect: async (_p, c) => expect((await server.repos.invites.findById(c.inviteId!))!.revoked_at).not.toBeNull(),
  },
  {
    name: 'GET /api/invites/:token (preview, the link is the key)',
    expect: everyone(200),
    arrange: async () => await fixtures.invite(),
    request: (_p, c) => ({ method: 'GET', path: `/api/invites/${c.token}` }),
  },
  {
    name: 'GET /api/invites/:token (unknown token)',
    expect: everyone(404),
    request: () => ({ method: 'GET', path: `/api/invites/${generateSessionToken()}` }),
  },
  {
    name: 'POST /api/invites/:token/accept',
    // Anyone signed in holding the link may join; a member keeps the role they had.
    expect: signedIn(200),
    arrange: async () => await fixtures.invite(),
    request: (_p, c) => ({ method: 'POST', path: `/api/invites/${c.token}/accept` }),
    changes: ['members', 'invites', 'audit_log'],
    effect: async (p, c) => {
      const membership = (await server.repos.members.find(world.workspaceId, p.userId!))!;
      const invite = (await server.repos.invites.findById(c.inviteId!))!;
      if (p.kind === 'outsider' || p.kind === 'foreign') {
        expect(membership.role).toBe('viewer');
        expect(invite.uses).toBe(1);
      } else {
        expect(membership.role).toBe(p.kind);
        expect(invite.uses).toBe(0);
      }
    },
  },

  // --- documents ---
  {
    name: 'POST /api/workspaces/:id/documents',
    expect: writers(201),
    request: () => ({ method: 'POST', path: `${ws()}/documents`, body: { title: unique('Nieuw document'), template: 'uitvraag' } }),
    changes: ['documents', 'document_snapshots', 'document_updates', 'document_blocks'],
  },
  { name: 'GET /api/documents/:id', expect: readers(200), request: () => ({ method: 'GET', path: doc() }), effect: (p, _c, res) => expect(json(res).role).toBe(p.kind) },
  {
    name: 'PATCH /api/documents/:id',
    expect: writers(200),
    arrange: () => ({ title: unique('Titel') }),
    request: (_p, c) => ({ method: 'PATCH', path: doc(), body: { title: c.title } }),
    changes: ['documents'],
    effect: async (_p, c) => expect((await server.repos.documents.findById(docId))!.title).toBe(c.title),
  },
  {
    name: 'PATCH /api/documents/:id (archive)',
    expect: writers(200),
    arrange: async () => ({
      documentId: (await server.repos.documents.create({ workspace_id: world.workspaceId, title: unique('Archief'), template: 'blank', created_by: home.owner.userId })).id,
    }),
    request: (_p, c) => ({ method: 'PATCH', path: `/api/documents/${c.documentId}`, body: { archived: true } }),
    changes: ['documents'],
    effect: async (_p, c) => expect((await server.repos.documents.findById(c.documentId!))!.archived_at).not.toBeNull(),
  },

  // --- commitments: only someone who speaks for the commitment's party decides ---
  ...(['confirm', 'withdraw'] as const).map(
    (decision): Row => ({
      name: `POST /api/documents/:id/commitments/:blockId/${decision}`,
      expect: partySpeakers(200),
      arrange: async () => ({ blockId: await fixtures.commitment() }),
      request: (_p, c) => ({ method: 'POST', path: `${doc()}/commitments/${c.blockId}/${decision}` }),
      // The decision row, the document change it writes, and what its unload does (register
      // index, automatic version, compaction, attribution).
      changes: ['commitment_decisions', 'audit_log', 'document_updates', 'document_snapshots', 'document_blocks', 'document_versions', 'attribution_daily', 'document_clients'],
      document: () => docId,
      effect: async (p, c) => {
        expect(await commitmentStatus(docId, c.blockId!)).toBe(decision === 'confirm' ? 'confirmed' : 'withdrawn');
        expect((await server.repos.commitmentDecisions.latestForDocument(docId)).find((d) => d.block_id === c.blockId)).toMatchObject({ user_id: p.userId });
      },
    }),
  ),
  {
    name: 'POST /api/documents/:id/commitments/:blockId/confirm (another party\'s commitment)',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 403 }),
    arrange: async () => ({ blockId: await fixtures.commitment(docId, await fixtures.party()) }),
    request: (_p, c) => ({ method: 'POST', path: `${doc()}/commitments/${c.blockId}/confirm` }),
    document: () => docId,
  },

  // --- comment threads: commenters, editors and owners start and reply; author, editors, owners resolve ---
  { name: 'GET /api/documents/:id/threads', expect: readers(200), request: () => ({ method: 'GET', path: `${doc()}/threads` }) },
  {
    name: 'POST /api/documents/:id/threads',
    expect: partySpeakers(201),
    request: () => ({ method: 'POST', path: `${doc()}/threads`, body: { anchor: threadAnchor, body: 'Waarom deze eis?' } }),
    // The thread, its first comment, and the mark the server writes into the document (and what the room's unload does).
    changes: ['comment_threads', 'comments', 'document_updates', 'document_snapshots', 'document_blocks', 'document_versions', 'attribution_daily', 'document_clients'],
    document: () => docId,
    effect: async (p, _c, res) => expect(await server.repos.comments.findThread(String((json(res) as { id: unknown }).id))).toMatchObject({ author_id: p.userId, status: 'open' }),
  },
  {
    name: 'POST /api/threads/:id/comments',
    expect: partySpeakers(201),
    arrange: async () => ({ threadId: await fixtures.thread() }),
    request: (_p, c) => ({ method: 'POST', path: `/api/threads/${c.threadId}/comments`, body: { body: 'Eens.' } }),
    changes: ['comments', 'comment_notifications'],
    effect: async (p, c) => expect((await server.repos.comments.commentsOf([c.threadId!])).map((x) => x.author_id)).toContain(p.userId),
  },
  ...(['resolve', 'reopen'] as const).map(
    (action): Row => ({
      name: `POST /api/threads/:id/${action}`,
      expect: writers(200),
      arrange: async () => ({ threadId: await fixtures.thread(action === 'resolve' ? 'open' : 'resolved') }),
      request: (_p, c) => ({ method: 'POST', path: `/api/threads/${c.threadId}/${action}` }),
      changes: ['comment_threads'],
      effect: async (_p, c) => expect((await server.repos.comments.findThread(c.threadId!))!.status).toBe(action === 'resolve' ? 'resolved' : 'open'),
    }),
  ),
  {
    name: 'POST /api/threads/:id/resolve (the thread\'s own author)',
    expect: partySpeakers(200),
    arrange: async (p) => ({ threadId: await fixtures.thread('open', p.userId) }),
    request: (_p, c) => ({ method: 'POST', path: `/api/threads/${c.threadId}/resolve` }),
    changes: ['comment_threads'],
  },
  {
    name: 'PATCH /api/comments/:id (own comment)',
    expect: partySpeakers(200),
    arrange: async (p) => ({ commentId: await fixtures.thread('open', p.userId) }),
    request: (_p, c) => ({ method: 'PATCH', path: `/api/comments/${c.commentId}`, body: { body: 'Beter gezegd.' } }),
    changes: ['comments'],
    effect: async (_p, c) => expect((await server.repos.comments.findComment(c.commentId!))!.body).toBe('Beter gezegd.'),
  },
  {
    name: 'DELETE /api/comments/:id (someone else\'s comment)',
    expect: ownerOnly(204),
    arrange: async () => ({ commentId: await fixtures.thread() }),
    request: (_p, c) => ({ method: 'DELETE', path: `/api/comments/${c.commentId}` }),
    changes: ['comments'],
    effect: async (_p, c) => expect(await server.repos.comments.findComment(c.commentId!)).toBeUndefined(),
  },
  { name: 'GET /api/workspaces/:id/threads', expect: readers(200), request: () => ({ method: 'GET', path: `${ws()}/threads` }) },

  // --- suggestions: the table is read by members; editors and owners decide in ordinary text ---
  { name: 'GET /api/documents/:id/suggestions', expect: readers(200), request: () => ({ method: 'GET', path: `${doc()}/suggestions` }) },
  ...(['accept', 'reject'] as const).map(
    (decision): Row => ({
      name: `POST /api/documents/:id/suggestions/:suggestionId/${decision}`,
      expect: writers(200),
      arrange: async () => ({ suggestionId: await openSuggestion(docId) }),
      request: (_p, c) => ({ method: 'POST', path: `${doc()}/suggestions/${c.suggestionId}/${decision}` }),
      // The decision, and the server's change of the text (and what the room's unload does).
      changes: ['suggestions', 'document_updates', 'document_snapshots', 'document_blocks', 'document_versions', 'attribution_daily', 'document_clients'],
      document: () => docId,
      effect: async (_p, c) => expect((await server.repos.suggestions.find(docId, c.suggestionId!))!.status).toBe(decision === 'accept' ? 'accepted' : 'rejected'),
    }),
  ),
  {
    name: 'POST /api/documents/:id/suggestions (a change of a block field)',
    expect: partySpeakers(201),
    arrange: async () => ({ blockId: await fixtures.actionBlock(docId) }),
    request: (_p, c) => ({ method: 'POST', path: `${doc()}/suggestions`, body: { blockId: c.blockId, changes: { status: 'done' } } }),
    // Only the proposal: the document waits for a decision.
    changes: ['field_suggestions'],
    document: () => docId,
    effect: async (p, _c, res) => expect(await server.repos.fieldSuggestions.find(docId, String((json(res) as { id: unknown }).id))).toMatchObject({ user_id: p.userId, status: 'open' }),
  },
  ...(['accept', 'reject'] as const).flatMap((decision): Row[] =>
    (['status', 'weight'] as const).map((field) => ({
      name: `POST /api/documents/:id/suggestions/:suggestionId/${decision} (a field suggestion: ${field})`,
      // A criterion's weight is decided by owners only; other fields by whoever may write.
      expect: field === 'weight' ? ownerOnly(200) : writers(200),
      arrange: async () => ({ suggestionId: await fixtures.fieldSuggestion(docId, field) }),
      request: (_p, c) => ({ method: 'POST', path: `${doc()}/suggestions/${c.suggestionId}/${decision}` }),
      changes: ['field_suggestions', 'document_updates', 'document_snapshots', 'document_blocks', 'document_versions', 'attribution_daily', 'document_clients'],
      document: () => docId,
      effect: async (_p, c) => expect((await server.repos.fieldSuggestions.find(docId, c.suggestionId!))!.status).toBe(decision === 'accept' ? 'accepted' : 'rejected'),
    })),
  ),
  {
    name: 'POST /api/documents/:id/suggestions/decide',
    expect: writers(200),
    arrange: async () => ({ suggestionId: await openSuggestion(docId) }),
    request: () => ({ method: 'POST', path: `${doc()}/suggestions/decide`, body: { decision: 'reject', userId: home.owner.userId } }),
    // The owner's field suggestions other cells left open are decided along.
    changes: ['suggestions', 'field_suggestions', 'document_updates', 'document_snapshots', 'document_blocks', 'document_versions', 'attribution_daily', 'document_clients'],
    document: () => docId,
    effect: async (_p, c) => expect((await server.repos.suggestions.find(docId, c.suggestionId!))!.status).toBe('rejected'),
  },
  { name: 'GET /api/me/notifications', expect: signedIn(200), request: () => ({ method: 'GET', path: '/api/me/notifications' }) },
  {
    name: 'POST /api/me/notifications/read',
    expect: signedIn(200),
    request: () => ({ method: 'POST', path: '/api/me/notifications/read', body: { ids: ['iets-van-een-ander'] } }),
  },
  {
    name: 'GET /api/me/events (SSE)',
    expect: signedIn(200),
    request: () => ({ method: 'GET', path: '/api/me/events', stream: true }),
    effect: (_p, _c, res) => expect(res.text).toContain('event: ready'),
  },

  // --- registers, contributions, events, calendar ---
  ...(['actions', 'commitments', 'reflections', 'criteria'] as const).map(
    (register): Row => ({ name: `GET /api/workspaces/:id/${register}`, expect: readers(200), request: () => ({ method: 'GET', path: `${ws()}/${register}` }) }),
  ),
  {
    name: 'GET /api/workspaces/:id/actions?format=csv',
    expect: readers(200),
    request: () => ({ method: 'GET', path: `${ws()}/actions?format=csv` }),
    effect: (_p, _c, res) => expect(res.headers.get('content-type')).toMatch(/text\/csv/),
  },
  { name: 'GET /api/workspaces/:id/contributions', expect: readers(200), request: () => ({ method: 'GET', path: `${ws()}/contributions` }) },
  { name: 'GET /api/workspaces/:id/audit', expect: ownerOnly(200), request: () => ({ method: 'GET', path: `${ws()}/audit` }), effect: (_p, _c, res) => expect(Array.isArray(json(res).entries)).toBe(true) },
  {
    name: 'GET /api/workspaces/:id/events (SSE)',
    expect: readers(200),
    request: () => ({ method: 'GET', path: `${ws()}/events`, stream: true }),
    effect: (_p, _c, res) => expect(res.text).toContain('event: ready'),
  },
  {
    name: 'POST /api/workspaces/:id/calendar-feed',
    expect: readers(201),
    request: () => ({ method: 'POST', path: `${ws()}/calendar-feed` }),
    changes: ['calendar_feeds'],
  },
  {
    name: 'GET /api/calendar/:token.ics (a member\'s feed; the link is the key)',
    expect: everyone(200),
    arrange: async () => ({ token: await fixtures.feedToken() }),
    request: (_p, c) => ({ method: 'GET', path: `/api/calendar/${c.token}.ics` }),
    effect: (_p, _c, res) => expect(res.text).toContain('BEGIN:VCALENDAR'),
  },
  {
    name: 'GET /api/calendar/:token.ics (feed of someone who left)',
    expect: everyone(404),
    arrange: async () => {
      const token = await fixtures.feedToken();
      const feed = (await server.repos.calendarFeeds.findByTokenHash(hashToken(token)))!;
      (await server.repos.members.delete(world.workspaceId, feed.user_id));
      return { token };
    },
    request: (_p, c) => ({ method: 'GET', path: `/api/calendar/${c.token}.ics` }),
  },

  // --- versions, diff, restore, adoption ---
  { name: 'GET /api/documents/:id/versions', expect: readers(200), request: () => ({ method: 'GET', path: `${doc()}/versions` }) },
  {
    name: 'POST /api/documents/:id/versions',
    expect: writers(201),
    // A version of an unchanged document is not stored again: each cell changes the text first.
    arrange: async () => {
      await server.registry.withRoom(docId, (room) => room.applyServerChange((d) => appendParagraph(d, unique('Nieuwe alinea'))));
      // Loading waits for the unload the change set off (its automatic version and compaction).
      await server.registry.withRoom(docId, () => undefined);
      return {};
    },
    request: () => ({ method: 'POST', path: `${doc()}/versions`, body: { label: unique('Versie') } }),
    changes: ['document_versions', 'audit_log'],
  },
  {
    name: 'DELETE /api/documents/:id/versions/:versionId',
    expect: ownerOnly(204),
    arrange: async () => await fixtures.version(),
    request: (_p, c) => ({ method: 'DELETE', path: `${doc()}/versions/${c.versionId}` }),
    changes: ['document_versions', 'audit_log'],
    effect: async (_p, c) => expect(await server.repos.versions.findById(c.versionId!)).toBeUndefined(),
  },
  {
    name: 'DELETE /api/documents/:id/versions/:versionId (asked to adopt)',
    expect: ownerOnly(409),
    arrange: async () => ({ versionId: await fixtures.adoption() }),
    request: (_p, c) => ({ method: 'DELETE', path: `${doc()}/versions/${c.versionId}` }),
  },
  { name: 'GET /api/documents/:id/versions/:versionId', expect: readers(200), request: () => ({ method: 'GET', path: `${doc()}/versions/${versionId}` }) },
  {
    name: 'GET /api/documents/:id/versions/:versionId/diff',
    expect: readers(200),
    request: () => ({ method: 'GET', path: `${doc()}/versions/${versionId}/diff?against=current` }),
  },
  {
    name: 'POST /api/documents/:id/versions/:versionId/restore',
    expect: writers(200),
    arrange: async () => await fixtures.version(),
    request: (_p, c) => ({ method: 'POST', path: `${doc()}/versions/${c.versionId}/restore` }),
    // A restore that takes away an open suggestion's text withdraws it (suggestionWithdrawal).
    changes: ['document_versions', 'audit_log', 'document_updates', 'document_snapshots', 'document_blocks', 'attribution_daily', 'document_clients', 'suggestions'],
    document: () => docId,
    effect: async (_p, c) => {
      const after = await readViaFreshClient(server.origin, home.owner.cookie, docId);
      expect(after.xml).toContain(c.marker);
    },
  },
  {
    name: 'POST /api/documents/:id/versions/:versionId/adoption',
    expect: ownerOnly(201),
    arrange: async () => ({ versionId: (await fixtures.version()).versionId }),
    request: (_p, c) => ({ method: 'POST', path: `${doc()}/versions/${c.versionId}/adoption`, body: { partyIds: [world.partyId] } }),
    changes: ['adoption_requests', 'audit_log'],
  },
  {
    name: 'POST /api/documents/:id/versions/:versionId/adoption/sign',
    expect: partySpeakers(200),
    arrange: async () => ({ versionId: await fixtures.adoption() }),
    request: (_p, c) => ({ method: 'POST', path: `${doc()}/versions/${c.versionId}/adoption/sign`, body: { decision: 'sign' } }),
    changes: ['adoption_decisions', 'audit_log'],
    effect: async (p, c) => expect((await server.repos.adoptions.decisions(c.versionId!)).map((d) => d.user_id)).toEqual([p.userId]),
  },
  {
    name: 'POST /api/documents/:id/versions/:versionId/adoption/sign (party not asked)',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 403 }),
    arrange: async () => ({ versionId: await fixtures.adoption([await fixtures.party()]) }),
    request: (_p, c) => ({ method: 'POST', path: `${doc()}/versions/${c.versionId}/adoption/sign`, body: { decision: 'sign' } }),
  },

  // --- werksessies: members read, owners and editors plan and start, only the chair runs one ---
  { name: 'GET /api/workspaces/:id/sessions', expect: readers(200), arrange: async () => fixtures.session(), request: () => ({ method: 'GET', path: `${ws()}/sessions` }) },
  {
    name: 'POST /api/workspaces/:id/sessions',
    expect: writers(201),
    request: () => ({ method: 'POST', path: `${ws()}/sessions`, body: { title: unique('Sessie'), template: 'verkenning' } }),
    changes: ['work_sessions', 'work_session_steps'],
  },
  { name: 'GET /api/sessions/:id', expect: readers(200), arrange: async () => fixtures.session(), request: (_p, c) => ({ method: 'GET', path: `/api/sessions/${c.sessionId}` }) },
  {
    name: 'PATCH /api/sessions/:id',
    expect: writers(200),
    arrange: async () => fixtures.session(),
    request: (_p, c) => ({ method: 'PATCH', path: `/api/sessions/${c.sessionId}`, body: { title: 'Hernoemd' } }),
    changes: ['work_sessions'],
  },
  {
    name: 'POST /api/sessions/:id/start',
    expect: writers(200),
    arrange: async () => fixtures.session(),
    request: (_p, c) => ({ method: 'POST', path: `/api/sessions/${c.sessionId}/start` }),
    // The first step becomes current: its time starts counting for the minutes.
    changes: ['work_sessions', 'work_session_step_periods'],
    effect: async (p, c) => expect((await server.repos.workSessions.findById(c.sessionId!))!.chair_user_id).toBe(p.userId),
  },
  {
    name: 'PATCH /api/sessions/:id/state',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 403 }),
    arrange: async () => fixtures.session({ status: 'running' }),
    request: (_p, c) => ({ method: 'PATCH', path: `/api/sessions/${c.sessionId}/state`, body: { locked: true, timer: { seconds: 60 } } }),
  },
  {
    name: 'PATCH /api/sessions/:id/state (as its chair)',
    expect: readers(200),
    arrange: async (p) => fixtures.session({ status: 'running', chair: p.userId ?? home.owner.userId }),
    request: (_p, c) => ({ method: 'PATCH', path: `/api/sessions/${c.sessionId}/state`, body: { timer: { seconds: 60 } } }),
    changes: ['work_sessions'],
  },
  {
    name: 'POST /api/sessions/:id/chair',
    // An owner may take the chair of a running session (a chair who left would hold it for good).
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 200 }),
    arrange: async () => fixtures.session({ status: 'running' }),
    request: (p, c) => ({ method: 'POST', path: `/api/sessions/${c.sessionId}/chair`, body: { userId: p.userId ?? 'niemand' } }),
    changes: ['work_sessions'],
    effect: async (p, c) => expect((await server.repos.workSessions.findById(c.sessionId!))!.chair_user_id).toBe(p.userId),
  },
  {
    name: 'POST /api/sessions/:id/end',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 403 }),
    arrange: async () => fixtures.session({ status: 'running' }),
    request: (_p, c) => ({ method: 'POST', path: `/api/sessions/${c.sessionId}/end` }),
  },
  {
    name: 'POST /api/sessions/:id/end (as its chair)',
    expect: readers(201),
    arrange: async (p) => fixtures.session({ status: 'running', chair: p.userId ?? home.owner.userId }),
    request: (_p, c) => ({ method: 'POST', path: `/api/sessions/${c.sessionId}/end` }),
    // The minutes are a new document, stored like a template's: a row and its first snapshot.
    changes: ['work_sessions', 'documents', 'document_snapshots'],
  },
  {
    name: 'POST /api/sessions/:id/join-codes',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 403 }),
    arrange: async () => fixtures.session({ status: 'running' }),
    request: (_p, c) => ({ method: 'POST', path: `/api/sessions/${c.sessionId}/join-codes`, body: { partyId: world.partyId } }),
  },
  {
    name: 'POST /api/sessions/:id/join-codes (as its chair)',
    expect: readers(201),
    arrange: async (p) => fixtures.session({ status: 'running', chair: p.userId ?? home.owner.userId }),
    request: (_p, c) => ({ method: 'POST', path: `/api/sessions/${c.sessionId}/join-codes`, body: { partyId: world.partyId, seats: 3 } }),
    changes: ['work_session_join_codes', 'audit_log'],
  },
  {
    // Anyone with a code joins, signed in or not: the guest is a new user with a session of its own.
    name: 'POST /api/join',
    expect: everyone(201),
    arrange: async () => {
      const { sessionId } = await fixtures.session({ status: 'running' });
      const code = generateJoinCode();
      await server.repos.guests.createJoinCode({ id: unique('code'), session_id: sessionId, party_id: world.partyId, code_hash: hashJoinCode(code), expires_at: Date.now() + 60_000, seats: 1, used: 0, created_by: null, created_at: Date.now() });
      return { sessionId, code };
    },
    request: (_p, c) => ({ method: 'POST', path: '/api/join', body: { code: c.code, name: 'Bewoner' } }),
    changes: ['users', 'sessions', 'work_session_guests', 'work_session_join_codes'],
    effect: async (_p, c, res) => expect(json(res).sessionId).toBe(c.sessionId),
  },
  {
    name: 'POST /api/sessions/:id/reflection',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 403 }),
    arrange: async () => fixtures.session({ status: 'running' }),
    request: (_p, c) => ({ method: 'POST', path: `/api/sessions/${c.sessionId}/reflection`, body: { documentId: docId, date: '2027-06-15' } }),
  },
  {
    // The chair plans it into a document, so the chair must also be one who writes.
    name: 'POST /api/sessions/:id/reflection (as its chair)',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 201, owner: 201 }),
    arrange: async (p) => fixtures.session({ status: 'running', chair: p.userId ?? home.owner.userId }),
    request: (_p, c) => ({ method: 'POST', path: `/api/sessions/${c.sessionId}/reflection`, body: { documentId: docId, date: '2027-06-15' } }),
    // A new block: the server records who made it (block_records), as for any block.
    changes: ['audit_log', 'document_updates', 'document_snapshots', 'document_blocks', 'block_records', 'attribution_daily', 'document_clients', 'document_versions'],
    document: () => docId,
  },
  {
    name: 'PUT /api/sessions/:id/turns/:turnId/said (another party\'s turn)',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 403 }),
    arrange: async () => fixtures.session({ status: 'running', turnParty: await fixtures.party() }),
    request: (_p, c) => ({ method: 'PUT', path: `/api/sessions/${c.sessionId}/turns/${c.turnId}/said`, body: { said: 'Namens een ander' } }),
  },
  {
    name: 'GET /api/sessions/:otherWorkspaceSession',
    // The other workspace's own member (`foreign`) reads it; nobody of this workspace learns it exists.
    expect: { ...memberRoute({ viewer: 404, commenter: 404, editor: 404, owner: 404 }), foreign: 200 },
    arrange: async () => fixtures.session({ workspaceId: world.foreignWorkspaceId }),
    request: (_p, c) => ({ method: 'GET', path: `/api/sessions/${c.sessionId}` }),
  },

  // --- private cards: who takes part writes; a card is its author's alone until the chair reveals ---
  {
    name: 'POST /api/sessions/:id/cards',
    expect: partySpeakers(201),
    arrange: async () => fixtures.privateCard(),
    request: (_p, c) => ({ method: 'POST', path: `/api/sessions/${c.sessionId}/cards`, body: { stepId: c.stepId, text: 'Mijn idee', anonymous: true } }),
    changes: ['work_session_cards'],
    effect: async (p, c) => expect((await server.repos.sessionCards.listOwn(c.sessionId!, c.stepId!, p.userId!)).map((card) => card.anonymous)).toEqual([1]),
  },
  {
    name: "GET /api/sessions/:id/cards?stepId= (another's card, before the reveal)",
    // The owner in the matrix is a principal of its own, not the card's author: not even the owner sees it.
    expect: readers(200),
    arrange: async () => fixtures.privateCard(),
    request: (_p, c) => ({ method: 'GET', path: `/api/sessions/${c.sessionId}/cards?stepId=${c.stepId}` }),
    effect: (_p, _c, res) => expect(JSON.parse(res.text).cards).toEqual([]),
  },
  {
    name: 'GET /api/sessions/:id/cards?stepId= (after the reveal)',
    expect: readers(200),
    arrange: async () => fixtures.privateCard({ revealed: true }),
    request: (_p, c) => ({ method: 'GET', path: `/api/sessions/${c.sessionId}/cards?stepId=${c.stepId}` }),
    effect: (_p, _c, res) => expect(JSON.parse(res.text).cards.map((card: { text: string }) => card.text)).toEqual(['Een kaartje']),
  },
  {
    name: 'POST /api/sessions/:id/steps/:stepId/reveal',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 403 }),
    arrange: async () => fixtures.privateCard(),
    request: (_p, c) => ({ method: 'POST', path: `/api/sessions/${c.sessionId}/steps/${c.stepId}/reveal` }),
  },
  {
    name: 'POST /api/sessions/:id/steps/:stepId/reveal (as its chair)',
    expect: readers(200),
    arrange: async (p) => fixtures.privateCard({ chair: p.userId ?? home.owner.userId }),
    request: (_p, c) => ({ method: 'POST', path: `/api/sessions/${c.sessionId}/steps/${c.stepId}/reveal` }),
    changes: ['work_session_steps'],
  },
  {
    name: "POST /api/cards/:id/promote (another's card, before the reveal)",
    expect: memberRoute({ viewer: 404, commenter: 404, editor: 404, owner: 404 }),
    arrange: async () => fixtures.privateCard(),
    request: (_p, c) => ({ method: 'POST', path: `/api/cards/${c.cardId}/promote`, body: { documentId: docId, kind: 'paragraph' } }),
  },
  {
    name: 'POST /api/cards/:id/promote (revealed)',
    expect: writers(201),
    arrange: async () => fixtures.privateCard({ revealed: true }),
    request: (_p, c) => ({ method: 'POST', path: `/api/cards/${c.cardId}/promote`, body: { documentId: docId, kind: 'paragraph' } }),
    // Written through the room like any edit; the room's unload may keep an automatic version.
    changes: ['audit_log', 'document_updates', 'document_snapshots', 'document_blocks', 'attribution_daily', 'document_clients', 'document_versions'],
    document: () => docId,
  },

  // --- polls: the chair opens and closes them, who takes part votes, members read the results ---
  { name: 'GET /api/sessions/:id/polls', expect: readers(200), arrange: async () => fixtures.poll(), request: (_p, c) => ({ method: 'GET', path: `/api/sessions/${c.sessionId}/polls` }) },
  {
    name: 'POST /api/sessions/:id/polls',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 403 }),
    arrange: async () => fixtures.poll(),
    request: (_p, c) => ({ method: 'POST', path: `/api/sessions/${c.sessionId}/polls`, body: { question: 'Welke?', kind: 'score', options: [{ label: 'A' }, { label: 'B' }], unit: 'person', anonymous: false, resultsHidden: false } }),
  },
  {
    name: 'POST /api/sessions/:id/polls (as its chair)',
    expect: readers(201),
    arrange: async (p) => fixtures.poll({ chair: p.userId ?? home.owner.userId }),
    request: (_p, c) => ({ method: 'POST', path: `/api/sessions/${c.sessionId}/polls`, body: { question: 'Welke?', kind: 'score', options: [{ label: 'A' }, { label: 'B' }], unit: 'person', anonymous: false, resultsHidden: false } }),
    changes: ['work_session_polls', 'work_session_poll_options'],
  },
  { name: 'GET /api/polls/:id', expect: readers(200), arrange: async () => fixtures.poll(), request: (_p, c) => ({ method: 'GET', path: `/api/polls/${c.pollId}` }) },
  {
    name: 'POST /api/polls/:id/ballots',
    expect: partySpeakers(201),
    arrange: async () => fixtures.poll(),
    request: (_p, c) => ({ method: 'POST', path: `/api/polls/${c.pollId}/ballots`, body: { allocations: [{ optionId: c.optionId, value: 4 }] } }),
    changes: ['work_session_poll_voters', 'work_session_poll_ballots'],
  },
  {
    name: 'POST /api/polls/:id/ballots (closed poll)',
    expect: memberRoute({ viewer: 403, commenter: 409, editor: 409, owner: 409 }),
    arrange: async () => fixtures.poll({ closed: true }),
    request: (_p, c) => ({ method: 'POST', path: `/api/polls/${c.pollId}/ballots`, body: { allocations: [{ optionId: c.optionId, value: 4 }] } }),
  },
  {
    name: 'POST /api/polls/:id/close',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 403 }),
    arrange: async () => fixtures.poll(),
    request: (_p, c) => ({ method: 'POST', path: `/api/polls/${c.pollId}/close` }),
  },
  {
    name: 'POST /api/polls/:id/close (as its chair)',
    expect: readers(200),
    arrange: async (p) => fixtures.poll({ chair: p.userId ?? home.owner.userId }),
    request: (_p, c) => ({ method: 'POST', path: `/api/polls/${c.pollId}/close` }),
    changes: ['work_session_polls'],
  },
  { name: 'GET /api/polls/:id/results', expect: readers(200), arrange: async () => fixtures.poll(), request: (_p, c) => ({ method: 'GET', path: `/api/polls/${c.pollId}/results` }) },
  {
    // Not a points poll over criteria: an owner may ask (and is told why not), nobody else may.
    name: 'POST /api/polls/:id/apply-weights',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 409 }),
    arrange: async () => fixtures.poll({ closed: true }),
    request: (_p, c) => ({ method: 'POST', path: `/api/polls/${c.pollId}/apply-weights` }),
  },

  // --- exports, attribution ---
  ...(['html', 'md', 'docx', 'pdf'] as const).map(
    (format): Row => ({
      name: `GET /api/documents/:id/export?format=${format}`,
      expect: readers(200),
      request: () => ({ method: 'GET', path: `${doc()}/export?format=${format}` }),
      effect: (_p, _c, res) => expect(res.headers.get('content-disposition')).toMatch(/^attachment;/),
    }),
  ),
  {
    name: 'GET /api/documents/:id/export?version=:versionId',
    expect: readers(200),
    request: () => ({ method: 'GET', path: `${doc()}/export?format=md&version=${versionId}` }),
  },
  { name: 'GET /api/documents/:id/contributions', expect: readers(200), request: () => ({ method: 'GET', path: `${doc()}/contributions` }) },
  { name: 'GET /api/documents/:id/authors', expect: readers(200), request: () => ({ method: 'GET', path: `${doc()}/authors` }) },
  { name: 'GET /api/<unknown path>', expect: everyone(404), request: () => ({ method: 'GET', path: '/api/bestaat-niet' }) },

  // --- references across workspaces: ids of one workspace in the paths and bodies of another ---
  {
    name: 'PATCH /api/workspaces/:other/parties/:partyOfThis',
    expect: memberRoute({ viewer: 404, commenter: 404, editor: 404, owner: 404 }),
    request: () => ({ method: 'PATCH', path: `/api/workspaces/${world.foreignWorkspaceId}/parties/${world.partyId}`, body: { name: 'Gekaapt' } }),
  },
  {
    name: 'DELETE /api/workspaces/:other/members/:ownerOfThis',
    expect: memberRoute({ viewer: 404, commenter: 404, editor: 404, owner: 404 }),
    request: () => ({ method: 'DELETE', path: `/api/workspaces/${world.foreignWorkspaceId}/members/${home.owner.userId}` }),
  },
  {
    name: 'DELETE /api/workspaces/:other/invites/:inviteOfThis',
    expect: memberRoute({ viewer: 404, commenter: 404, editor: 404, owner: 404 }),
    arrange: async () => await fixtures.invite(),
    request: (_p, c) => ({ method: 'DELETE', path: `/api/workspaces/${world.foreignWorkspaceId}/invites/${c.inviteId}` }),
  },
  {
    name: 'POST /api/workspaces/:id/invites with a party of another workspace',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 400 }),
    request: () => ({ method: 'POST', path: `${ws()}/invites`, body: { role: 'owner', partyId: world.foreignPartyId } }),
  },
  {
    name: 'PATCH /api/workspaces/:id/members/:userId to a party of another workspace',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 400 }),
    arrange: async () => ({ userId: await fixtures.member('viewer') }),
    request: (_p, c) => ({ method: 'PATCH', path: `${ws()}/members/${c.userId}`, body: { partyId: world.foreignPartyId } }),
  },
  {
    name: 'DELETE /api/documents/:id/versions/:versionOfOther',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 404 }),
    request: () => ({ method: 'DELETE', path: `${doc()}/versions/${foreignVersionId}` }),
  },
  {
    name: 'GET /api/documents/:id/versions/:versionOfOther',
    expect: memberRoute({ viewer: 404, commenter: 404, editor: 404, owner: 404 }),
    request: () => ({ method: 'GET', path: `${doc()}/versions/${foreignVersionId}` }),
  },
  {
    name: 'GET /api/documents/:id/versions/:versionId/diff?against=:versionOfOther',
    expect: memberRoute({ viewer: 404, commenter: 404, editor: 404, owner: 404 }),
    request: () => ({ method: 'GET', path: `${doc()}/versions/${versionId}/diff?against=${foreignVersionId}` }),
  },
  {
    name: 'GET /api/documents/:id/export?version=:versionOfOther',
    expect: memberRoute({ viewer: 404, commenter: 404, editor: 404, owner: 404 }),
    request: () => ({ method: 'GET', path: `${doc()}/export?format=md&version=${foreignVersionId}` }),
  },
  {
    name: 'POST /api/documents/:id/versions/:versionOfOther/restore',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 404, owner: 404 }),
    request: () => ({ method: 'POST', path: `${doc()}/versions/${foreignVersionId}/restore` }),
    document: () => docId,
  },
  {
    name: 'POST /api/documents/:id/versions/:versionId/adoption for a party of another workspace',
    expect: memberRoute({ viewer: 403, commenter: 403, editor: 403, owner: 400 }),
    arrange: async () => ({ versionId: (await fixtures.version()).versionId }),
    request: (_p, c) => ({ method: 'POST', path: `${doc()}/versions/${c.versionId}/adoption`, body: { partyIds: [world.foreignPartyId] } }),
  },
  {
    name: 'POST /api/documents/:otherDoc/commitments/:blockOfThis/confirm',
    // The foreign principal owns the other document; the block is not in it.
    expect: { anonymous: 401, outsider: 404, viewer: 404, commenter: 404, editor: 404, owner: 404, foreign: 404 },
    arrange: async () => ({ blockId: await fixtures.commitment() }),
    request: (_p, c) => ({ method: 'POST', path: `/api/documents/${away.documentId}/commitments/${c.blockId}/confirm` }),
    document: () => docId,
  },
];

/** An open suggestion of the workspace's owner in the document: its record and its marked words. */
async function openSuggestion(documentId: string): Promise<string> {
  const id = randomUUID();
  await server.repos.suggestions.record([
    { document_id: documentId, id, workspace_id: world.workspaceId, user_id: home.owner.userId, party_id: world.partyId, kind: 'insert', status: 'open', created_at: Date.now(), decided_by: null, decided_at: null },
  ]);
  await server.registry.withRoom(documentId, (room) =>
    room.applyServerChange((doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText()]);
      const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
      fragment.insert(fragment.length, [paragraph]);
      (paragraph.get(0) as Y.XmlText).insert(0, 'Voorgesteld.', { suggestionInsert: { suggestionId: id } });
    }),
  );
  return id;
}

async function storedContent(documentId: string) {
  return readViaFreshClient(server.origin, home.owner.cookie, documentId);
}

describe.each(rows)('$name', (row) => {
  test.each(principalKinds)('%s', async (kind) => {
    await cell('http', async () => {
      const principal = await makePrincipal(world, kind);
      const ctx = (await row.arrange?.(principal)) ?? {};
      await eventually(() => expect(server.registry.roomCount()).toBe(0));
      const contentBefore = row.document ? await storedContent(row.document(ctx)) : null;
      await eventually(() => expect(server.registry.roomCount()).toBe(0));
      const before = snapshotDb(server.storage.sqlite);

      const res = await send(principal, row.request(principal, ctx));

      expect(res.status, `${row.name} as ${kind}: ${res.text.slice(0, 200)}`).toBe(row.expect[kind]);
      await eventually(() => expect(server.registry.roomCount()).toBe(0));
      const changes = diffDb(before, snapshotDb(server.storage.sqlite));
      if (res.status >= 400) {
        // A refusal changes nothing: not a row, not a byte of the document.
        expect(changes, `a refused request changed stored state: ${JSON.stringify(changes).slice(0, 600)}`).toEqual([]);
        if (row.document) expect(await storedContent(row.document(ctx))).toEqual(contentBefore);
      } else {
        const unexpected = changes.filter((c) => !(row.changes ?? []).includes(c.table));
        expect(unexpected, 'an allowed request changed tables it has no business with').toEqual([]);
        await row.effect?.(principal, ctx, res);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Socket actions
// ---------------------------------------------------------------------------------------------

const upgradeExpect: Expect = { anonymous: 401, outsider: 403, foreign: 403, viewer: 101, commenter: 101, editor: 101, owner: 101 };
const canWrite = (kind: PrincipalKind) => kind === 'editor' || kind === 'owner';
/** May comment but not write: only suggestions are taken (issue 15). */
const mustSuggest = (kind: PrincipalKind) => kind === 'commenter';

describe('socket actions', () => {
  test.each(principalKinds)('upgrade as %s', async (kind) => {
    await cell('socket', async () => {
      const principal = await makePrincipal(world, kind);
      await eventually(() => expect(server.registry.roomCount()).toBe(0));
      const before = snapshotDb(server.storage.sqlite);
      const result = await attemptUpgrade(server.origin, socketDocId, principal.cookie);
      expect(result.status).toBe(upgradeExpect[kind]);
      if (result.status !== 101) {
        expect(result.frames).toBe(0);
        expect(server.registry.roomCount()).toBe(0);
      }
      await eventually(() => expect(server.registry.roomCount()).toBe(0));
      expect(diffDb(before, snapshotDb(server.storage.sqlite))).toEqual([]);
    });
  });

  test.each(principalKinds)('send a document update as %s', async (kind) => {
    await cell('socket', async () => {
      const principal = await makePrincipal(world, kind);
      await eventually(() => expect(server.registry.roomCount()).toBe(0));
      const observer = pool.connect(socketDocId, { cookie: home.owner.cookie, origin: server.origin });
      await waitForSync(observer.provider);
      const textBefore = observer.text();
      const rowsBefore = snapshotDb(server.storage.sqlite).get('document_updates');
      const written = `[${kind}-${++seq}]`;
      const status = await attemptUpgrade(server.origin, socketDocId, principal.cookie).then((r) => r.status);
      expect(status).toBe(upgradeExpect[kind]);
      if (status === 101) {
        const actor = pool.connect(socketDocId, { cookie: principal.cookie, origin: server.origin });
        await waitForSync(actor.provider);
        const codes = recordCloseCodes(actor.provider);
        actor.doc.getText('t').insert(0, written);
        if (mustSuggest(kind)) {
          // In suggestion mode a plain update closes the socket; nothing of it is applied.
          await eventually(() => expect(codes).toContain(CloseCode.suggestionsOnly));
        } else {
          // Sent after the update on the same socket: once the observer sees it, the update was handled.
          setMarker(actor.provider, `na-${written}`);
          await eventually(() => expect(seesMarker(observer.provider, `na-${written}`)).toBe(true));
        }
        actor.provider.destroy();
      }
      if (canWrite(kind)) {
        await eventually(() => expect(observer.text()).toBe(written + textBefore));
        await eventually(() => expect(storedText(server, socketDocId)).toBe(written + textBefore));
        expect(updateRowsBy(server, socketDocId, principal.userId!)).toBeGreaterThan(0);
      } else {
        expect(observer.text()).toBe(textBefore);
        expect(storedText(server, socketDocId)).toBe(textBefore);
        expect(snapshotDb(server.storage.sqlite).get('document_updates')).toEqual(rowsBefore);
        if (principal.userId) expect(updateRowsBy(server, socketDocId, principal.userId)).toBe(0);
      }
      pool.destroyAll();
      // And a newcomer reads what the server kept.
      await eventually(() => expect(server.registry.roomCount()).toBe(0));
      expect((await storedContent(socketDocId)).text).toBe(canWrite(kind) ? written + textBefore : textBefore);
    });
  });

  test.each(principalKinds)('send awareness as %s', async (kind) => {
    await cell('socket', async () => {
      const principal = await makePrincipal(world, kind);
      await eventually(() => expect(server.registry.roomCount()).toBe(0));
      const observer = pool.connect(socketDocId, { cookie: home.owner.cookie, origin: server.origin });
      await waitForSync(observer.provider);
      const status = await attemptUpgrade(server.origin, socketDocId, principal.cookie).then((r) => r.status);
      expect(status).toBe(upgradeExpect[kind]);
      const marker = `aanwezig-${kind}-${++seq}`;
      if (status === 101) {
        const actor = pool.connect(socketDocId, { cookie: principal.cookie, origin: server.origin });
        await waitForSync(actor.provider);
        setMarker(actor.provider, marker);
        // Presence is for every member, read-only ones included.
        await eventually(() => expect(seesMarker(observer.provider, marker)).toBe(true));
      } else {
        // A refused principal has no socket: nothing of theirs is in the room.
        expect([...observer.provider.awareness.getStates().keys()]).toEqual([observer.doc.clientID]);
      }
      pool.destroyAll();
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Role changes and removals on open sockets
// ---------------------------------------------------------------------------------------------

const PROMPT_MS = 1_000;
type Change = Role | 'removed';
const transitions: [Role, Change][] = roles.flatMap((from) => [...roles.filter((to) => to !== from), 'removed' as const].map((to): [Role, Change] => [from, to]));

describe('role changes and removals reach open sockets within a second', () => {
  test.each(transitions)('%s -> %s', async (from, to) => {
    await cell('transition', async () => {
      const user = await createUserRow(server.repos, world.passwordHash, `Wissel ${from}`);
      await addMembership(server.repos, world.workspaceId, user.id, from, world.partyId);
      const { cookie } = await createSessionFor(server.repos, user.id);
      await eventually(() => expect(server.registry.roomCount()).toBe(0));
      const observer = pool.connect(socketDocId, { cookie: home.owner.cookie, origin: server.origin });
      const member = pool.connect(socketDocId, { cookie, origin: server.origin });
      await Promise.all([waitForSync(observer.provider), waitForSync(member.provider)]);
      const closes: { code: number | null; at: number }[] = [];
      member.provider.on('connection-close', (event) => closes.push({ code: event ? event.code : null, at: performance.now() }));
      const observerCodes = recordCloseCodes(observer.provider);

      const sentAt = performance.now();
      const res =
        to === 'removed'
          ? await home.owner.delete(`${ws()}/members/${user.id}`)
          : await home.owner.patch(`${ws()}/members/${user.id}`, { role: to });
      expect(res.status).toBe(to === 'removed' ? 204 : 200);

      await eventually(() => expect(closes.length).toBeGreaterThan(0), PROMPT_MS * 3);
      const latency = closes[0]!.at - sentAt;
      expect(closes[0]!.code).toBe(to === 'removed' ? CloseCode.accessRevoked : CloseCode.roleChanged);
      expect(latency, `socket closed ${latency.toFixed(0)} ms after the request`).toBeLessThan(PROMPT_MS);
      expect(observerCodes).toEqual([]);

      if (to === 'removed') {
        expect(member.provider.shouldConnect).toBe(false);
        expect((await attemptUpgrade(server.origin, socketDocId, cookie)).status).toBe(403);
        return;
      }
      // The stock provider reconnects and the new role applies to what it sends.
      await eventually(() => expect(member.provider.wsconnected && member.provider.synced).toBe(true), 5_000);
      const textBefore = observer.text();
      const written = `[${from}->${to}-${++seq}]`;
      const codes = recordCloseCodes(member.provider);
      member.doc.getText('t').insert(0, written);
      if (mustSuggest(to)) await eventually(() => expect(codes).toContain(CloseCode.suggestionsOnly));
      else {
        setMarker(member.provider, `na-${written}`);
        await eventually(() => expect(seesMarker(observer.provider, `na-${written}`)).toBe(true));
      }
      if (canWrite(to)) await eventually(() => expect(observer.text()).toContain(written));
      else expect(observer.text()).toBe(textBefore);
      pool.destroyAll();
      await eventually(() => expect(storedText(server, socketDocId).includes(written)).toBe(canWrite(to)));
    });
  });
});

test('a party change reaches open sockets: what is typed afterwards counts for the new party', async () => {
  await cell('transition', async () => {
    const user = await createUserRow(server.repos, world.passwordHash, 'Overstapper');
    await addMembership(server.repos, world.workspaceId, user.id, 'editor', world.partyId);
    const { cookie } = await createSessionFor(server.repos, user.id);
    const newParty = await fixtures.party();
    // Someone else stays in the document, so the room (and its log rows) outlive the reconnect.
    const watcher = pool.connect(socketDocId, { cookie: home.owner.cookie, origin: server.origin });
    const member = pool.connect(socketDocId, { cookie, origin: server.origin });
    await Promise.all([waitForSync(watcher.provider), waitForSync(member.provider)]);
    const partiesOfRows = () =>
      server.storage.sqlite
        .prepare<[string, string], { party_id: string | null }>('SELECT party_id FROM document_updates WHERE document_id = ? AND user_id = ? ORDER BY id')
        .all(socketDocId, user.id)
        .map((r) => r.party_id);

    member.doc.getText('t').insert(0, '[voor de overstap]');
    await eventually(() => expect(partiesOfRows()).toEqual([world.partyId]));
    const res = await home.owner.patch(`${ws()}/members/${user.id}`, { partyId: newParty });
    expect(res.status).toBe(200);
    // Whether by a reconnect (as for a role change) or otherwise: within a second the socket speaks for the new party.
    await new Promise((r) => setTimeout(r, PROMPT_MS));
    await eventually(() => expect(member.provider.wsconnected && member.provider.synced).toBe(true));
    member.doc.getText('t').insert(0, '[na de overstap]');
    await eventually(() => expect(partiesOfRows()).toHaveLength(2));
    expect(partiesOfRows()[1], 'an edit after the party change is recorded for the old party').toBe(newParty);
    pool.destroyAll();
  });
});

/**
 * The routes as the code declares them: every `api.route(mount, xRoutes())` of server/app.ts
 * joined with every `.get/.post/.patch/.delete(path)` of that function in server/routes.
 * Parameters become `:`, and `{a|b}` alternatives become one route each.
 */
function declaredRoutes(): string[] {
  const root = path.resolve(import.meta.dirname, '../../server');
  const mounts = new Map<string, string>();
  for (const m of fs.readFileSync(path.join(root, 'app.ts'), 'utf8').matchAll(/api\.route\('([^']*)', (\w+)\(/g)) mounts.set(m[2]!, m[1]!);
  const routes: string[] = [];
  for (const file of fs.readdirSync(path.join(root, 'routes')).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(root, 'routes', file), 'utf8');
    for (const part of source.split(/export function /).slice(1)) {
      const mount = mounts.get(/^(\w+)/.exec(part)![1]!);
      if (mount === undefined) continue;
      for (const m of part.matchAll(/\.(get|post|patch|delete|put)\('(\/[^']*)'/g)) {
        let variants = [`/api${mount}${m[2] === '/' ? '' : m[2]}`];
        variants = variants.flatMap((v) => {
          const alt = /:\w+\{([a-z|-]+)\}/.exec(v);
          return alt ? alt[1]!.split('|').map((word) => v.replace(alt[0], word)) : [v];
        });
        for (const v of variants) routes.push(`${m[1]!.toUpperCase()} ${normalise(v)}`);
      }
    }
  }
  return [...new Set(routes)].sort();
}

/** `/api/x/:id{regex}/y` and `/api/x/:token.ics` both become `/api/x/:/y`. */
function normalise(route: string): string {
  return route.replace(/:\w+(\{[^}]*\}|\.\w+)?/g, ':').split('?')[0]!;
}

test('the matrix has a row for every route server/app.ts serves', () => {
  const covered = new Set(rows.map((r) => { const [method, url] = r.name.split(' '); return `${method} ${normalise(url!)}`; }));
  const routes = declaredRoutes();
  expect(routes.length).toBeGreaterThanOrEqual(40);
  expect(routes.filter((r) => !covered.has(r))).toEqual([]);
});
