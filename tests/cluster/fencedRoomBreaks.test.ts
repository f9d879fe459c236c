/**
 * A server whose document lease was taken over relays nothing more: its next append inserts
 * nothing (fenced), the room breaks, every connection closes with 4500, and the edit reaches
 * neither the other client nor the log. Real server on PostgreSQL, real providers; the takeover
 * is played by the test holding the lease and the liveness lock of an instance of its own.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import pg from 'pg';
import { CloseCode } from '../../shared/collab/protocol';
import { LIVENESS_LOCK_CLASS } from '../../server/storage/postgres/DocumentLeases';
import { buildWorkshop } from '../helpers/apiClient';
import { ProviderPool, recordCloseCodes, storedText } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let other: pg.Client;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  other = new pg.Client({ connectionString: server.databaseUrl! });
  await other.connect();
  // "elders" is alive for as long as this connection holds its liveness lock.
  await other.query('SELECT pg_advisory_lock($1, hashtext($2))', [LIVENESS_LOCK_CLASS, 'elders']);
});
afterEach(() => pool.destroyAll());
afterAll(async () => {
  await other?.end();
  await server?.stop();
});

// Recovery waits on the provider's reconnect cycles, slow on a loaded machine: a longer limit.
test('after another instance took the document over, an edit is relayed to nobody and stored nowhere', { timeout: 90_000 }, async () => {
  const { owner, documentId } = await buildWorkshop(server.origin);
  const writer = pool.connect(documentId, { cookie: owner.cookie, origin: server.origin });
  const reader = pool.connect(documentId, { cookie: owner.cookie, origin: server.origin });
  await Promise.all([waitForSync(writer.provider), waitForSync(reader.provider)]);
  writer.doc.getText('t').insert(0, 'eerst');
  await eventually(() => expect(reader.text()).toBe('eerst'));
  await eventually(() => expect(storedText(server, documentId)).toBe('eerst'));

  const taken = await other.query(
    "UPDATE document_leases SET instance_id = 'elders', epoch = nextval('document_lease_epochs'), expires_at = $2 WHERE document_id = $1",
    [documentId, Date.now() + 60 * 60 * 1000],
  );
  expect(taken.rowCount).toBe(1);
  const readerCodes = recordCloseCodes(reader.provider);
  const seenByReader: string[] = [];
  reader.doc.getText('t').observe(() => seenByReader.push(reader.text()));

  writer.doc.getText('t').insert(5, ' NA DE OVERNAME');
  await eventually(() => expect(readerCodes).toContain(CloseCode.storageFailed));
  expect(seenByReader).toEqual([]);
  expect(storedText(server, documentId)).toBe('eerst');

  // While "elders" lives and holds the lease, reconnecting changes nothing; once it is gone,
  // the server takes the document back and the writer's edit, sent again, is stored.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(storedText(server, documentId)).toBe('eerst');
  await other.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LIVENESS_LOCK_CLASS, 'elders']);
  await eventually(() => expect(storedText(server, documentId)).toBe('eerst NA DE OVERNAME'), 30_000);
  await eventually(() => expect(reader.text()).toBe('eerst NA DE OVERNAME'), 30_000);
});
