/**
 * Issue 6, crash safety: a document whose stored state does not load (a corrupt update row, a
 * half-readable one, a corrupt snapshot, an unreadable page of the database file) is refused
 * with close code 4503 and a log line naming the document, never served empty; and the stored
 * bytes stay exactly as they were, however often clients (one with edits of its own) knock.
 * `server/collab/loadDocument.test.ts` covers loading alone; this is the server end to end.
 */
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/protocol';
import { buildWorkshop, type Workshop } from '../helpers/apiClient';
import { openRawSocket, ProviderPool, recordCloseCodes, storedRows } from '../helpers/collab';
import { LEVEL } from '../helpers/logCapture';
import { eventually, waitForSync } from '../helpers/providers';
import { databaseFile, integrityCheck, readPage, tablePages, writeBytes } from '../helpers/sqliteFile';
import { makeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer';

const pool = new ProviderPool();
afterEach(() => pool.destroyAll());

/** Bytes Yjs cannot read as an update. */
const garbage = Buffer.from([1, 1, 1, 1, 200, 200, 200]);

/** A valid insert whose delete set claims five clients that are not there. */
function halfReadable(): Buffer {
  const source = new Y.Doc();
  source.getText('t').insert(0, 'half');
  const update = Y.encodeStateAsUpdate(source);
  update[update.length - 1] = 5;
  return Buffer.from(update);
}

/** Connects a raw socket and reports what the server sent before closing it. */
async function knock(server: TestServer, documentId: string, cookie: string | null) {
  const raw = await openRawSocket(server.origin, documentId, cookie);
  const { code, reason } = await raw.closed;
  return { code, reason, frames: raw.frames.length };
}

/** Writes `text` into the document with a real client, then waits until the room has unloaded (compacted). */
async function writeAndLeave(server: TestServer, workshop: Workshop, documentId: string, text: string): Promise<void> {
  const writer = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  writer.doc.getText('t').insert(0, text);
  await eventually(() => expect(storedRows(server, documentId).updates.length + (storedRows(server, documentId).snapshot ? 1 : 0)).toBeGreaterThan(0));
  pool.destroyAll();
  await eventually(() => expect(server.registry.roomCount()).toBe(0));
}

describe('a corrupt row', () => {
  let server: TestServer;
  let workshop: Workshop;
  beforeAll(async () => {
    server = await startTestServer();
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => server.stop());

  /** A log row written behind the server's back, as a damaged disk or a bad restore would leave it. */
  const appendRaw = (documentId: string, bytes: Uint8Array) =>
    void server.storage.sqlite.prepare('INSERT INTO document_updates (document_id, update_bytes, created_at) VALUES (?, ?, ?)').run(documentId, bytes, Date.now());

  const corruptions: { name: string; corrupt: (documentId: string) => void }[] = [
    { name: 'an update row Yjs cannot read', corrupt: (id) => appendRaw(id, garbage) },
    { name: 'a half-readable update row (valid insert, cut-off delete set)', corrupt: (id) => appendRaw(id, halfReadable()) },
    {
      name: 'a corrupt snapshot',
      corrupt: (id) => {
        const changed = server.storage.sqlite.prepare('UPDATE document_snapshots SET state = ? WHERE document_id = ?').run(garbage, id).changes;
        if (changed !== 1) throw new Error('the document has no snapshot to corrupt');
      },
    },
  ];

  test.each(corruptions)('$name: the document is refused with 4503 and a log line, never served empty, and its bytes stay untouched', async ({ corrupt }) => {
    const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Kapot', template: 'blank' });
    const documentId = created.body.id as string;
    await writeAndLeave(server, workshop, documentId, 'Dit stond er al.');
    corrupt(documentId);
    const before = storedRows(server, documentId);
    // A raw socket gets not one frame (no sync step, no empty document) before the close.
    expect(await knock(server, documentId, workshop.owner.cookie)).toEqual({ code: CloseCode.documentUnavailable, reason: 'document unavailable', frames: 0 });
    expect(server.log).toContainEqual(
      expect.objectContaining({
        level: LEVEL.error,
        msg: 'document refused: stored state does not load',
        document: documentId,
        user: expect.stringMatching(/\S+/),
        error: expect.stringMatching(new RegExp(`^document ${documentId} could not be loaded: .+$`)),
      }),
    );

    // A stock client with edits of its own is refused too; nothing it holds is written.
    const offline = new Y.Doc();
    offline.getText('t').insert(0, 'Offline geschreven, mag niets overschrijven.');
    const client = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin }, offline);
    const codes = recordCloseCodes(client.provider);
    await eventually(() => expect(codes).toContain(CloseCode.documentUnavailable));
    expect(client.provider.synced).toBe(false);
    pool.destroyAll();

    // Other ways in do not serve it empty either.
    const exported = await workshop.owner.get(`/api/documents/${documentId}/export?format=md`);
    expect(exported.status).toBeGreaterThanOrEqual(500);

    expect(storedRows(server, documentId)).toEqual(before);
    expect(server.registry.roomCount()).toBe(0);
  });
});

describe('an unreadable page of the database file', () => {
  const dataDir = makeDataDir();
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('refuses that document with 4503 and the SQLite error in the log, serves the others, and changes no byte of the damaged pages', async () => {
    // A snapshot larger than a page, so it lives on overflow pages of its own.
    let server = await startTestServer({ DATA_DIR: dataDir });
    const workshop = await buildWorkshop(server.origin);
    const big = Array.from({ length: 3_000 }, (_, i) => `regel ${i} ${((i * 7919) % 10007).toString(36)}`).join('\n');
    await writeAndLeave(server, workshop, workshop.documentId, big);
    const other = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Heel', template: 'blank' });
    await writeAndLeave(server, workshop, other.body.id, 'Dit document is gezond.');
    await server.stop();

    const { pageSize, pages } = tablePages(dataDir, 'document_snapshots', 'overflow');
    expect(pages.length).toBeGreaterThan(3);
    // Every overflow page's "next page" pointer now points far past the end of the file.
    for (const page of pages) writeBytes(dataDir, (page - 1) * pageSize, Buffer.from([0xff, 0xff, 0xff, 0xf0]));
    const damaged = pages.map((page) => readPage(dataDir, page, pageSize));
    expect(integrityCheck(dataDir)).not.toBe('ok');

    server = await startTestServer({ DATA_DIR: dataDir });
    try {
      expect(await knock(server, workshop.documentId, workshop.owner.cookie)).toEqual({ code: CloseCode.documentUnavailable, reason: 'document unavailable', frames: 0 });
      expect(server.log).toContainEqual(
        expect.objectContaining({ msg: 'document refused: stored state does not load', document: workshop.documentId, error: expect.stringMatching(/malformed/) }),
      );
      expect(await knock(server, workshop.documentId, workshop.owner.cookie)).toMatchObject({ code: CloseCode.documentUnavailable, frames: 0 });

      // The rest of the server is fine: the healthy document opens, the API answers.
      const healthy = pool.connect(other.body.id, { cookie: workshop.owner.cookie, origin: server.origin });
      await waitForSync(healthy.provider);
      expect(healthy.text()).toBe('Dit document is gezond.');
      pool.destroyAll();
      expect((await fetch(`${server.origin}/api/health`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(databaseFile(dataDir))).toBe(true);
    expect(pages.map((page) => readPage(dataDir, page, pageSize))).toEqual(damaged);
  });
});
