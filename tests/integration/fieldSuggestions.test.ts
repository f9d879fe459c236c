/**
 * Suggested changes of a block's fields (issue 15: "so does changing a block field such as a
 * criterion's weight or an action's owner"). `POST /api/documents/:id/suggestions {blockId,
 * changes}` keeps the proposal beside the document; the list shows it with the suggester from the
 * server's record; accepting writes it into the block on every replica and in storage, credited
 * to the suggester; a weight only an owner decides. Attacked from outside: a viewer, an outsider,
 * a commenter deciding, forged and invalid fields, a vanished block, a second decision, and a
 * commenter's socket writing the field itself. Real server, real SQLite file, stock providers.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop, signUp, type ApiClient, type Workshop } from '../helpers/apiClient';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { appendCommitment, blockAttrs as attrsOf, blockElement } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlAll, sqlGet } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
let editor: ApiClient & { userId: string };
let cora: ApiClient & { userId: string };
let viewer: ApiClient & { userId: string };
let residents: string;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  editor = await addMember(workshop, server.origin, 'editor', 'Eddy');
  cora = await addMember(workshop, server.origin, 'commenter', 'Cora');
  viewer = await addMember(workshop, server.origin, 'viewer', 'Vera');
  residents = (await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Bewoners', kind: 'other' })).body.id;
  await workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${cora.userId}`, { partyId: residents });
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

/** A new document with an award criterion (weight 20), an open action and a commitment, on every replica. */
async function documentWithBlocks() {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Uitvraag', template: 'blank' });
  const documentId = created.body.id as string;
  const writer = pool.connect(documentId, { cookie: editor.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  const fragment = writer.doc.getXmlFragment(DOCUMENT_FRAGMENT);
  const criterion = blockElement('criterion', { id: 'crit-1', kind: 'award', category: 'quality' }, 'Kwaliteit van de begeleiding');
  criterion.setAttribute('weight', 20 as unknown as string);
  fragment.insert(fragment.length, [criterion, blockElement('action', { id: 'act-1', status: 'open', funding: 'unknown' }, 'Vervoer regelen')]);
  appendCommitment(writer.doc, 'com-1', workshop.partyId);
  await eventually(() => expect(attrsOf(storedDoc(server, documentId), 'act-1')).toMatchObject({ status: 'open' }));
  const coraReplica = pool.connect(documentId, { cookie: cora.cookie, origin: server.origin });
  await waitForSync(coraReplica.provider);
  return { documentId, writer, coraReplica };
}

const rowOf = (id: string) => sqlGet<{ status: string; decided_by: string | null; user_id: string; party_id: string }>(server, 'SELECT status, decided_by, user_id, party_id FROM field_suggestions WHERE id = ?', id);
const rowCount = (documentId: string) => sqlAll(server, 'SELECT id FROM field_suggestions WHERE document_id = ?', documentId).length;
/** The parties of the stored updates made in this person's name: the log's record of who wrote. */
const updatesBy = (documentId: string, userId: string) =>
  sqlAll<{ party_id: string }>(server, 'SELECT party_id FROM document_updates WHERE document_id = ? AND user_id = ?', documentId, userId).map((row) => row.party_id);

test("a commenter suggests an action's owner and status; the document waits; an editor accepts it on every replica, credited to the commenter's party", async () => {
  const { documentId, writer, coraReplica } = await documentWithBlocks();
  const path = `/api/documents/${documentId}/suggestions`;
  const proposed = await cora.post(path, { blockId: 'act-1', changes: { ownerPartyId: residents, status: 'in_progress' } });
  expect(proposed.status).toBe(201);
  expect(proposed.body).toMatchObject({
    kind: 'field',
    status: 'open',
    field: { blockId: 'act-1', blockKind: 'action', changes: { ownerPartyId: residents, status: 'in_progress' }, previous: { ownerPartyId: null, status: 'open' } },
    suggester: { id: cora.userId, name: 'Cora', partyId: residents, partyName: 'Bewoners' },
  });
  // Proposed, not written: no replica and not the stored document changed.
  const listed = await editor.get(path);
  expect(listed.body.map((s: { id: string }) => s.id)).toContain(proposed.body.id);
  for (const doc of [writer.doc, coraReplica.doc, storedDoc(server, documentId)]) expect(attrsOf(doc, 'act-1')).toMatchObject({ status: 'open' });
  expect(updatesBy(documentId, cora.userId)).toEqual([]);

  const accepted = await editor.post(`${path}/${proposed.body.id}/accept`);
  expect(accepted.status).toBe(200);
  expect(accepted.body).toMatchObject({ kind: 'field', status: 'accepted', decidedBy: editor.userId });
  for (const doc of [writer.doc, coraReplica.doc]) {
    await eventually(() => expect(attrsOf(doc, 'act-1')).toMatchObject({ ownerPartyId: residents, status: 'in_progress' }));
  }
  expect(attrsOf(storedDoc(server, documentId), 'act-1')).toMatchObject({ ownerPartyId: residents, status: 'in_progress' });
  expect(rowOf(proposed.body.id)).toMatchObject({ status: 'accepted', decided_by: editor.userId, user_id: cora.userId, party_id: residents });
  // The accepting change is stored in the suggester's name and party.
  expect(updatesBy(documentId, cora.userId)).toEqual([residents]);
  expect((await editor.get(path)).body).toEqual([]);
  // Decided once: a second decision is refused and changes nothing.
  const again = await editor.post(`${path}/${proposed.body.id}/reject`);
  expect(again.status).toBe(409);
  expect(rowOf(proposed.body.id)!.status).toBe('accepted');
});

test("a criterion's weight is decided by an owner only; a rejection leaves the block as it was", async () => {
  const { documentId, writer } = await documentWithBlocks();
  const path = `/api/documents/${documentId}/suggestions`;
  const weight = await cora.post(path, { blockId: 'crit-1', changes: { weight: '30' } });
  expect(weight.status).toBe(201);
  expect(weight.body.field).toMatchObject({ changes: { weight: 30 }, previous: { weight: 20 } });
  const byEditor = await editor.post(`${path}/${weight.body.id}/accept`);
  expect(byEditor.status).toBe(403);
  expect(byEditor.body.error.code).toBe('owners_only');
  expect(rowOf(weight.body.id)!.status).toBe('open');
  expect(attrsOf(storedDoc(server, documentId), 'crit-1')!.weight).toBe(20);
  const byOwner = await workshop.owner.post(`${path}/${weight.body.id}/accept`);
  expect(byOwner.status).toBe(200);
  await eventually(() => expect(attrsOf(writer.doc, 'crit-1')!.weight).toBe(30));

  // A weight named with the value it has is no change: only the category is proposed, and so
  // an editor decides.
  const category = await cora.post(path, { blockId: 'crit-1', changes: { category: 'social_value', weight: 30 } });
  expect(category.status).toBe(201);
  expect(category.body.field).toMatchObject({ changes: { category: 'social_value' }, previous: { category: 'quality' } });
  expect(Object.keys(category.body.field.changes)).toEqual(['category']);
  // Not the weight: an editor decides.
  const rejected = await editor.post(`${path}/${category.body.id}/reject`);
  expect(rejected.status).toBe(200);
  expect(rejected.body.status).toBe('rejected');
  expect(attrsOf(storedDoc(server, documentId), 'crit-1')!.category).toBe('quality');
});

test('who may not propose or decide is refused, and nothing is stored or changed', async () => {
  const { documentId } = await documentWithBlocks();
  const path = `/api/documents/${documentId}/suggestions`;
  const outsider = await signUp(server.origin, 'Buitenstaander');
  expect((await viewer.post(path, { blockId: 'act-1', changes: { status: 'done' } })).status).toBe(403);
  expect([403, 404]).toContain((await outsider.post(path, { blockId: 'act-1', changes: { status: 'done' } })).status);
  expect(rowCount(documentId)).toBe(0);

  const open = await cora.post(path, { blockId: 'act-1', changes: { funding: 'extra' } });
  expect(open.status).toBe(201);
  for (const person of [cora, viewer]) expect((await person.post(`${path}/${open.body.id}/accept`)).status).toBe(403);
  expect([403, 404]).toContain((await outsider.post(`${path}/${open.body.id}/accept`)).status);
  expect(rowOf(open.body.id)!.status).toBe('open');
  expect(attrsOf(storedDoc(server, documentId), 'act-1')!.funding).toBe('unknown');
});

test('invalid and forged proposals get a 400 with field messages, an unknown block 404, and nothing is stored', async () => {
  const { documentId } = await documentWithBlocks();
  const path = `/api/documents/${documentId}/suggestions`;
  const broken = await cora.request('POST', path, undefined, { rawBody: '{"blockId": "act-1", "changes": ' });
  expect(broken.status).toBe(400);
  const cases: [unknown, string][] = [
    [{ blockId: 'crit-1', changes: { weight: 150 } }, 'changes.weight'],
    [{ blockId: 'act-1', changes: { createdByParty: residents } }, 'changes.createdByParty'],
    [{ blockId: 'act-1', changes: { example: true } }, 'changes.example'],
    [{ blockId: 'com-1', changes: { partyId: residents } }, 'changes.partyId'],
    [{ blockId: 'act-1', changes: { status: 'klaar' } }, 'changes.status'],
    [{ blockId: 'act-1', changes: { due: '2027-02-30' } }, 'changes.due'],
    [{ blockId: 'act-1', changes: { ownerPartyId: 'no-such-party' } }, 'changes.ownerPartyId'],
    [{ blockId: 'act-1', changes: { ownerUserId: 'no-such-person' } }, 'changes.ownerUserId'],
    [{ blockId: 'act-1', changes: { status: 'open' } }, 'changes'],
    [{ blockId: 'act-1', changes: {} }, 'changes'],
    [{ blockId: 'act 1"', changes: { status: 'done' } }, 'blockId'],
  ];
  for (const [body, field] of cases) {
    const answer = await cora.post(path, body);
    expect({ body, status: answer.status }).toEqual({ body, status: 400 });
    expect(Object.keys(answer.body.error?.fields ?? {}), JSON.stringify(answer.body)).toContain(field);
  }
  const missing = await cora.post(path, { blockId: 'no-such-block', changes: { status: 'done' } });
  expect(missing.status).toBe(404);
  expect(rowCount(documentId)).toBe(0);
});

test('a suggestion whose block was deleted cannot be accepted (409, stays open) but can be rejected', async () => {
  const { documentId, writer } = await documentWithBlocks();
  const path = `/api/documents/${documentId}/suggestions`;
  const proposed = await cora.post(path, { blockId: 'act-1', changes: { status: 'done' } });
  expect(proposed.status).toBe(201);
  const fragment = writer.doc.getXmlFragment(DOCUMENT_FRAGMENT);
  const index = fragment.toArray().findIndex((child) => child instanceof Y.XmlElement && child.getAttribute('id') === 'act-1');
  fragment.delete(index, 1);
  await eventually(() => expect(attrsOf(storedDoc(server, documentId), 'act-1')).toBeUndefined());
  const accept = await editor.post(`${path}/${proposed.body.id}/accept`);
  expect(accept.status).toBe(409);
  expect(accept.body.error.code).toBe('block_missing');
  expect(rowOf(proposed.body.id)!.status).toBe('open');
  expect((await editor.post(`${path}/${proposed.body.id}/reject`)).status).toBe(200);
  expect(rowOf(proposed.body.id)!.status).toBe('rejected');
});

test("a commenter's socket that writes the field itself is refused; the suggestion route is the way", async () => {
  const { documentId, coraReplica, writer } = await documentWithBlocks();
  const closes: (number | null)[] = [];
  coraReplica.provider.on('connection-close', (event: { code: number } | null) => closes.push(event?.code ?? null));
  for (const child of coraReplica.doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray()) {
    if (child instanceof Y.XmlElement && child.getAttribute('id') === 'act-1') child.setAttribute('status', 'done');
  }
  await eventually(() => expect(closes.length).toBeGreaterThan(0));
  expect(attrsOf(storedDoc(server, documentId), 'act-1')!.status).toBe('open');
  expect(attrsOf(writer.doc, 'act-1')!.status).toBe('open');
});

test("deciding all of one person's suggestions at once takes her field suggestions along", async () => {
  const { documentId, writer } = await documentWithBlocks();
  const path = `/api/documents/${documentId}/suggestions`;
  const first = await cora.post(path, { blockId: 'act-1', changes: { due: '2027-03-01' } });
  const second = await cora.post(path, { blockId: 'crit-1', changes: { category: 'price' } });
  expect([first.status, second.status]).toEqual([201, 201]);
  const answer = await editor.post(`${path}/decide`, { decision: 'accept', userId: cora.userId });
  expect(answer.status).toBe(200);
  expect(answer.body.decided.map((s: { id: string }) => s.id).sort()).toEqual([first.body.id, second.body.id].sort());
  await eventually(() => {
    expect(attrsOf(writer.doc, 'act-1')!.due).toBe('2027-03-01');
    expect(attrsOf(writer.doc, 'crit-1')!.category).toBe('price');
  });
});
