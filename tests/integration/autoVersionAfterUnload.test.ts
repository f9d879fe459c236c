/**
 * The automatic version a room takes when everyone has left is stored after the room has gone
 * (its hash may queue on a busy worker, and a reopen must not wait for it), but never lost:
 * shutting down waits for it. A document over the inline-hash size makes the hash a worker's job.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { buildWorkshop } from '../helpers/apiClient';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { makeDataDir, startTestServer } from '../helpers/startTestServer';

const pool = new ProviderPool();
afterEach(() => pool.destroyAll());

test('a version started as the last person leaves is stored before the server has shut down', async () => {
  const dataDir = makeDataDir();
  // No quiet spell ends during the test: the only automatic version is the one taken at unload.
  const server = await startTestServer({ DATA_DIR: dataDir, AUTO_VERSION_QUIET_MS: '600000' });
  try {
    const { owner, documentId } = await buildWorkshop(server.origin);
    const writer = pool.connect(documentId, { cookie: owner.cookie, origin: server.origin });
    await waitForSync(writer.provider);
    const long = 'Een alinea die lang genoeg is om het document groot te maken. '.repeat(40);
    writer.doc.transact(() => {
      for (let i = 0; i < 150; i += 1) appendParagraph(writer.doc, `${i} ${long}`);
    });
    appendParagraph(writer.doc, 'Laatste woorden');
    await eventually(() => {
      const stored = storedDoc(server, documentId);
      try {
        expect(stored.getXmlFragment(DOCUMENT_FRAGMENT).toString()).toContain('Laatste woorden');
      } finally {
        stored.destroy();
      }
    });
    // The server stops as the last person leaves: the room unloads on the way down.
    pool.destroyAll();
    await server.stop();

    const db = new Database(`${dataDir}/werktafel.db`, { readonly: true });
    try {
      const versions = db.prepare("SELECT state, content_hash FROM document_versions WHERE document_id = ? AND kind = 'auto'").all(documentId) as { state: Buffer; content_hash: string | null }[];
      expect(versions).toHaveLength(1);
      expect(versions[0]!.state.byteLength).toBeGreaterThan(256 * 1024);
      expect(versions[0]!.state.toString('latin1')).toContain('Laatste woorden');
      // Hashed on the worker before the pool closed, so the next version can tell it is a duplicate.
      expect(versions[0]!.content_hash).toMatch(/\S/);
    } finally {
      db.close();
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
