/**
 * A suggestion whose text is gone is withdrawn (issue 15): the suggester who deletes all of
 * their proposed words, or takes their removal mark off again, leaves nothing to decide, and the
 * server marks it `withdrawn` (not open, not decided by anyone) after the update that did it. It
 * leaves the list, the workspace hears `suggestions`, a decision is 409, and it stays so after a
 * restart. Half of the text gone keeps it open. An editor who deletes the text of someone's
 * suggestion withdraws it too; nobody else can (the write filter refuses their attempt). The
 * suggester's redo of the withdrawn id becomes a fresh suggestion. Real server, real SQLite
 * file, stock y-websocket providers.
 */
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/protocol';
import { addMember, ApiClient, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool, recordCloseCodes, storedDoc } from '../helpers/collab';
import { paragraphText } from '../helpers/comments';
import { appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { openEventStream } from '../helpers/sse';
import { makeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer';
import { newSuggestionId, paragraphs, suggestDelete, suggestInsert, suggestionMarks } from '../helpers/suggestions';
import { sqlAll, sqlGet } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
let editor: ApiClient & { userId: string };
let commenter: ApiClient & { userId: string };
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  ({ workshop, editor, commenter } = await people(server));
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

async function people(on: TestServer) {
  const built = await buildWorkshop(on.origin);
  return { workshop: built, editor: await addMember(built, on.origin, 'editor', 'Eddy'), commenter: await addMember(built, on.origin, 'commenter', 'Cora') };
}

/** A document with one paragraph, the editor's replica and Cora's (a commenter: suggestion mode). */
async function newDocument(on = server, who = { workshop, editor, commenter }, words = 'Wij vragen twee ruimtes.') {
  const created = await who.workshop.owner.post(`/api/workspaces/${who.workshop.workspaceId}/documents`, { title: 'Uitvraag', template: 'blank' });
  const documentId = created.body.id as string;
  const writer = pool.connect(documentId, { cookie: who.editor.cookie, origin: on.origin });
  await waitForSync(writer.provider);
  appendParagraph(writer.doc, words);
  await eventually(() => expect(paragraphs(storedDoc(on, documentId))).toEqual([words]));
  const cora = pool.connect(documentId, { cookie: who.commenter.cookie, origin: on.origin });
  await waitForSync(cora.provider);
  return { documentId, writer, cora };
}

function statusOf(on: TestServer, documentId: string, id: string) {
  return sqlGet<{ status: string; user_id: string; decided_by: string | null }>(on, 'SELECT status, user_id, decided_by FROM suggestions WHERE document_id = ? AND id = ?', documentId, id);
}

async function recorded(on: TestServer, documentId: string, id: string) {
  await eventually(() => expect(statusOf(on, documentId, id)?.status).toBe('open'));
}

async function withdrawn(on: TestServer, documentId: string, id: string) {
  await eventually(() => expect(statusOf(on, documentId, id)).toMatchObject({ status: 'withdrawn', decided_by: null }));
}

const listed = async (client: ApiClient, documentId: string) => ((await client.get(`/api/documents/${documentId}/suggestions`)).body as { id: string }[]).map((s) => s.id);

test('deleting all of her own proposed words withdraws the suggestion: out of the list, announced, no longer decidable', async () => {
  const stream = await openEventStream(server.origin, `/api/workspaces/${workshop.workspaceId}/events`, editor.cookie);
  try {
    const { documentId, cora } = await newDocument();
    const count = () => stream.events.filter((event) => event === 'suggestions').length;
    const id = newSuggestionId();
    suggestInsert(paragraphText(cora.doc, 0), 11, 'ten minste ', id);
    await recorded(server, documentId, id);
    await eventually(() => expect(count()).toBe(1));
    expect(await listed(editor, documentId)).toEqual([id]);

    // Backspace over it, in three strokes (each its own update).
    for (const length of [4, 4, 3]) paragraphText(cora.doc, 0).delete(11, length);
    await withdrawn(server, documentId, id);
    expect(statusOf(server, documentId, id)!.user_id).toBe(commenter.userId);
    await eventually(() => expect(count()).toBe(2));
    expect(await listed(editor, documentId)).toEqual([]);
    expect(paragraphs(storedDoc(server, documentId))).toEqual(['Wij vragen twee ruimtes.']);

    for (const decision of ['accept', 'reject']) {
      const answer = await editor.post(`/api/documents/${documentId}/suggestions/${id}/${decision}`);
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('suggestion_decided');
    }
    expect(statusOf(server, documentId, id)!.status).toBe('withdrawn');
    expect((await editor.post(`/api/documents/${documentId}/suggestions/decide`, { decision: 'accept', userId: commenter.userId })).body.decided).toEqual([]);
  } finally {
    stream.close();
  }
});

test('taking her removal mark off again withdraws the removal', async () => {
  const { documentId, cora } = await newDocument();
  const id = newSuggestionId();
  suggestDelete(paragraphText(cora.doc, 0), 11, 5, id);
  await recorded(server, documentId, id);
  paragraphText(cora.doc, 0).format(11, 5, { suggestionDelete: null });
  await withdrawn(server, documentId, id);
  expect(suggestionMarks(storedDoc(server, documentId))).toEqual({});
  expect(await listed(editor, documentId)).toEqual([]);
});

test('a suggestion with some of its text left stays open', async () => {
  const { documentId, cora } = await newDocument();
  const partly = newSuggestionId();
  const removal = newSuggestionId();
  const wholly = newSuggestionId();
  suggestInsert(paragraphText(cora.doc, 0), 0, 'Ja: ', partly);
  suggestDelete(paragraphText(cora.doc, 0), 15, 5, removal);
  await recorded(server, documentId, partly);
  await recorded(server, documentId, removal);
  // "Ja" deleted, and the mark taken off "tw": ": " and "ee " are left.
  paragraphText(cora.doc, 0).delete(0, 2);
  paragraphText(cora.doc, 0).format(13, 2, { suggestionDelete: null });
  // A later suggestion taken back wholly: once it is withdrawn, the checks after the partial ones have run.
  suggestInsert(paragraphText(cora.doc, 0), 0, 'Nou ', wholly);
  await recorded(server, documentId, wholly);
  paragraphText(cora.doc, 0).delete(0, 4);
  await withdrawn(server, documentId, wholly);
  expect(statusOf(server, documentId, partly)!.status).toBe('open');
  expect(statusOf(server, documentId, removal)!.status).toBe('open');
  expect(suggestionMarks(storedDoc(server, documentId))).toEqual({ [`insert:${partly}`]: ': ', [`delete:${removal}`]: 'ee ' });
  expect((await listed(editor, documentId)).sort()).toEqual([partly, removal].sort());
});

test("an editor who deletes the text of someone's suggestion withdraws it; decided by nobody", async () => {
  const { documentId, writer, cora } = await newDocument();
  const added = newSuggestionId();
  const removed = newSuggestionId();
  suggestInsert(paragraphText(cora.doc, 0), 0, 'Graag: ', added);
  suggestDelete(paragraphText(cora.doc, 0), 18, 5, removed);
  await recorded(server, documentId, added);
  await recorded(server, documentId, removed);
  await eventually(() => expect(suggestionMarks(writer.doc)).toEqual({ [`insert:${added}`]: 'Graag: ', [`delete:${removed}`]: 'twee ' }));
  // The words she proposed to remove are gone because he deleted them, not because anyone
  // accepted her proposal: withdrawn, as for any suggestion whose text went.
  paragraphText(writer.doc, 0).delete(18, 5);
  await withdrawn(server, documentId, removed);
  expect(statusOf(server, documentId, added)!.status).toBe('open');
  paragraphText(writer.doc, 0).delete(0, 7);
  await withdrawn(server, documentId, added);
  expect(paragraphs(storedDoc(server, documentId))).toEqual(['Wij vragen ruimtes.']);
});

test('nobody else can take her suggestion away: the write filter refuses, and it stays open', async () => {
  const { documentId, writer, cora } = await newDocument();
  const added = newSuggestionId();
  const removed = newSuggestionId();
  suggestInsert(paragraphText(cora.doc, 0), 0, 'Graag: ', added);
  suggestDelete(paragraphText(cora.doc, 0), 18, 5, removed);
  await recorded(server, documentId, added);
  await recorded(server, documentId, removed);

  // Another commenter deletes her proposed words; then tries to take her removal mark off.
  const dirk = await addMember(workshop, server.origin, 'commenter', 'Dirk');
  for (const attempt of [(text: Y.XmlText) => text.delete(0, 7), (text: Y.XmlText) => text.format(18, 5, { suggestionDelete: null })]) {
    const his = pool.connect(documentId, { cookie: dirk.cookie, origin: server.origin });
    await waitForSync(his.provider);
    const codes = recordCloseCodes(his.provider);
    attempt(paragraphText(his.doc, 0));
    await eventually(() => expect(codes.some((code) => code === CloseCode.suggestionsOnly || code === CloseCode.suggestionForged)).toBe(true));
    his.provider.destroy();
  }
  // An editor may delete text, but not take another person's removal mark off the text that stays.
  const editorCodes = recordCloseCodes(writer.provider);
  paragraphText(writer.doc, 0).format(18, 5, { suggestionDelete: null });
  await eventually(() => expect(editorCodes).toContain(CloseCode.suggestionForged));

  // Her own later suggestion, taken back, is withdrawn: every check before it has run.
  const later = newSuggestionId();
  suggestInsert(paragraphText(cora.doc, 0), 0, 'X', later);
  await recorded(server, documentId, later);
  paragraphText(cora.doc, 0).delete(0, 1);
  await withdrawn(server, documentId, later);
  expect(statusOf(server, documentId, added)!.status).toBe('open');
  expect(statusOf(server, documentId, removed)!.status).toBe('open');
  expect(suggestionMarks(storedDoc(server, documentId))).toEqual({ [`insert:${added}`]: 'Graag: ', [`delete:${removed}`]: 'twee ' });
  expect((await listed(editor, documentId)).sort()).toEqual([added, removed].sort());
});

test('her redo writes the withdrawn id again: the words become a fresh suggestion of hers, the withdrawn one stays withdrawn', async () => {
  const { documentId, writer, cora } = await newDocument();
  const id = newSuggestionId();
  suggestInsert(paragraphText(cora.doc, 0), 11, 'ten minste ', id);
  await recorded(server, documentId, id);
  paragraphText(cora.doc, 0).delete(11, 11);
  await withdrawn(server, documentId, id);

  const codes = recordCloseCodes(cora.provider);
  suggestInsert(paragraphText(cora.doc, 0), 11, 'ten minste ', id);
  await eventually(() => expect(sqlAll(server, "SELECT id FROM suggestions WHERE document_id = ? AND status = 'open'", documentId)).toHaveLength(1));
  const [fresh] = sqlAll<{ id: string; user_id: string; kind: string }>(server, "SELECT id, user_id, kind FROM suggestions WHERE document_id = ? AND status = 'open'", documentId);
  expect(fresh).toMatchObject({ user_id: commenter.userId, kind: 'insert' });
  expect(fresh!.id).not.toBe(id);
  expect(statusOf(server, documentId, id)!.status).toBe('withdrawn');
  for (const doc of [writer.doc, cora.doc]) await eventually(() => expect(suggestionMarks(doc)).toEqual({ [`insert:${fresh!.id}`]: 'ten minste ' }));
  expect(codes).toEqual([]);
  expect(await listed(editor, documentId)).toEqual([fresh!.id]);
});

test('a withdrawal is kept across a restart of the server', async () => {
  const dataDir = makeDataDir();
  try {
    const before = await startTestServer({ DATA_DIR: dataDir });
    const who = await people(before);
    const { documentId, cora } = await newDocument(before, who);
    const id = newSuggestionId();
    suggestInsert(paragraphText(cora.doc, 0), 0, 'Ja. ', id);
    await recorded(before, documentId, id);
    paragraphText(cora.doc, 0).delete(0, 4);
    await withdrawn(before, documentId, id);
    pool.destroyAll();
    await before.stop();

    const after = await startTestServer({ DATA_DIR: dataDir });
    try {
      const editorAfter = Object.assign(new ApiClient(after.origin), { cookie: who.editor.cookie });
      // The room loads again: nothing about the suggestion changes on load.
      const reader = pool.connect(documentId, { cookie: who.editor.cookie, origin: after.origin });
      await waitForSync(reader.provider);
      expect(statusOf(after, documentId, id)).toMatchObject({ status: 'withdrawn', decided_by: null });
      expect(await listed(editorAfter, documentId)).toEqual([]);
      expect((await editorAfter.post(`/api/documents/${documentId}/suggestions/${id}/accept`)).status).toBe(409);
    } finally {
      pool.destroyAll();
      await after.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("an editor who deletes someone's proposed words and undoes it brings the suggestion back: open again, still hers, his socket stays open", async () => {
  const { documentId, writer, cora } = await newDocument();
  const codes = recordCloseCodes(writer.provider);
  const id = newSuggestionId();
  suggestInsert(paragraphText(cora.doc, 0), 4, 'ook ', id);
  await recorded(server, documentId, id);
  await eventually(() => expect(suggestionMarks(writer.doc)).toEqual({ [`insert:${id}`]: 'ook ' }));
  // His ordinary editor's undo (Yjs's UndoManager, as Collaboration's undo is).
  const undo = new Y.UndoManager(paragraphText(writer.doc, 0));
  paragraphText(writer.doc, 0).delete(4, 4);
  await withdrawn(server, documentId, id);
  expect(await listed(editor, documentId)).toEqual([]);
  undo.undo();
  await eventually(() => expect(statusOf(server, documentId, id)).toMatchObject({ status: 'open', user_id: commenter.userId, decided_by: null }));
  expect(await listed(editor, documentId)).toEqual([id]);
  await eventually(() => expect(suggestionMarks(storedDoc(server, documentId))).toEqual({ [`insert:${id}`]: 'ook ' }));
  expect(suggestionMarks(cora.doc)).toEqual({ [`insert:${id}`]: 'ook ' });
  expect(codes).toEqual([]);
  // And it can be decided again.
  expect((await editor.post(`/api/documents/${documentId}/suggestions/${id}/accept`)).status).toBe(200);
});
