/**
 * Document leases and fenced appends, with two instances' storages on one real PostgreSQL: one
 * writer per document; an instance taken over while it stalled inserts nothing; a killed
 * holder's documents are taken over at once, without waiting for its lease to expire.
 */
import { afterEach, expect, it } from 'vitest';
import pg from 'pg';
import { createPostgresStorage } from '../../server/storage/postgres/createPostgresStorage';
import type { Storage, UpdateAuthor } from '../../server/storage/ports';
import { freshTestDatabase } from '../helpers/testDatabase';

const nobody: UpdateAuthor = { userId: null, partyId: null };
const entry = (value: number) => ({ update: new Uint8Array([value]), author: nobody });
const opened: Storage[] = [];
const clients: pg.Client[] = [];

afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close();
  for (const client of clients.splice(0)) await client.end();
});

/** Two instances on one fresh database, a document, and the tests' own connection to look. */
async function twoInstances() {
  const url = await freshTestDatabase();
  const a = await createPostgresStorage(url, { instanceId: 'a' });
  const b = await createPostgresStorage(url, { instanceId: 'b' });
  opened.push(a, b);
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  clients.push(sql);
  const user = await a.repos.users.create({ email: 'a@example.org', name: 'A', passwordHash: 'x' });
  const workspace = await a.repos.workspaces.create('W', user!.id);
  const doc = await a.repos.documents.create({ workspace_id: workspace.id, title: 'D', template: 'blank', created_by: user!.id });
  const storedBytes = async () => (await a.log.read(doc.id)).updates.map((row) => row.bytes[0]);
  const lease = async () => (await sql.query<{ instance_id: string; epoch: string }>('SELECT instance_id, epoch FROM document_leases WHERE document_id = $1', [doc.id])).rows[0];
  return { a, b, sql, documentId: doc.id, storedBytes, lease };
}

it('lets one instance write a document while its lease holds; the other is refused and stores nothing', async () => {
  const { a, b, documentId, storedBytes, lease } = await twoInstances();
  await a.log.append(documentId, [entry(1)]);
  expect((await lease())?.instance_id).toBe('a');
  await expect(b.log.append(documentId, [entry(2)])).rejects.toThrow(/held by another instance/);
  await expect(b.log.compact(documentId, new Uint8Array([9]), 1)).rejects.toThrow(/held by another instance/);
  expect(await storedBytes()).toEqual([1]);
});

it('fences an instance that was taken over while it stalled: its append with the old epoch inserts nothing', async () => {
  const { a, b, sql, documentId, storedBytes, lease } = await twoInstances();
  await a.log.append(documentId, [entry(1)]);
  const before = Number((await lease())!.epoch);
  // a stalls past its lease; b takes the document over with a new epoch.
  await sql.query('UPDATE document_leases SET expires_at = 0 WHERE document_id = $1', [documentId]);
  await b.log.append(documentId, [entry(2)]);
  expect((await lease())?.instance_id).toBe('b');
  expect(Number((await lease())!.epoch)).toBeGreaterThan(before);
  // a comes back and writes with the epoch it still holds.
  await expect(a.log.append(documentId, [entry(3), entry(4)])).rejects.toThrow(/taken over/);
  await expect(a.log.compact(documentId, new Uint8Array([9]), 2)).rejects.toThrow(/held by another instance/);
  expect(await storedBytes()).toEqual([1, 2]);
  expect((await lease())?.instance_id).toBe('b');
});

it('takes over a killed holder\'s document at once, its lease not yet expired', async () => {
  const { b, sql, documentId, storedBytes, a } = await twoInstances();
  await a.log.append(documentId, [entry(1)]);
  // What SIGKILL does to a's liveness connection: PostgreSQL ends its backend.
  await sql.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'werktafel liveness a'");
  await expect.poll(async () => b.log.append(documentId, [entry(2)]).then(() => 'stored', () => 'refused'), { timeout: 5_000 }).toBe('stored');
  expect(await storedBytes()).toEqual([1, 2]);
});

it('refuses an append from a holder whose state is behind the log: a room loaded before another instance wrote, then took the document over', async () => {
  const { a, b, sql, documentId, storedBytes } = await twoInstances();
  // a's room loads the document while it is empty (its state holds row 0)…
  const loadedByA = await a.log.read(documentId);
  const aHolds = loadedByA.updates.at(-1)?.id ?? 0;
  // …b claims it first and writes two rows, then its lease runs out.
  await b.log.append(documentId, [entry(1), entry(2)], 0);
  await sql.query('UPDATE document_leases SET expires_at = 0 WHERE document_id = $1', [documentId]);
  // a's first write takes the lease, but its state never saw rows 1 and 2: nothing is stored,
  // so a later compaction of a's state cannot drop them.
  await expect(a.log.append(documentId, [entry(3)], aHolds)).rejects.toThrow(/the log is at 2, the writer's state at 0/);
  expect(await storedBytes()).toEqual([1, 2]);
  // Reloaded, a writes after what it now holds.
  const reloaded = await a.log.read(documentId);
  expect(await a.log.append(documentId, [entry(3)], reloaded.updates.at(-1)!.id)).toBe(3);
  expect(await storedBytes()).toEqual([1, 2, 3]);
});

it('keeps a snapshot that is past what a compaction names: a stale holder cannot replace it with less', async () => {
  const { a, b, sql, documentId } = await twoInstances();
  await b.log.append(documentId, [entry(1), entry(2)], 0);
  await b.log.compact(documentId, new Uint8Array([2, 2]), 2);
  await sql.query('UPDATE document_leases SET expires_at = 0 WHERE document_id = $1', [documentId]);
  // a knew only row 1 (say it read before b's second append) and compacts what it holds.
  await a.log.compact(documentId, new Uint8Array([1]), 1);
  const log = await a.log.read(documentId);
  expect(log.snapshot).toEqual({ state: Buffer.from([2, 2]), uptoId: 2 });
});
