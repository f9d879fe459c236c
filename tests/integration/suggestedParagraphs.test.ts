/**
 * New paragraphs as suggestions (issue 15): in suggestion mode a commenter may add a paragraph
 * that carries her suggestion id in its `suggestion` attribute, type her proposed words into it,
 * and take her own back. Every replica shows the proposal; accepting leaves a plain paragraph,
 * rejecting removes it, on every replica and in the stored document. Anything else that changes
 * the structure (a plain paragraph, another person's id, removing settled paragraphs, an editor
 * writing the attribute onto an existing paragraph) closes that socket and changes nothing.
 * Real server, real SQLite file, stock y-websocket providers.
 */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { CloseCode } from '../../shared/collab/protocol';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop, type ApiClient, type Workshop } from '../helpers/apiClient';
import { ProviderPool, recordCloseCodes, storedDoc, storedRows } from '../helpers/collab';
import { appendCommitment, appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { newSuggestionId, paragraphProposals, paragraphs, suggestInsert, suggestionMarks } from '../helpers/suggestions';
import { sqlAll } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
let editor: ApiClient & { userId: string };
let residentEditor: ApiClient & { userId: string };
let commenter: ApiClient & { userId: string };
let otherCommenter: ApiClient & { userId: string };
let residentsPartyId: string;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  editor = await addMember(workshop, server.origin, 'editor', 'Eddy');
  residentEditor = await addMember(workshop, server.origin, 'editor', 'Bea');
  commenter = await addMember(workshop, server.origin, 'commenter', 'Cora');
  otherCommenter = await addMember(workshop, server.origin, 'commenter', 'Kees');
  const party = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Bewoners', kind: 'other' });
  residentsPartyId = party.body.id;
  await workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${residentEditor.userId}`, { partyId: residentsPartyId });
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

const FIRST = 'Wij vragen twee ruimtes.';

async function connectAs(documentId: string, member: ApiClient) {
  const connected = pool.connect(documentId, { cookie: member.cookie, origin: server.origin });
  const codes = recordCloseCodes(connected.provider);
  await waitForSync(connected.provider);
  return { ...connected, codes };
}

async function newDocument(build: (doc: Y.Doc) => void = (doc) => appendParagraph(doc, FIRST)) {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Uitvraag', template: 'blank' });
  const documentId = created.body.id as string;
  const writer = await connectAs(documentId, editor);
  build(writer.doc);
  const expected = paragraphs(writer.doc);
  await eventually(() => expect(paragraphs(storedDoc(server, documentId))).toEqual(expected));
  return { documentId, writer };
}

/** Adds a paragraph at `index` of `parent` proposing it under `id`, with proposed words (or empty). */
function proposeParagraph(parent: Y.XmlFragment, index: number, id: string, words?: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('suggestion', id);
  parent.insert(index, [paragraph]);
  if (words !== undefined) {
    paragraph.insert(0, [new Y.XmlText()]);
    suggestInsert(paragraph.get(0) as Y.XmlText, 0, words, id);
  }
  return paragraph;
}

function suggestionRows(documentId: string) {
  return sqlAll<{ id: string; user_id: string; kind: string; status: string }>(
    server,
    'SELECT id, user_id, kind, status FROM suggestions WHERE document_id = ? ORDER BY created_at, id',
    documentId,
  );
}

test('a commenter proposes paragraphs; every replica shows them; accepting keeps a plain paragraph, rejecting removes it everywhere', async () => {
  const { documentId, writer } = await newDocument();
  const cora = await connectAs(documentId, commenter);
  const kept = newSuggestionId();
  const dropped = newSuggestionId();
  const fragment = cora.doc.getXmlFragment(DOCUMENT_FRAGMENT);
  proposeParagraph(fragment, 1, kept, 'Ook een keuken.');
  // Empty at first, as Enter leaves it; the words follow in a later update, as typing does.
  const second = proposeParagraph(fragment, 2, dropped);
  second.insert(0, [new Y.XmlText()]);
  suggestInsert(second.get(0) as Y.XmlText, 0, 'En een tuin.', dropped);

  const proposed: [string, unknown][] = [[FIRST, null], ['Ook een keuken.', kept], ['En een tuin.', dropped]];
  await eventually(() => expect(paragraphProposals(writer.doc)).toEqual(proposed));
  await eventually(() => expect(paragraphProposals(storedDoc(server, documentId))).toEqual(proposed));
  await eventually(() =>
    expect(suggestionRows(documentId)).toEqual(
      expect.arrayContaining([
        { id: kept, user_id: commenter.userId, kind: 'insert', status: 'open' },
        { id: dropped, user_id: commenter.userId, kind: 'insert', status: 'open' },
      ]),
    ),
  );
  expect(cora.codes).toEqual([]);

  expect((await editor.post(`/api/documents/${documentId}/suggestions/${kept}/accept`)).status).toBe(200);
  expect((await editor.post(`/api/documents/${documentId}/suggestions/${dropped}/reject`)).status).toBe(200);
  const decided: [string, unknown][] = [[FIRST, null], ['Ook een keuken.', null]];
  for (const doc of [writer.doc, cora.doc]) await eventually(() => expect(paragraphProposals(doc)).toEqual(decided));
  expect(paragraphProposals(storedDoc(server, documentId))).toEqual(decided);
  expect(suggestionMarks(storedDoc(server, documentId))).toEqual({});
  expect((await editor.post(`/api/documents/${documentId}/suggestions/${dropped}/accept`)).status).toBe(409);
  expect(cora.codes).toEqual([]);
});

test('a commenter takes back her own open proposed paragraph; not a settled one, and not after it was accepted', async () => {
  const { documentId, writer } = await newDocument();
  const cora = await connectAs(documentId, commenter);
  const id = newSuggestionId();
  proposeParagraph(cora.doc.getXmlFragment(DOCUMENT_FRAGMENT), 1, id, 'Weg ermee.');
  await eventually(() => expect(paragraphProposals(writer.doc)).toHaveLength(2));
  await eventually(() => expect(suggestionRows(documentId)).toHaveLength(1));
  cora.doc.getXmlFragment(DOCUMENT_FRAGMENT).delete(1, 1);
  await eventually(() => expect(paragraphProposals(writer.doc)).toEqual([[FIRST, null]]));
  await eventually(() => expect(paragraphProposals(storedDoc(server, documentId))).toEqual([[FIRST, null]]));
  expect(cora.codes).toEqual([]);

  // The settled first paragraph is not hers to remove.
  const before = storedRows(server, documentId);
  cora.doc.getXmlFragment(DOCUMENT_FRAGMENT).delete(0, 1);
  await eventually(() => expect(cora.codes).toContain(CloseCode.suggestionsOnly));
  expect(paragraphProposals(writer.doc)).toEqual([[FIRST, null]]);
  expect(storedRows(server, documentId)).toEqual(before);
});

test.each([
  ['adds a plain paragraph', (doc: Y.Doc) => appendParagraph(doc, 'Gewoon erbij.'), CloseCode.suggestionsOnly],
  ['adds a proposed paragraph with plain words in it', (doc: Y.Doc) => {
    const paragraph = proposeParagraph(doc.getXmlFragment(DOCUMENT_FRAGMENT), 1, newSuggestionId());
    paragraph.insert(0, [new Y.XmlText('Gewoon.')]);
  }, CloseCode.suggestionsOnly],
  ['adds a heading as a proposal', (doc: Y.Doc) => {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('suggestion', newSuggestionId());
    doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(1, [heading]);
  }, CloseCode.suggestionsOnly],
])('a commenter who %s is closed and nothing is applied, stored or relayed', async (_what, edit, code) => {
  const { documentId, writer } = await newDocument();
  const before = storedRows(server, documentId);
  const cora = await connectAs(documentId, commenter);
  // One update: a valid part sent on its own would rightly pass.
  cora.doc.transact(() => edit(cora.doc));
  await eventually(() => expect(cora.codes).toContain(code));
  expect(paragraphProposals(writer.doc)).toEqual([[FIRST, null]]);
  expect(storedRows(server, documentId)).toEqual(before);
  expect(suggestionRows(documentId)).toEqual([]);
});

test("a proposed paragraph under another person's open id is forged; so is an editor's attribute on a settled paragraph", async () => {
  const { documentId, writer } = await newDocument();
  const kees = await connectAs(documentId, otherCommenter);
  const his = newSuggestionId();
  proposeParagraph(kees.doc.getXmlFragment(DOCUMENT_FRAGMENT), 1, his, 'Van Kees.');
  await eventually(() => expect(suggestionRows(documentId)).toEqual([{ id: his, user_id: otherCommenter.userId, kind: 'insert', status: 'open' }]));
  const before = storedRows(server, documentId);

  const cora = await connectAs(documentId, commenter);
  proposeParagraph(cora.doc.getXmlFragment(DOCUMENT_FRAGMENT), 0, his, 'Ook van Kees?');
  await eventually(() => expect(cora.codes).toContain(CloseCode.suggestionForged));

  const eddy = await connectAs(documentId, editor);
  (eddy.doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).setAttribute('suggestion', newSuggestionId());
  await eventually(() => expect(eddy.codes).toContain(CloseCode.suggestionForged));
  // Nor may an editor settle Kees's proposal by taking the attribute off: that is a decision.
  const eddy2 = await connectAs(documentId, editor);
  (eddy2.doc.getXmlFragment(DOCUMENT_FRAGMENT).get(1) as Y.XmlElement).removeAttribute('suggestion');
  await eventually(() => expect(eddy2.codes).toContain(CloseCode.suggestionForged));

  expect(storedRows(server, documentId)).toEqual(before);
  expect(paragraphProposals(writer.doc)).toEqual([[FIRST, null], ['Van Kees.', his]]);
  expect(suggestionRows(documentId)).toHaveLength(1);
});

test("a paragraph proposed inside another party's commitment is that party's to decide", async () => {
  const { documentId, writer } = await newDocument((doc) => appendCommitment(doc, 'c1', workshop.partyId, 'De gemeente levert twee ruimtes.'));
  const cora = await connectAs(documentId, commenter);
  const id = newSuggestionId();
  const commitment = cora.doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement;
  proposeParagraph(commitment, 1, id, 'En een keuken.');
  await eventually(() => expect(suggestionRows(documentId)).toHaveLength(1));
  expect(cora.codes).toEqual([]);
  const before = storedRows(server, documentId);

  const refused = await residentEditor.post(`/api/documents/${documentId}/suggestions/${id}/reject`);
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('not_your_party');
  expect(storedRows(server, documentId)).toEqual(before);

  expect((await editor.post(`/api/documents/${documentId}/suggestions/${id}/reject`)).status).toBe(200);
  const inCommitment = () => (writer.doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).length;
  await eventually(() => expect(inCommitment()).toBe(1));
});
