/**
 * The insert race of suggestion mode (issue 15): a commenter types an insertion, an editor
 * accepts it, and before the commenter's replica hears of it she types on right after it. Yjs
 * writes no mark for those characters (they carry her insertion by position), so they reach the
 * server as plain text. The server takes them as typed on after her own decided insertion and
 * moves them to a fresh suggestion of hers: her socket stays open and nothing she typed is
 * lost, while the accepted text stays accepted. The same characters from anyone else, or plain
 * text elsewhere, are still refused with 4424 and stored nowhere. Real server, real SQLite file,
 * stock y-websocket providers.
 */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { CloseCode } from '../../shared/collab/protocol';
import { addMember, buildWorkshop, type ApiClient, type Workshop } from '../helpers/apiClient';
import { openRawSocket, ProviderPool, recordCloseCodes, storedDoc, storedRows } from '../helpers/collab';
import { paragraphText } from '../helpers/comments';
import { appendParagraph } from '../helpers/documents';
import { syncUpdateFrame } from '../helpers/frames';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { newSuggestionId, paragraphs, suggestInsert, suggestionMarks } from '../helpers/suggestions';
import { sqlAll } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
let editor: ApiClient & { userId: string };
let commenter: ApiClient & { userId: string };
let otherCommenter: ApiClient & { userId: string };
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  editor = await addMember(workshop, server.origin, 'editor', 'Eddy');
  commenter = await addMember(workshop, server.origin, 'commenter', 'Cora');
  otherCommenter = await addMember(workshop, server.origin, 'commenter', 'Kees');
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

const SENTENCE = 'Wij vragen twee ruimtes.';

function suggestionRows(documentId: string) {
  return sqlAll<{ id: string; user_id: string; kind: string; status: string }>(
    server,
    'SELECT id, user_id, kind, status FROM suggestions WHERE document_id = ? ORDER BY created_at, id',
    documentId,
  );
}

async function connectAs(documentId: string, member: ApiClient) {
  const connected = pool.connect(documentId, { cookie: member.cookie, origin: server.origin });
  const codes = recordCloseCodes(connected.provider);
  await waitForSync(connected.provider);
  return { ...connected, codes };
}

/** A document with one sentence, an editor's replica, and Cora's insertion 'ook ' at 4, typed key by key. */
async function coraSuggested() {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Uitvraag', template: 'blank' });
  const documentId = created.body.id as string;
  const writer = await connectAs(documentId, editor);
  appendParagraph(writer.doc, SENTENCE);
  await eventually(() => expect(paragraphs(storedDoc(server, documentId))).toEqual([SENTENCE]));
  const cora = await connectAs(documentId, commenter);
  const x = newSuggestionId();
  for (const [offset, character] of [...'ook '].entries()) suggestInsert(paragraphText(cora.doc, 0), 4 + offset, character, x);
  await eventually(() => expect(suggestionMarks(writer.doc)).toEqual({ [`insert:${x}`]: 'ook ' }));
  await eventually(() => expect(suggestionRows(documentId)).toEqual([{ id: x, user_id: commenter.userId, kind: 'insert', status: 'open' }]));
  return { documentId, writer, cora, x };
}

/** The formatting of the character before `index`, as this replica shows it. */
function formattingBefore(text: Y.XmlText, index: number): Record<string, unknown> {
  let at = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (index - 1 < at + length) return { ...op.attributes };
    at += length;
  }
  return {};
}

/**
 * Types `words` at `index` key by key as the editor's Yjs binding does, each character with the
 * formatting of the one before it, and returns the updates it made: Yjs writes no format item
 * for them, so they carry the formatting by position only.
 */
function typeOn(doc: Y.Doc, index: number, words: string): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  doc.on('update', collect);
  const text = paragraphText(doc, 0);
  for (const [offset, character] of [...words].entries()) text.insert(index + offset, character, formattingBefore(text, index + offset));
  doc.off('update', collect);
  return updates;
}

const writesFormat = (update: Uint8Array) => Y.decodeUpdate(update).structs.some((struct) => struct instanceof Y.Item && struct.content instanceof Y.ContentFormat);

test('characters typed on after an own insertion that was accepted meanwhile become a fresh suggestion of the typist; the accepted text stays accepted', async () => {
  const { documentId, writer, cora, x } = await coraSuggested();

  // Cora's replica is held back: it does not hear of the acceptance before she types on.
  cora.provider.disconnect();
  const accepted = await editor.post(`/api/documents/${documentId}/suggestions/${x}/accept`);
  expect(accepted.status).toBe(200);
  await eventually(() => expect(suggestionMarks(writer.doc)).toEqual({}));
  expect(suggestionMarks(cora.doc)).toEqual({ [`insert:${x}`]: 'ook ' });
  const updates = typeOn(cora.doc, 8, 'nog ');
  expect(updates).toHaveLength(4);
  expect(updates.some(writesFormat)).toBe(false);
  expect(suggestionMarks(cora.doc)).toEqual({ [`insert:${x}`]: 'ook nog ' });
  cora.provider.connect();

  const expected = ['Wij ook nog vragen twee ruimtes.'];
  await eventually(() => {
    expect(cora.codes).not.toContain(CloseCode.suggestionsOnly);
    expect(suggestionRows(documentId).filter((row) => row.status === 'open')).toHaveLength(1);
  });
  const rows = suggestionRows(documentId);
  const fresh = rows.find((row) => row.id !== x)!;
  expect(rows).toEqual(
    expect.arrayContaining([
      { id: x, user_id: commenter.userId, kind: 'insert', status: 'accepted' },
      { id: fresh.id, user_id: commenter.userId, kind: 'insert', status: 'open' },
    ]),
  );
  expect(rows).toHaveLength(2);
  // Only what she typed on is the fresh suggestion: the accepted words stay unmarked.
  const marks = { [`insert:${fresh.id}`]: 'nog ' };
  for (const doc of [writer.doc, cora.doc]) {
    await eventually(() => {
      expect(paragraphs(doc)).toEqual(expected);
      expect(suggestionMarks(doc)).toEqual(marks);
    });
  }
  await eventually(() => {
    const stored = storedDoc(server, documentId);
    expect(paragraphs(stored)).toEqual(expected);
    expect(suggestionMarks(stored)).toEqual(marks);
  });
  const later = await connectAs(documentId, workshop.owner);
  expect(paragraphs(later.doc)).toEqual(expected);
  expect(suggestionMarks(later.doc)).toEqual(marks);
  // Her socket was never refused and is open: she goes on typing in her fresh suggestion.
  expect(cora.codes).not.toContain(CloseCode.suggestionsOnly);
  expect(cora.codes).not.toContain(CloseCode.suggestionForged);
  expect(cora.provider.wsconnected).toBe(true);
  suggestInsert(paragraphText(cora.doc, 0), 12, 'al ', fresh.id);
  await eventually(() => expect(suggestionMarks(storedDoc(server, documentId))).toEqual({ [`insert:${fresh.id}`]: 'nog al ' }));
  expect(cora.codes).not.toContain(CloseCode.suggestionsOnly);
});

test('characters typed on after an own insertion that was rejected meanwhile become a fresh suggestion of the typist', async () => {
  const { documentId, writer, cora, x } = await coraSuggested();
  cora.provider.disconnect();
  expect((await editor.post(`/api/documents/${documentId}/suggestions/${x}/reject`)).status).toBe(200);
  await eventually(() => expect(paragraphs(writer.doc)).toEqual([SENTENCE]));
  expect(typeOn(cora.doc, 8, 'nog ').some(writesFormat)).toBe(false);
  cora.provider.connect();

  await eventually(() => {
    expect(cora.codes).not.toContain(CloseCode.suggestionsOnly);
    expect(suggestionRows(documentId).filter((row) => row.status === 'open')).toHaveLength(1);
  });
  const fresh = suggestionRows(documentId).find((row) => row.status === 'open')!;
  expect(fresh).toMatchObject({ user_id: commenter.userId, kind: 'insert' });
  const expected = ['Wij nog vragen twee ruimtes.'];
  const marks = { [`insert:${fresh.id}`]: 'nog ' };
  for (const doc of [writer.doc, cora.doc]) {
    await eventually(() => {
      expect(paragraphs(doc)).toEqual(expected);
      expect(suggestionMarks(doc)).toEqual(marks);
    });
  }
  await eventually(() => expect(suggestionMarks(storedDoc(server, documentId))).toEqual(marks));
  expect(paragraphs(storedDoc(server, documentId))).toEqual(expected);
  expect(cora.codes).not.toContain(CloseCode.suggestionsOnly);
});

test("the same characters typed after another person's accepted insertion, and a raw plain insertion elsewhere, are refused with 4424 and stored nowhere", async () => {
  const { documentId, writer, cora, x } = await coraSuggested();
  // Kees saw Cora's insertion before it was accepted, and types on after it as if it were his.
  const kees = await connectAs(documentId, otherCommenter);
  await eventually(() => expect(suggestionMarks(kees.doc)).toEqual({ [`insert:${x}`]: 'ook ' }));
  kees.provider.disconnect();
  expect((await editor.post(`/api/documents/${documentId}/suggestions/${x}/accept`)).status).toBe(200);
  await eventually(() => expect(suggestionMarks(storedDoc(server, documentId))).toEqual({}));
  await eventually(() => expect(suggestionMarks(cora.doc)).toEqual({}));
  const before = storedRows(server, documentId);
  expect(typeOn(kees.doc, 8, 'niet ').some(writesFormat)).toBe(false);
  kees.provider.connect();
  await eventually(() => expect(kees.codes).toContain(CloseCode.suggestionsOnly));

  // Cora, from a raw socket, writes plain text at the start of the sentence (not after her own words).
  const base = storedDoc(server, documentId);
  const forger = new Y.Doc();
  Y.applyUpdate(forger, Y.encodeStateAsUpdate(base));
  paragraphText(forger, 0).insert(0, 'GEWOON ');
  const raw = await openRawSocket(server.origin, documentId, commenter.cookie);
  raw.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(forger, Y.encodeStateVector(base))));
  expect((await raw.closed).code).toBe(CloseCode.suggestionsOnly);

  expect(storedRows(server, documentId)).toEqual(before);
  const expected = ['Wij ook vragen twee ruimtes.'];
  expect(paragraphs(storedDoc(server, documentId))).toEqual(expected);
  expect(paragraphs(writer.doc)).toEqual(expected);
  expect(suggestionMarks(writer.doc)).toEqual({});
  expect(suggestionRows(documentId)).toEqual([{ id: x, user_id: commenter.userId, kind: 'insert', status: 'accepted' }]);
});
