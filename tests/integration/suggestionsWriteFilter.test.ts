/**
 * Suggestion mode is enforced by the server (issue 15): a commenter's plain edit closes its
 * connection with `suggestionsOnly` and leaves nothing anywhere, while the same edit written as a
 * suggestion arrives live at another replica and is recorded with the connection's own user and
 * party; another person's suggestion id, or a mark with more than an id, is refused; an editor
 * who opens the socket with `?mode=suggest` is held to the same rules. Real server, real SQLite
 * file, stock y-websocket providers.
 */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { CloseCode } from '../../shared/collab/protocol';
import { addMember, buildWorkshop, type ApiClient, type Workshop } from '../helpers/apiClient';
import { ProviderPool, recordCloseCodes, storedDoc, storedRows, updateRowsBy } from '../helpers/collab';
import { paragraphText } from '../helpers/comments';
import { appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { newSuggestionId, paragraphs, suggestDelete, suggestInsert, suggestionMarks } from '../helpers/suggestions';
import { sqlAll } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
let editor: ApiClient & { userId: string };
let commenter: ApiClient & { userId: string };
let otherCommenter: ApiClient & { userId: string };
let residentsPartyId: string;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  editor = await addMember(workshop, server.origin, 'editor', 'Eddy');
  commenter = await addMember(workshop, server.origin, 'commenter', 'Cora');
  otherCommenter = await addMember(workshop, server.origin, 'commenter', 'Kees');
  const party = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Bewoners', kind: 'other' });
  residentsPartyId = party.body.id;
  await workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${commenter.userId}`, { partyId: residentsPartyId });
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

async function newDocument(...texts: string[]) {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Uitvraag', template: 'blank' });
  const documentId = created.body.id as string;
  const writer = pool.connect(documentId, { cookie: editor.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  for (const text of texts) appendParagraph(writer.doc, text);
  await eventually(() => expect(paragraphs(storedDoc(server, documentId))).toEqual(texts));
  return { documentId, writer };
}

function suggestionRows(documentId: string) {
  return sqlAll<{ id: string; user_id: string; party_id: string | null; kind: string; status: string }>(
    server,
    'SELECT id, user_id, party_id, kind, status FROM suggestions WHERE document_id = ? ORDER BY created_at, id',
    documentId,
  );
}

async function connectAs(documentId: string, member: ApiClient, params?: Record<string, string>) {
  const connected = pool.connect(documentId, { cookie: member.cookie, origin: server.origin, params });
  const codes = recordCloseCodes(connected.provider);
  await waitForSync(connected.provider);
  return { ...connected, codes };
}

test.each([
  ['types plain text', (text: Y.XmlText) => text.insert(4, 'GEWOON ')],
  ['deletes plain text', (text: Y.XmlText) => text.delete(0, 4)],
  ['makes text bold', (text: Y.XmlText) => text.format(0, 4, { bold: {} })],
])('a commenter who %s is closed with suggestionsOnly and nothing is applied, stored or relayed', async (_what, edit) => {
  const { documentId, writer } = await newDocument('Wij vragen een omzet van twee miljoen.');
  const before = storedRows(server, documentId);
  const cora = await connectAs(documentId, commenter);
  edit(paragraphText(cora.doc, 0));
  await eventually(() => expect(cora.codes).toContain(CloseCode.suggestionsOnly));
  expect(paragraphs(writer.doc)).toEqual(['Wij vragen een omzet van twee miljoen.']);
  expect(suggestionMarks(writer.doc)).toEqual({});
  expect(storedRows(server, documentId)).toEqual(before);
  expect(updateRowsBy(server, documentId, commenter.userId)).toBe(0);
});

test("the same edit as a suggestion arrives live at another replica and is recorded as the connection's", async () => {
  const { documentId, writer } = await newDocument('Wij vragen een omzet van twee miljoen.');
  const cora = await connectAs(documentId, commenter);
  const insertId = newSuggestionId();
  const deleteId = newSuggestionId();
  suggestInsert(paragraphText(cora.doc, 0), 4, 'ten minste ', insertId);
  suggestDelete(paragraphText(cora.doc, 0), 36, 5, deleteId);
  const expected = { [`insert:${insertId}`]: 'ten minste ', [`delete:${deleteId}`]: 'twee ' };
  await eventually(() => expect(suggestionMarks(writer.doc)).toEqual(expected));
  expect(paragraphs(writer.doc)).toEqual(['Wij ten minste vragen een omzet van twee miljoen.']);
  await eventually(() => expect(suggestionMarks(storedDoc(server, documentId))).toEqual(expected));
  // Typing on inside her own suggestion and taking back part of it are suggestions too.
  suggestInsert(paragraphText(cora.doc, 0), 15, 'ook ', insertId);
  paragraphText(cora.doc, 0).delete(4, 4);
  await eventually(() => expect(suggestionMarks(writer.doc)).toEqual({ [`insert:${insertId}`]: 'minste ook ', [`delete:${deleteId}`]: 'twee ' }));
  expect(cora.codes).toEqual([]);
  // The record names the connection's user and party, from the server's side of the socket.
  await eventually(() =>
    expect(suggestionRows(documentId)).toEqual(
      expect.arrayContaining([
        { id: insertId, user_id: commenter.userId, party_id: residentsPartyId, kind: 'insert', status: 'open' },
        { id: deleteId, user_id: commenter.userId, party_id: residentsPartyId, kind: 'delete', status: 'open' },
      ]),
    ),
  );
  const listed = await editor.get(`/api/documents/${documentId}/suggestions`);
  expect(listed.status).toBe(200);
  expect(listed.body).toHaveLength(2);
  expect(listed.body[0].suggester).toMatchObject({ id: commenter.userId, name: 'Cora', partyId: residentsPartyId, partyName: 'Bewoners' });
});

test("another person's suggestion id is refused with suggestionForged, and so is a mark that says more than its id", async () => {
  const { documentId, writer } = await newDocument('Wij vragen een omzet van twee miljoen.');
  const cora = await connectAs(documentId, commenter);
  const coraId = newSuggestionId();
  suggestInsert(paragraphText(cora.doc, 0), 0, 'Ook ', coraId);
  await eventually(() => expect(suggestionRows(documentId)).toHaveLength(1));
  const before = storedRows(server, documentId);

  const kees = await connectAs(documentId, otherCommenter);
  suggestInsert(paragraphText(kees.doc, 0), 10, 'KEES ', coraId);
  await eventually(() => expect(kees.codes).toContain(CloseCode.suggestionForged));

  // An editor may not put a commenter's removal mark on words either.
  const eddy = await connectAs(documentId, editor);
  suggestDelete(paragraphText(eddy.doc, 0), 20, 5, coraId);
  await eventually(() => expect(eddy.codes).toContain(CloseCode.suggestionForged));

  // A mark that names its author is not a suggestion mark: the server's record is the only one.
  const cora2 = await connectAs(documentId, commenter);
  paragraphText(cora2.doc, 0).insert(0, 'VALS ', { suggestionInsert: { suggestionId: newSuggestionId(), userId: editor.userId } });
  await eventually(() => expect(cora2.codes).toContain(CloseCode.suggestionForged));

  expect(storedRows(server, documentId)).toEqual(before);
  expect(suggestionMarks(writer.doc)).toEqual({ [`insert:${coraId}`]: 'Ook ' });
  expect(suggestionRows(documentId).map((row) => [row.id, row.user_id])).toEqual([[coraId, commenter.userId]]);
});

test('an editor who opens the socket with ?mode=suggest may only suggest; without it he writes', async () => {
  const { documentId, writer } = await newDocument('Eerste zin.');
  const suggesting = await connectAs(documentId, editor, { mode: 'suggest' });
  const id = newSuggestionId();
  suggestInsert(paragraphText(suggesting.doc, 0), 0, 'Voorstel: ', id);
  await eventually(() => expect(suggestionMarks(writer.doc)).toEqual({ [`insert:${id}`]: 'Voorstel: ' }));
  paragraphText(suggesting.doc, 0).insert(0, 'DIRECT ');
  await eventually(() => expect(suggesting.codes).toContain(CloseCode.suggestionsOnly));
  expect(paragraphs(writer.doc)).toEqual(['Voorstel: Eerste zin.']);
  await eventually(() => expect(suggestionRows(documentId)).toEqual([{ id, user_id: editor.userId, party_id: workshop.partyId, kind: 'insert', status: 'open' }]));

  // The editor's own writing, without the parameter, is plain text as before.
  paragraphText(writer.doc, 0).insert(0, 'Direct. ');
  await eventually(() => expect(paragraphs(storedDoc(server, documentId))).toEqual(['Direct. Voorstel: Eerste zin.']));
});

test("a viewer's suggestion is dropped like any write of a viewer", async () => {
  const viewer = await addMember(workshop, server.origin, 'viewer', 'Vera');
  const { documentId, writer } = await newDocument('Tekst.');
  const vera = await connectAs(documentId, viewer);
  suggestInsert(paragraphText(vera.doc, 0), 0, 'Van Vera ', newSuggestionId());
  paragraphText(writer.doc, 0).insert(6, ' Meer.');
  await eventually(() => expect(paragraphs(vera.doc)).toEqual(['Van Vera Tekst. Meer.']));
  await eventually(() => expect(paragraphs(storedDoc(server, documentId))).toEqual(['Tekst. Meer.']));
  expect(updateRowsBy(server, documentId, viewer.userId)).toBe(0);
  expect(suggestionRows(documentId)).toEqual([]);
});

test('the sync step 2 a commenter sends with plain offline text is refused, and nothing of it reaches anyone', async () => {
  const { documentId, writer } = await newDocument('Tekst.');
  const before = storedRows(server, documentId);
  const offline = new Y.Doc();
  Y.applyUpdate(offline, Y.encodeStateAsUpdate(writer.doc));
  paragraphText(offline, 0).insert(0, 'OFFLINE ');
  const cora = pool.connect(documentId, { cookie: commenter.cookie, origin: server.origin }, offline);
  const codes = recordCloseCodes(cora.provider);
  await eventually(() => expect(codes).toContain(CloseCode.suggestionsOnly));
  expect(paragraphs(writer.doc)).toEqual(['Tekst.']);
  expect(storedRows(server, documentId)).toEqual(before);
  const later = await connectAs(documentId, workshop.owner);
  expect(paragraphs(later.doc)).toEqual(['Tekst.']);
});

test("an editor's raw client that deletes the format item opening a suggestion (taking its mark off the words) is refused", async () => {
  const { documentId, writer } = await newDocument('Wij vragen twee ruimtes.');
  const cora = await connectAs(documentId, commenter);
  const id = newSuggestionId();
  suggestInsert(paragraphText(cora.doc, 0), 0, 'Graag: ', id);
  await eventually(() => expect(suggestionRows(documentId)).toHaveLength(1));
  await eventually(() => expect(suggestionMarks(writer.doc)).toEqual({ [`insert:${id}`]: 'Graag: ' }));
  const before = storedRows(server, documentId);
  const codes = recordCloseCodes(writer.provider);
  const text = paragraphText(writer.doc, 0);
  let opening: Y.Item | null = text._start;
  while (opening && !(opening.content instanceof Y.ContentFormat && opening.content.key === 'suggestionInsert' && opening.content.value !== null)) opening = opening.right;
  // What no editor does: the item alone, deleted as a raw client could.
  writer.doc.transact((transaction) => opening!.delete(transaction));
  await eventually(() => expect(codes).toContain(CloseCode.suggestionForged));
  expect(storedRows(server, documentId)).toEqual(before);
  expect(suggestionMarks(storedDoc(server, documentId))).toEqual({ [`insert:${id}`]: 'Graag: ' });
  // Plain writing beside the suggestion still works for the editor.
  const eddy = await connectAs(documentId, editor);
  paragraphText(eddy.doc, 0).delete(7, 4);
  await eventually(() => expect(paragraphs(storedDoc(server, documentId))).toEqual(['Graag: vragen twee ruimtes.']));
  expect(eddy.codes).toEqual([]);
});
