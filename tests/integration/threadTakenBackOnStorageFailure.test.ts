/**
 * A thread whose comment mark cannot be stored is taken back: the request fails, no thread,
 * comment or notification is left behind, and a retry once storage works makes exactly one
 * thread whose mark every replica shows.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DocumentLog } from '../../server/storage/ports';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { commentMarks, paragraphText, rangeAnchor } from '../helpers/comments';
import { appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlGet } from '../helpers/testSql';

/** The real log, whose appends fail while `failing` is set (a full disk, a lost database). */
function failingLog(inner: DocumentLog, state: { failing: boolean }): DocumentLog {
  return {
    read: (documentId) => inner.read(documentId),
    compact: (documentId, snapshot, uptoId) => inner.compact(documentId, snapshot, uptoId),
    documentsWithLog: () => inner.documentsWithLog(),
    append: async (documentId, entries, afterId) => {
      if (state.failing) throw new Error('disk full');
      return inner.append(documentId, entries, afterId);
    },
  };
}

const storage = { failing: false };
let server: TestServer;
let workshop: Workshop;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer({}, { wrapDocumentLog: (inner) => failingLog(inner, storage) });
  workshop = await buildWorkshop(server.origin);
});
afterAll(async () => {
  pool.destroyAll();
  await server.stop();
});

const count = (table: string) => sqlGet<{ n: number }>(server, `SELECT count(*) AS n FROM ${table}`)!.n;

test('a mark that could not be stored leaves no thread, and the retry makes one', async () => {
  const commenter = await addMember(workshop, server.origin, 'commenter', 'Cora');
  const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  appendParagraph(writer.doc, 'Een bedrag per deelnemer per dag.');
  await eventually(() => expect(storedDoc(server, workshop.documentId).getXmlFragment('default').length).toBeGreaterThan(0));
  const anchor = rangeAnchor(paragraphText(writer.doc, 0), 4, 10);
  const path = `/api/documents/${workshop.documentId}/threads`;

  storage.failing = true;
  const failed = await commenter.post(path, { anchor, body: 'Welk bedrag? @[Eigenaar](user:' + workshop.owner.userId + ')' });
  expect(failed.status).toBeGreaterThanOrEqual(500);
  expect(count('comment_threads')).toBe(0);
  expect(count('comments')).toBe(0);
  expect(count('comment_notifications')).toBe(0);
  storage.failing = false;

  // The room broke with the failed write; the writer reconnects and the retry goes through.
  await eventually(() => expect(server.registry.roomCount()).toBe(0));
  const retried = await commenter.post(path, { anchor, body: 'Welk bedrag?' });
  expect(retried.status).toBe(201);
  expect(count('comment_threads')).toBe(1);
  const reader = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(reader.provider);
  await eventually(() => expect(commentMarks(reader.doc)).toEqual({ [retried.body.id]: 'bedrag' }));
  expect(Object.keys(commentMarks(storedDoc(server, workshop.documentId)))).toEqual([retried.body.id]);
});
