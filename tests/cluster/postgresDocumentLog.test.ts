/**
 * The PostgreSQL document log and migrations against a real PostgreSQL: per-document numbering
 * in commit order, numbering that never restarts below a snapshot, atomic compaction, and
 * instances that start together.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresStorage } from '../../server/storage/postgres/createPostgresStorage';
import type { Storage, UpdateAuthor } from '../../server/storage/ports';
import { freshTestDatabase } from '../helpers/testDatabase';

const nobody: UpdateAuthor = { userId: null, partyId: null };
const bytes = (...values: number[]) => new Uint8Array(values);
const opened: Storage[] = [];
let instances = 0;

async function open(url?: string): Promise<Storage> {
  const storage = await createPostgresStorage(url ?? (await freshTestDatabase()), { instanceId: `test-${++instances}` });
  opened.push(storage);
  return storage;
}

/** A user, workspace and documents for the log rows to belong to. */
async function documents(storage: Storage, count: number): Promise<string[]> {
  const user = await storage.repos.users.create({ email: `${Math.random()}@example.org`, name: 'A', passwordHash: 'x' });
  const workspace = await storage.repos.workspaces.create('W', user!.id);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await storage.repos.documents.create({ workspace_id: workspace.id, title: `D${i}`, template: 'blank', created_by: user!.id })).id);
  return ids;
}

afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close();
});

describe('PostgreSQL document log', () => {
  it('numbers each document\'s rows 1, 2, 3… on its own and reads them back as bytes', async () => {
    const storage = await open();
    const [a, b] = await documents(storage, 2);
    expect(await storage.log.append(a!, [{ update: bytes(1), author: nobody }, { update: bytes(2), author: nobody }])).toBe(2);
    expect(await storage.log.append(b!, [{ update: bytes(9), author: nobody }])).toBe(1);
    expect(await storage.log.append(a!, [{ update: bytes(3, 4), author: nobody }])).toBe(3);
    const log = await storage.log.read(a!);
    expect(log.snapshot).toBeNull();
    expect(log.updates.map((row) => [row.id, [...row.bytes]])).toEqual([[1, [1]], [2, [2]], [3, [3, 4]]]);
    expect(log.updates[0]!.bytes).toBeInstanceOf(Uint8Array);
    expect((await storage.log.documentsWithLog()).sort()).toEqual([a, b].sort());
  });

  it('keeps numbering after a compaction that dropped every row', async () => {
    const storage = await open();
    const [doc] = await documents(storage, 1);
    await storage.log.append(doc!, [{ update: bytes(1), author: nobody }, { update: bytes(2), author: nobody }]);
    await storage.log.compact(doc!, bytes(7, 7), 2);
    expect(await storage.log.append(doc!, [{ update: bytes(3), author: nobody }])).toBe(3);
    const log = await storage.log.read(doc!);
    expect(log.snapshot).toEqual({ state: Buffer.from([7, 7]), uptoId: 2 });
    expect(typeof log.snapshot!.uptoId).toBe('number');
    expect(log.updates.map((row) => row.id)).toEqual([3]);
  });

  it('gives appends racing on one document distinct numbers in commit order', async () => {
    const storage = await open();
    const [doc] = await documents(storage, 1);
    const lastIds = await Promise.all(Array.from({ length: 20 }, (_, i) => storage.log.append(doc!, [{ update: bytes(i), author: nobody }, { update: bytes(i), author: nobody }])));
    expect([...lastIds].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => 2 * (i + 1)));
    const ids = (await storage.log.read(doc!)).updates.map((row) => row.id);
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('returns counts and times as numbers', async () => {
    const storage = await open();
    const [doc] = await documents(storage, 1);
    const row = await storage.repos.documents.findById(doc!);
    expect(typeof row!.created_at).toBe('number');
    const user = await storage.repos.users.findById(row!.created_by);
    expect(await storage.repos.members.ownerCount((await storage.repos.workspaces.listForUser(user!.id))[0]!.id)).toBe(1);
  });
});

describe('PostgreSQL migrations', () => {
  it('run once when several instances start together', async () => {
    const url = await freshTestDatabase();
    const storages = await Promise.all([open(url), open(url), open(url)]);
    for (const storage of storages) {
      const { applied, known } = await storage.migrations();
      expect(applied).toBe(known);
      await storage.ping();
    }
  });
});
