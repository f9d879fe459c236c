/**
 * Issue 14, item 4: a revealed card becomes a paragraph, an action, a commitment or a criterion
 * at the end of a document of the same workspace, written by the server, and keeps who wrote it
 * (for an anonymous card, the party only). Only who may write the document promotes, and only
 * after the reveal.
 */
import type { JSONContent } from '@tiptap/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readJsonFromDoc } from '../../shared/editor/schema';
import { buildWorkshop, signUp, type ApiClient, type Json, type Workshop } from '../helpers/apiClient';
import { storedDoc, updateRowsBy } from '../helpers/collab';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { partyWithMember, startedSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlAll, sqlGet } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
let residents: Awaited<ReturnType<typeof partyWithMember>>;
/** Commenters: they write cards but not documents. */
let housing: Awaited<ReturnType<typeof partyWithMember>>;
let outsider: ApiClient & { userId: string };

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  residents = await partyWithMember(workshop, server.origin, 'Bewoners', 'editor');
  housing = await partyWithMember(workshop, server.origin, 'Woningcorporatie', 'commenter');
  outsider = await signUp(server.origin, 'Buitenstaander');
});
afterAll(async () => server.stop());

/** Top-level nodes of a document as JSON. */
function nodesOf(json: JSONContent): JSONContent[] {
  return json.content ?? [];
}
const textOf = (node: JSONContent): string => (node.text ?? '') + (node.content ?? []).map(textOf).join('');

async function sessionWithCards() {
  const session = await startedSession(workshop, 'criteria');
  const stepId = session.steps.find((s) => s.kind === 'private')!.id as string;
  const named = await residents.member.post(`/api/sessions/${session.id}/cards`, { stepId, text: 'Een inloop op zondag' });
  const anonymous = await housing.member.post(`/api/sessions/${session.id}/cards`, { stepId, text: 'Buurtbudget per straat', anonymous: true });
  return { sessionId: session.id, stepId, named: named.body.id as string, anonymous: anonymous.body.id as string };
}

const promote = (client: ApiClient, cardId: string, body: Json) => client.post(`/api/cards/${cardId}/promote`, body);

test('a revealed card becomes a block at the end of the document, with its author; an anonymous one with its party only', async () => {
  const { sessionId, stepId, named, anonymous } = await sessionWithCards();

  // Before the reveal: a card one may not see is not found; one's own waits for the reveal.
  expect((await promote(workshop.owner, named, { documentId: workshop.documentId, kind: 'action' })).status).toBe(404);
  const early = await promote(residents.member, named, { documentId: workshop.documentId, kind: 'action' });
  expect(early.status).toBe(403);
  expect(early.body.error.code).toBe('card_not_revealed');
  expect((await workshop.owner.post(`/api/sessions/${sessionId}/steps/${stepId}/reveal`)).status).toBe(200);

  const reader = connectProvider(workshop.documentId, { origin: server.origin, cookie: housing.member.cookie });
  try {
    await waitForSync(reader.provider);
    // A commenter may see the card but not write the document.
    expect((await promote(housing.member, named, { documentId: workshop.documentId, kind: 'action' })).status).toBe(403);

    const action = await promote(workshop.owner, named, { documentId: workshop.documentId, kind: 'action' });
    expect(action.status).toBe(201);
    expect(action.body).toEqual({ documentId: workshop.documentId, kind: 'action', blockId: expect.any(String) });
    const commitment = await promote(residents.member, anonymous, { documentId: workshop.documentId, kind: 'commitment' });
    expect(commitment.status).toBe(201);

    // A real y-websocket client sees both arrive, last in the document, with who wrote them.
    const seen = await eventually(() => {
      const nodes = nodesOf(readJsonFromDoc(reader.doc));
      expect(nodes.slice(-2).map((n) => n.type)).toEqual(['action', 'commitment']);
      return nodes.slice(-2);
    });
    expect(seen[0]!.attrs).toMatchObject({ id: action.body.blockId, createdBy: residents.member.userId, createdByParty: residents.partyId, status: 'open' });
    expect(textOf(seen[0]!)).toBe('Een inloop op zondag');
    expect(seen[1]!.attrs).toMatchObject({ id: commitment.body.blockId, createdByParty: housing.partyId, partyId: housing.partyId, status: 'proposed' });
    // No author at all: the attribute is absent (null values are not written into the document).
    expect(seen[1]!.attrs!.createdBy ?? null).toBeNull();
    expect(textOf(seen[1]!)).toBe('Buurtbudget per straat');
    expect(JSON.stringify(seen[1])).not.toContain(housing.member.userId);
  } finally {
    reader.provider.destroy();
  }

  // Stored: the document, the block records the registers and minutes use, the change's author.
  const doc = storedDoc(server, workshop.documentId);
  const stored = nodesOf(readJsonFromDoc(doc)).slice(-2);
  doc.destroy();
  expect(stored.map((n) => n.type)).toEqual(['action', 'commitment']);
  await eventually(() =>
    expect(sqlGet(server, 'SELECT created_by, created_by_party FROM block_records WHERE document_id = ? AND block_id = ?', workshop.documentId, stored[1]!.attrs!.id)).toEqual({
      created_by: null,
      created_by_party: housing.partyId,
    }),
  );
  expect(sqlGet(server, 'SELECT created_by FROM block_records WHERE document_id = ? AND block_id = ?', workshop.documentId, stored[0]!.attrs!.id)).toEqual({ created_by: residents.member.userId });
  expect(updateRowsBy(server, workshop.documentId, residents.member.userId)).toBeGreaterThan(0);
  expect(updateRowsBy(server, workshop.documentId, housing.member.userId)).toBe(0);
});

test('a paragraph and a criterion; another workspace\'s document, an outsider and a bad kind are refused', async () => {
  const { sessionId, stepId, named } = await sessionWithCards();
  await workshop.owner.post(`/api/sessions/${sessionId}/steps/${stepId}/reveal`);

  expect((await promote(workshop.owner, named, { documentId: workshop.documentId, kind: 'paragraph' })).body).toEqual({ documentId: workshop.documentId, kind: 'paragraph', blockId: null });
  const criterion = await promote(workshop.owner, named, { documentId: workshop.documentId, kind: 'criterion' });
  expect(criterion.status).toBe(201);
  const doc = storedDoc(server, workshop.documentId);
  const last = nodesOf(readJsonFromDoc(doc)).slice(-2);
  doc.destroy();
  expect(last.map((n) => [n.type, textOf(n)])).toEqual([
    ['paragraph', 'Een inloop op zondag'],
    ['criterion', 'Een inloop op zondag'],
  ]);
  expect(last[1]!.attrs).toMatchObject({ id: criterion.body.blockId, createdBy: residents.member.userId, createdByParty: residents.partyId, kind: 'award' });

  // The owner is in another workspace too: its document is still not found from this card.
  const elsewhere = await workshop.owner.post('/api/workspaces', { name: 'Andere opgave' });
  const otherDocument = await workshop.owner.post(`/api/workspaces/${elsewhere.body.id}/documents`, { title: 'Elders', template: 'blank' });
  expect((await promote(workshop.owner, named, { documentId: otherDocument.body.id, kind: 'paragraph' })).status).toBe(404);
  expect(JSON.stringify(nodesOf(readJsonFromDoc(storedDoc(server, otherDocument.body.id))))).not.toContain('Een inloop');
  // Someone outside the card's workspace does not find the card, even into their own document.
  const own = await outsider.post('/api/workspaces', { name: 'Van mij' });
  const ownDocument = await outsider.post(`/api/workspaces/${own.body.id}/documents`, { title: 'Mijn document', template: 'blank' });
  expect((await promote(outsider, named, { documentId: ownDocument.body.id, kind: 'paragraph' })).status).toBe(404);
  expect((await promote(workshop.owner, 'geen-kaartje', { documentId: workshop.documentId, kind: 'paragraph' })).status).toBe(404);

  // While the chair has locked editing, only the chair takes a card into a document.
  expect((await workshop.owner.patch(`/api/sessions/${sessionId}/state`, { locked: true })).status).toBe(200);
  const locked = await promote(residents.member, named, { documentId: workshop.documentId, kind: 'paragraph' });
  expect(locked.status).toBe(409);
  expect(locked.body.error.code).toBe('session_locked');
  expect((await promote(workshop.owner, named, { documentId: workshop.documentId, kind: 'paragraph' })).status).toBe(201);
  expect((await workshop.owner.patch(`/api/sessions/${sessionId}/state`, { locked: false })).status).toBe(200);
  expect((await promote(residents.member, named, { documentId: workshop.documentId, kind: 'paragraph' })).status).toBe(201);

  const badKind = await promote(workshop.owner, named, { documentId: workshop.documentId, kind: 'reflection' });
  expect(badKind.status).toBe(400);
  expect(Object.keys(badKind.body.error.fields)).toEqual(['kind']);
  // Who took a card into a document is on the record, without the card's author.
  const promotions = sqlAll<{ user_id: string; detail: string }>(server, "SELECT user_id, detail FROM audit_log WHERE action = 'card.promote' AND detail LIKE ? ORDER BY id", `%${named}%`);
  expect(promotions.map((row) => row.user_id)).toEqual([workshop.owner.userId, workshop.owner.userId, workshop.owner.userId, residents.member.userId]);
  expect(JSON.parse(promotions[0]!.detail)).toEqual({ cardId: named, kind: 'paragraph' });
});
