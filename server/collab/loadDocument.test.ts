import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { DocumentLog, UpdateAuthor } from '../storage/ports';
import { createSqliteStorage, type SqliteStorage } from '../storage/sqlite/createSqliteStorage';
import { DocumentLoadError, loadDocument } from './loadDocument';

let dataDir: string;
let storage: SqliteStorage;
let db: SqliteStorage['sqlite'];
let log: DocumentLog;
let documentId: string;
let author: UpdateAuthor;
/** Appends started by writers; awaited before anything reads the log. */
let appending: Promise<number>[];

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'werktafel-store-'));
  storage = createSqliteStorage(dataDir);
  db = storage.sqlite;
  log = storage.log;
  appending = [];
  const user = (await storage.repos.users.create({ email: 'bram@example.nl', name: 'Bram', passwordHash: 'x' }))!;
  const workspace = await storage.repos.workspaces.create('Proef', user.id);
  documentId = (await storage.repos.documents.create({ workspace_id: workspace.id, title: 'Plan', template: 'blank', created_by: user.id })).id;
  author = { userId: user.id, partyId: null };
});
afterEach(async () => {
  await storage.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const append = (update: Uint8Array, by: UpdateAuthor = author) => log.append(documentId, [{ update, author: by }]);

/** A client document whose every change is appended to the log, like the room does. */
function writer(): Y.Doc {
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => appending.push(append(update)));
  return doc;
}

async function load() {
  await Promise.all(appending);
  return loadDocument(log, documentId);
}

const logLength = () => (db.prepare('SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?').get(documentId) as { n: number }).n;
const snapshotUpTo = () => (db.prepare('SELECT upto_id FROM document_snapshots WHERE document_id = ?').get(documentId) as { upto_id: number } | undefined)?.upto_id;
const updateIds = () => (db.prepare('SELECT id FROM document_updates WHERE document_id = ? ORDER BY id').all(documentId) as { id: number }[]).map((r) => r.id);

const stateOf = (doc: Y.Doc) => ({
  text: doc.getText('t').toString(),
  map: doc.getMap('m').toJSON(),
  stateVector: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(),
});

function storedBytes() {
  const snapshot = db.prepare('SELECT upto_id, state FROM document_snapshots WHERE document_id = ?').get(documentId) as { upto_id: number; state: Buffer } | undefined;
  const rows = db.prepare('SELECT id, update_bytes FROM document_updates WHERE document_id = ? ORDER BY id').all(documentId) as { id: number; update_bytes: Buffer }[];
  return {
    snapshot: snapshot ? { upto: snapshot.upto_id, hex: Buffer.from(snapshot.state).toString('hex') } : null,
    updates: rows.map((r) => [r.id, Buffer.from(r.update_bytes).toString('hex')]),
  };
}

/** Bytes Yjs cannot read: `Y.applyUpdate` throws "Unexpected end of array". */
const garbage = new Uint8Array([1, 1, 1, 1, 200, 200, 200]);

/** A valid insert whose delete set is cut off: Yjs integrates the insert, then throws. */
function halfValid(): Uint8Array {
  const source = new Y.Doc();
  source.getText('t').insert(0, 'half');
  const update = Y.encodeStateAsUpdate(source);
  update[update.length - 1] = 5;
  return update;
}

describe('append and load', () => {
  test('an unknown or empty document loads empty', async () => {
    const loaded = (await load());
    expect(loaded.doc.getText('t').toString()).toBe('');
    expect(loaded.lastUpdateId).toBe(0);
    expect(loaded.logLength).toBe(0);
  });

  test('appended updates, from two clients with deletions, load back to the same state', async () => {
    const a = writer();
    const b = writer();
    a.getText('t').insert(0, 'Gemeente en bewoners ');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    b.getText('t').insert(b.getText('t').length, 'schrijven samen.');
    a.getText('t').delete(0, 9);
    a.getMap('m').set('status', 'concept');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    const ids = updateIds();
    const loaded = (await load());
    expect(stateOf(loaded.doc)).toEqual(stateOf(a));
    expect(loaded.doc.getText('t').toString()).toBe('en bewoners schrijven samen.');
    expect(loaded.lastUpdateId).toBe(ids.at(-1));
    expect(loaded.logLength).toBe(ids.length);
  });

  test('append returns increasing row ids and records the author', async () => {
    const first = await append(Y.encodeStateAsUpdate(new Y.Doc()));
    const second = await append(Y.encodeStateAsUpdate(new Y.Doc()), { userId: null, partyId: null });
    expect(second).toBeGreaterThan(first);
    const rows = db.prepare('SELECT id, user_id FROM document_updates ORDER BY id').all();
    expect(rows).toEqual([
      { id: first, user_id: author.userId },
      { id: second, user_id: null },
    ]);
  });
});

describe('compaction', () => {
  test('the state after compaction equals the state before; the log is emptied; later appends still load', async () => {
    const client = writer();
    for (let i = 0; i < 20; i++) client.getText('t').insert(client.getText('t').length, `${i},`);
    client.getText('t').delete(0, 4);
    const before = (await load());
    expect(before.logLength).toBe(21);

    await log.compact(documentId, Y.encodeStateAsUpdate(before.doc), before.lastUpdateId);

    expect(logLength()).toBe(0);
    expect(snapshotUpTo()).toBe(before.lastUpdateId);
    const after = (await load());
    expect(stateOf(after.doc)).toEqual(stateOf(before.doc));
    expect(after.logLength).toBe(0);
    expect(after.lastUpdateId).toBe(before.lastUpdateId);

    client.getText('t').insert(0, 'daarna:');
    const later = (await load());
    expect(later.logLength).toBe(1);
    expect(stateOf(later.doc)).toEqual(stateOf(client));
    expect(later.doc.getText('t').toString()).toMatch(/^daarna:2,3,.*19,$/);
  });

  test('rows appended after the compacted id stay in the log and are applied on top of the snapshot', async () => {
    const client = writer();
    client.getText('t').insert(0, 'een ');
    const upTo = (await load());
    client.getText('t').insert(4, 'twee');
    await log.compact(documentId, Y.encodeStateAsUpdate(upTo.doc), upTo.lastUpdateId);

    expect(logLength()).toBe(1);
    const loaded = (await load());
    expect(loaded.doc.getText('t').toString()).toBe('een twee');
    expect(loaded.logLength).toBe(1);
  });

  test('a deleted suggestionInsert format item keeps its value through load and compaction; other deleted items are emptied', async () => {
    const client = writer();
    const text = client.getText('t');
    text.insert(0, 'Wij vragen.');
    text.insert(4, 'graag ', { suggestionInsert: { suggestionId: 'x' }, bold: true });
    // As an acceptance does: the marks come off, their format items are deleted.
    text.format(4, 6, { suggestionInsert: null, bold: null });
    text.delete(0, 4);
    const deletedContents = (doc: Y.Doc) => {
      const found: unknown[] = [];
      for (let item = doc.getText('t')._start; item !== null; item = item.right) {
        if (!item.deleted) continue;
        found.push(item.content instanceof Y.ContentFormat ? [item.content.key, item.content.value] : item.content.constructor.name);
      }
      return found;
    };
    const kept = [['suggestionInsert', { suggestionId: 'x' }], ['suggestionInsert', null]];
    const loaded = await load();
    expect(deletedContents(loaded.doc).filter((content) => content !== 'ContentDeleted')).toEqual(kept);
    expect(deletedContents(loaded.doc)).toContain('ContentDeleted');
    await log.compact(documentId, Y.encodeStateAsUpdate(loaded.doc), loaded.lastUpdateId);
    expect(deletedContents((await load()).doc).filter((content) => content !== 'ContentDeleted')).toEqual(kept);
  });

  test('compacting twice keeps the state', async () => {
    const client = writer();
    client.getText('t').insert(0, 'eerst');
    const one = (await load());
    await log.compact(documentId, Y.encodeStateAsUpdate(one.doc), one.lastUpdateId);
    client.getText('t').insert(5, ' en dan');
    const two = (await load());
    await log.compact(documentId, Y.encodeStateAsUpdate(two.doc), two.lastUpdateId);
    expect((await load()).doc.getText('t').toString()).toBe('eerst en dan');
    expect(logLength()).toBe(0);
  });
});

describe('corrupt storage', () => {
  test.each([
    ['unreadable', garbage],
    ['half-readable (valid insert, cut-off delete set)', halfValid()],
  ])('an %s log row makes load throw DocumentLoadError and leaves every stored byte as it was', async (_kind, corrupt) => {
    const client = writer();
    client.getText('t').insert(0, 'goed');
    appending.push(append(corrupt));
    client.getText('t').insert(4, ' en nog meer');
    await Promise.all(appending);
    const before = storedBytes();

    await expect(load()).rejects.toThrow(DocumentLoadError);
    await expect(load()).rejects.toThrow(expect.objectContaining({ documentId }));
    expect(storedBytes()).toEqual(before);
  });

  test('a corrupt snapshot makes load throw DocumentLoadError and leaves every stored byte as it was', async () => {
    const client = writer();
    client.getText('t').insert(0, 'voor de snapshot');
    const loaded = (await load());
    await log.compact(documentId, garbage, loaded.lastUpdateId);
    client.getText('t').insert(0, 'erna ');
    await Promise.all(appending);
    const before = storedBytes();

    await expect(load()).rejects.toThrow(DocumentLoadError);
    expect(storedBytes()).toEqual(before);
  });
});

describe('a writer whose state is behind the log', () => {
  test('is refused and stores nothing; after a reload it appends', async () => {
    const loaded = await log.read(documentId);
    const holds = loaded.updates.at(-1)?.id ?? loaded.snapshot?.uptoId ?? 0;
    const first = await log.append(documentId, [{ update: new Uint8Array([1]), author }], holds);
    await expect(log.append(documentId, [{ update: new Uint8Array([2]), author }], holds)).rejects.toThrow(/nothing was stored/);
    expect((await log.read(documentId)).updates.map((row) => row.id)).toEqual([first]);
    expect(await log.append(documentId, [{ update: new Uint8Array([3]), author }], first)).toBeGreaterThan(first);
  });

  test('cannot replace a snapshot that holds more than its compaction names', async () => {
    const one = await log.append(documentId, [{ update: new Uint8Array([1]), author }]);
    const two = await log.append(documentId, [{ update: new Uint8Array([2]), author }]);
    await log.compact(documentId, new Uint8Array([2, 2]), two);
    await log.compact(documentId, new Uint8Array([1]), one);
    expect((await log.read(documentId)).snapshot).toEqual({ state: Buffer.from([2, 2]), uptoId: two });
  });
});
