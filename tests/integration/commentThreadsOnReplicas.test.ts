/**
 * A comment thread's highlight is a `comment` mark only the server writes: a commenter starts a
 * thread through the API and every replica (and the stored document) shows the mark; a mark a
 * client writes is reverted everywhere; typing inside a commented range stays inside it;
 * deleting the text detaches the thread with its quote, undo re-anchors it; a restore loses no
 * thread. Real server, real SQLite file, stock y-websocket providers.
 */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, type ApiClient, type Workshop } from '../helpers/apiClient';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { commentMarks, paragraphText, rangeAnchor } from '../helpers/comments';
import { appendParagraph, blockElement } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
let editor: ApiClient & { userId: string };
let commenter: ApiClient & { userId: string };
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  editor = await addMember(workshop, server.origin, 'editor', 'Eddy');
  commenter = await addMember(workshop, server.origin, 'commenter', 'Cora');
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

async function newDocument(...paragraphs: string[]) {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Uitvraag', template: 'blank' });
  const documentId = created.body.id as string;
  const writer = pool.connect(documentId, { cookie: editor.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  for (const text of paragraphs) appendParagraph(writer.doc, text);
  await eventually(() => expect(storedDoc(server, documentId).getXmlFragment('default').length).toBeGreaterThanOrEqual(paragraphs.length));
  return { documentId, writer };
}

async function threadOf(documentId: string, threadId: string) {
  const list = await workshop.owner.get(`/api/documents/${documentId}/threads`);
  expect(list.status).toBe(200);
  return (list.body as { id: string; anchored: boolean; quote: string }[]).find((t) => t.id === threadId)!;
}

test('a commenter starts a thread and every replica and the stored document show the mark', async () => {
  const { documentId, writer } = await newDocument('Wij vragen een omzet van twee miljoen.');
  const reader = pool.connect(documentId, { cookie: commenter.cookie, origin: server.origin });
  await waitForSync(reader.provider);
  const anchor = rangeAnchor(paragraphText(reader.doc, 0), 11, 29);
  const started = await commenter.post(`/api/documents/${documentId}/threads`, { anchor, body: 'Dit sluit kleine partijen uit.' });
  expect(started.status).toBe(201);
  const threadId = started.body.id as string;
  expect(started.body).toMatchObject({ quote: 'een omzet van twee', anchored: true, status: 'open', author: { name: 'Cora' } });
  for (const doc of [writer.doc, reader.doc]) await eventually(() => expect(commentMarks(doc)).toEqual({ [threadId]: 'een omzet van twee' }));
  expect(commentMarks(storedDoc(server, documentId))).toEqual({ [threadId]: 'een omzet van twee' });
  // The thread is listed with its first comment.
  const listed = await commenter.get(`/api/documents/${documentId}/threads?status=open`);
  expect(listed.body).toHaveLength(1);
  expect(listed.body[0].comments.map((c: { body: string }) => c.body)).toEqual(['Dit sluit kleine partijen uit.']);
  expect((await commenter.get(`/api/documents/${documentId}/threads?status=resolved`)).body).toEqual([]);
});

test("a comment mark a client writes is reverted on every replica and in the stored document", async () => {
  const { documentId, writer } = await newDocument('Eerste alinea over de opgave.', 'Tweede alinea.');
  const watcher = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(watcher.provider);
  const real = await commenter.post(`/api/documents/${documentId}/threads`, { anchor: rangeAnchor(paragraphText(writer.doc, 0), 0, 6), body: 'Echt.' });
  expect(real.status).toBe(201);
  await eventually(() => expect(commentMarks(writer.doc)).toEqual({ [real.body.id]: 'Eerste' }));

  // The editor forges a mark of its own, and one re-using the real thread's id on other words.
  paragraphText(writer.doc, 1).format(0, 6, { comment: { threadId: 'vervalst' } });
  paragraphText(writer.doc, 0).format(7, 7, { comment: { threadId: real.body.id } });
  // And takes the real mark off by writing over it.
  paragraphText(writer.doc, 0).format(0, 3, { comment: null });
  for (const doc of [writer.doc, watcher.doc]) await eventually(() => expect(commentMarks(doc)).toEqual({ [real.body.id]: 'Eerste' }));
  await eventually(() => expect(commentMarks(storedDoc(server, documentId))).toEqual({ [real.body.id]: 'Eerste' }));
  // The text itself is untouched.
  expect(paragraphText(storedDoc(server, documentId), 1).toString()).toContain('Tweede alinea.');
});

test('text typed concurrently inside a commented range stays inside it and converges', async () => {
  const { documentId, writer } = await newDocument('De gemeente betaalt de huur.');
  const second = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(second.provider);
  const started = await commenter.post(`/api/documents/${documentId}/threads`, { anchor: rangeAnchor(paragraphText(writer.doc, 0), 3, 20), body: 'Welke gemeente?' });
  const threadId = started.body.id as string;
  for (const doc of [writer.doc, second.doc]) await eventually(() => expect(commentMarks(doc)[threadId]).toBe('gemeente betaalt '));

  // Both type inside the range at once, with the range's formatting (as the editor does).
  const attrs = { comment: { threadId } };
  paragraphText(writer.doc, 0).insert(11, ' Noord', attrs);
  paragraphText(second.doc, 0).insert(11, ' Zuid', attrs);
  await eventually(() => {
    const texts = [writer.doc, second.doc, storedDoc(server, documentId)].map((doc) => commentMarks(doc)[threadId]);
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toMatch(/^gemeente( Noord| Zuid){2} betaalt $/);
  });
  expect((await threadOf(documentId, threadId)).anchored).toBe(true);
});

test('deleting the commented text detaches the thread with its quote; undo brings the mark back', async () => {
  const { documentId, writer } = await newDocument('Geen ANBI-status vereist.');
  const watcher = pool.connect(documentId, { cookie: commenter.cookie, origin: server.origin });
  await waitForSync(watcher.provider);
  const started = await commenter.post(`/api/documents/${documentId}/threads`, { anchor: rangeAnchor(paragraphText(writer.doc, 0), 5, 15), body: 'Goed zo.' });
  const threadId = started.body.id as string;
  await eventually(() => expect(commentMarks(writer.doc)[threadId]).toBe('ANBI-statu'));

  const undo = new Y.UndoManager(writer.doc.getXmlFragment('default'));
  paragraphText(writer.doc, 0).delete(0, 25);
  await eventually(() => expect(commentMarks(storedDoc(server, documentId))).toEqual({}));
  const detached = await threadOf(documentId, threadId);
  expect(detached).toMatchObject({ anchored: false, quote: 'ANBI-statu' });

  undo.undo();
  for (const doc of [writer.doc, watcher.doc]) await eventually(() => expect(commentMarks(doc)).toEqual({ [threadId]: 'ANBI-statu' }));
  await eventually(() => expect(commentMarks(storedDoc(server, documentId))).toEqual({ [threadId]: 'ANBI-statu' }));
  expect((await threadOf(documentId, threadId)).anchored).toBe(true);
});

test('restoring a version loses no thread: unchanged text stays anchored, the rest is detached with its quote', async () => {
  const { documentId, writer } = await newDocument('Alinea die blijft.', 'Alinea die verandert.');
  const version = await editor.post(`/api/documents/${documentId}/versions`, { label: 'Voor de opmerkingen' });
  expect(version.status).toBe(201);
  const kept = (await commenter.post(`/api/documents/${documentId}/threads`, { anchor: rangeAnchor(paragraphText(writer.doc, 0), 0, 6), body: 'Blijft.' })).body.id as string;
  const changed = (await commenter.post(`/api/documents/${documentId}/threads`, { anchor: rangeAnchor(paragraphText(writer.doc, 1), 11, 21), body: 'Verandert.' })).body.id as string;
  await eventually(() => expect(Object.keys(commentMarks(writer.doc)).sort()).toEqual([kept, changed].sort()));
  paragraphText(writer.doc, 1).insert(0, 'Nieuw: ');
  await eventually(() => expect(paragraphText(storedDoc(server, documentId), 1).toString()).toContain('Nieuw: '));

  const restored = await editor.post(`/api/documents/${documentId}/versions/${version.body.id}/restore`);
  expect(restored.status).toBe(200);
  await eventually(() => expect(commentMarks(writer.doc)).toEqual({ [kept]: 'Alinea' }));
  expect(commentMarks(storedDoc(server, documentId))).toEqual({ [kept]: 'Alinea' });
  const threads = await workshop.owner.get(`/api/documents/${documentId}/threads`);
  expect(threads.body.map((t: { id: string; anchored: boolean; quote: string }) => [t.id, t.anchored, t.quote])).toEqual([
    [kept, true, 'Alinea'],
    [changed, false, 'verandert.'],
  ]);
});

test('a thread on a block marks all of its text on every replica; an unknown block is 404', async () => {
  const { documentId, writer } = await newDocument();
  const fragment = writer.doc.getXmlFragment('default');
  fragment.insert(fragment.length, [blockElement('action', { id: 'actie-1', status: 'open', funding: 'unknown' }, 'Buurthuis openen')]);
  await eventually(() => expect(storedDoc(server, documentId).getXmlFragment('default').toString()).toContain('actie-1'));
  const started = await commenter.post(`/api/documents/${documentId}/threads`, { anchor: { blockId: 'actie-1' }, body: 'Wie trekt dit?' });
  expect(started.status).toBe(201);
  expect(started.body.quote).toBe('Buurthuis openen');
  await eventually(() => expect(commentMarks(writer.doc)).toEqual({ [started.body.id]: 'Buurthuis openen' }));
  expect(commentMarks(storedDoc(server, documentId))).toEqual({ [started.body.id]: 'Buurthuis openen' });
  const missing = await commenter.post(`/api/documents/${documentId}/threads`, { anchor: { blockId: 'bestaat-niet' }, body: 'Hm' });
  expect(missing.status).toBe(404);
  expect(missing.body.error.code).toBe('anchor_missing');
});
