/**
 * All of one person's or one party's suggestions at once (issue 15): `POST
 * /api/documents/:id/suggestions/decide {decision, userId | partyId}` decides exactly those, each
 * as on its own, and the replicas and the stored document converge; someone else's stay open;
 * inside another party's commitment a suggestion is left open and named with not_your_party; a
 * commenter gets 403 and nothing changes; a body that names nobody, or both, gets a 400 with
 * field messages. Real server, real SQLite file, stock y-websocket providers.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop, type ApiClient, type Workshop } from '../helpers/apiClient';
import { ProviderPool, storedDoc, storedRows } from '../helpers/collab';
import { paragraphText } from '../helpers/comments';
import { appendCommitment, appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { newSuggestionId, paragraphs, suggestDelete, suggestInsert, suggestionMarks } from '../helpers/suggestions';
import { sqlAll } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
let editor: ApiClient & { userId: string };
let cora: ApiClient & { userId: string };
let dirk: ApiClient & { userId: string };
let residents: string;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  editor = await addMember(workshop, server.origin, 'editor', 'Eddy');
  cora = await addMember(workshop, server.origin, 'commenter', 'Cora');
  dirk = await addMember(workshop, server.origin, 'commenter', 'Dirk');
  residents = (await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Bewoners', kind: 'other' })).body.id;
  await workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${cora.userId}`, { partyId: residents });
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

async function documentWith(build: (doc: Y.Doc) => void) {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Uitvraag', template: 'blank' });
  const documentId = created.body.id as string;
  const writer = pool.connect(documentId, { cookie: editor.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  build(writer.doc);
  const expected = paragraphs(writer.doc);
  await eventually(() => expect(paragraphs(storedDoc(server, documentId))).toEqual(expected));
  const connect = async (person: ApiClient) => {
    const replica = pool.connect(documentId, { cookie: person.cookie, origin: server.origin });
    await waitForSync(replica.provider);
    return replica;
  };
  return { documentId, writer, coraReplica: await connect(cora), dirkReplica: await connect(dirk) };
}

const openIds = (documentId: string) => sqlAll<{ id: string }>(server, "SELECT id FROM suggestions WHERE document_id = ? AND status = 'open' ORDER BY id", documentId).map((row) => row.id);

test("accepting all of one person's suggestions decides exactly hers, on every replica and in storage", async () => {
  const { documentId, writer, coraReplica, dirkReplica } = await documentWith((doc) => appendParagraph(doc, 'Wij vragen een omzet van twee miljoen.'));
  const [first, second, his] = [newSuggestionId(), newSuggestionId(), newSuggestionId()];
  suggestInsert(paragraphText(coraReplica.doc, 0), 4, 'ten minste ', first);
  suggestDelete(paragraphText(coraReplica.doc, 0), 36, 5, second);
  await eventually(() => expect(openIds(documentId)).toHaveLength(2));
  suggestInsert(paragraphText(dirkReplica.doc, 0), 0, 'Kort: ', his);
  await eventually(() => expect(openIds(documentId)).toHaveLength(3));

  const path = `/api/documents/${documentId}/suggestions/decide`;
  const answer = await editor.post(path, { decision: 'accept', userId: cora.userId });
  expect(answer.status).toBe(200);
  expect(answer.body.refused).toEqual([]);
  expect(answer.body.decided.map((s: { id: string }) => s.id).sort()).toEqual([first, second].sort());
  expect(answer.body.decided.every((s: { status: string; decidedBy: string }) => s.status === 'accepted' && s.decidedBy === editor.userId)).toBe(true);
  expect(openIds(documentId)).toEqual([his]);

  const expected = ['Kort: Wij ten minste vragen een omzet van miljoen.'];
  for (const doc of [writer.doc, coraReplica.doc, dirkReplica.doc]) {
    await eventually(() => {
      expect(paragraphs(doc)).toEqual(expected);
      expect(Object.keys(suggestionMarks(doc))).toEqual([`insert:${his}`]);
    });
  }
  expect(paragraphs(storedDoc(server, documentId))).toEqual(expected);

  // Nothing of hers is left open: a second call decides nothing and changes nothing.
  const before = storedRows(server, documentId);
  const again = await editor.post(path, { decision: 'reject', partyId: residents });
  expect(again.status).toBe(200);
  expect(again.body).toEqual({ decided: [], refused: [] });
  expect(storedRows(server, documentId)).toEqual(before);

  // Rejecting all of the municipality's takes Dirk's back.
  const rejected = await editor.post(path, { decision: 'reject', partyId: workshop.partyId });
  expect(rejected.status).toBe(200);
  expect(rejected.body.decided.map((s: { id: string }) => s.id)).toEqual([his]);
  await eventually(() => expect(paragraphs(storedDoc(server, documentId))).toEqual(['Wij ten minste vragen een omzet van miljoen.']));
});

test("a commenter may not decide in bulk; one inside another party's commitment stays open and is named", async () => {
  const { documentId, coraReplica } = await documentWith((doc) => {
    appendParagraph(doc, 'Inleiding.');
    appendCommitment(doc, 'c1', workshop.partyId, 'De gemeente levert twee ruimtes.');
  });
  const commitmentText = () => {
    const element = coraReplica.doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'commitment') as Y.XmlElement;
    return (element.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  };
  const [inText, inCommitment] = [newSuggestionId(), newSuggestionId()];
  suggestInsert(paragraphText(coraReplica.doc, 0), 0, 'Korte ', inText);
  suggestInsert(commitmentText(), 19, 'minstens ', inCommitment);
  await eventually(() => expect(openIds(documentId)).toHaveLength(2));
  const path = `/api/documents/${documentId}/suggestions/decide`;

  const before = storedRows(server, documentId);
  // Cora comments for the residents: neither ordinary text nor the municipality's commitment is hers to decide.
  const byCommenter = await cora.post(path, { decision: 'accept', userId: cora.userId });
  expect(byCommenter.status).toBe(403);
  expect(storedRows(server, documentId)).toEqual(before);
  expect(openIds(documentId)).toHaveLength(2);

  // Bea edits for the residents: the commitment is the municipality's.
  const bea = await addMember(workshop, server.origin, 'editor', 'Bea');
  await workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${bea.userId}`, { partyId: residents });
  const partly = await bea.post(path, { decision: 'accept', partyId: residents });
  expect(partly.status).toBe(200);
  expect(partly.body.decided.map((s: { id: string }) => s.id)).toEqual([inText]);
  expect(partly.body.refused).toEqual([{ id: inCommitment, code: 'not_your_party' }]);
  expect(openIds(documentId)).toEqual([inCommitment]);
});

test('a body that names nobody, both, or no decision gets a 400 with field messages', async () => {
  const { documentId } = await documentWith((doc) => appendParagraph(doc, 'Tekst.'));
  const path = `/api/documents/${documentId}/suggestions/decide`;
  const nobody = await editor.post(path, { decision: 'accept' });
  expect(nobody.status).toBe(400);
  expect(nobody.body.error.fields.userId).toBeTruthy();
  const both = await editor.post(path, { decision: 'accept', userId: cora.userId, partyId: residents });
  expect(both.status).toBe(400);
  expect(both.body.error.fields.userId).toBeTruthy();
  const maybe = await editor.post(path, { decision: 'misschien', userId: cora.userId });
  expect(maybe.status).toBe(400);
  expect(maybe.body.error.fields.decision).toBeTruthy();
});
