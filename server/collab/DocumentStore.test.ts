import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { openDatabase, type Db } from '../db/database';
import { createRepos, type Repos } from '../db/repos';
import { DocumentLoadError, DocumentStore } from './DocumentStore';

let dataDir: string;
let db: Db;
let repos: Repos;
let store: DocumentStore;
let documentId: string;
let author: { userId: string; partyId: string | null };

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'werktafel-store-'));
  db = openDatabase(dataDir);
  repos = createRepos(db);
  store = new DocumentStore(repos.documentUpdates);
  const user = repos.users.create({ email: 'bram@example.nl', name: 'Bram', passwordHash: 'x' })!;
  const workspace = repos.workspaces.create('Proef', user.id);
  documentId = repos.documents.create({ workspace_id: workspace.id, title: 'Plan', template: 'blank', created_by: user.id }).id;
  author = { userId: user.id, partyId: null };
});
afterEach(() => {
  db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A client document whose every change is appended to the store, like the room does. */
function writer(): Y.Doc {
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => store.append(documentId, update, author));
  return doc;
}

const stateOf = (doc: Y.Doc) => ({
  text: doc.getText('t').toString(),
  map: doc.getMap('m').toJSON(),
  stateVector: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(),
});

function storedBytes() {
  const snapshot = repos.documentUpdates.snapshot(documentId);
  return {
    snapshot: snapshot ? { upto: snapshot.upto_id, hex: Buffer.from(snapshot.state).toString('hex') } : null,
    updates: repos.documentUpdates.updatesAfter(documentId, 0).map((r) => [r.id, Buffer.from(r.update_bytes).toString('hex')]),
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
  test('an unknown or empty document loads empty', () => {
    const loaded = store.load(documentId);
    expect(loaded.doc.getText('t').toString()).toBe('');
    expect(loaded.lastUpdateId).toBe(0);
    expect(loaded.logLength).toBe(0);
  });

  test('appended updates, from two clients with deletions, load back to the same state', () => {
    const a = writer();
    const b = writer();
    a.getText('t').insert(0, 'Gemeente en bewoners ');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    b.getText('t').insert(b.getText('t').length, 'schrijven samen.');
    a.getText('t').delete(0, 9);
    a.getMap('m').set('status', 'concept');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    const ids = repos.documentUpdates.updatesAfter(documentId, 0).map((r) => r.id);
    const loaded = store.load(documentId);
    expect(stateOf(loaded.doc)).toEqual(stateOf(a));
    expect(loaded.doc.getText('t').toString()).toBe('en bewoners schrijven samen.');
    expect(loaded.lastUpdateId).toBe(ids.at(-1));
    expect(loaded.logLength).toBe(ids.length);
  });

  test('append returns increasing row ids and records the author', () => {
    const first = store.append(documentId, Y.encodeStateAsUpdate(new Y.Doc()), author);
    const second = store.append(documentId, Y.encodeStateAsUpdate(new Y.Doc()), { userId: null, partyId: null });
    expect(second).toBeGreaterThan(first);
    const rows = db.prepare('SELECT id, user_id FROM document_updates ORDER BY id').all();
    expect(rows).toEqual([
      { id: first, user_id: author.userId },
      { id: second, user_id: null },
    ]);
  });
});

describe('compaction', () => {
  test('the state after compaction equals the state before; the log is emptied; later appends still load', () => {
    const client = writer();
    for (let i = 0; i < 20; i++) client.getText('t').insert(client.getText('t').length, `${i},`);
    client.getText('t').delete(0, 4);
    const before = store.load(documentId);
    expect(before.logLength).toBe(21);

    store.compact(documentId, Y.encodeStateAsUpdate(before.doc), before.lastUpdateId);

    expect(repos.documentUpdates.logLength(documentId)).toBe(0);
    expect(repos.documentUpdates.snapshot(documentId)!.upto_id).toBe(before.lastUpdateId);
    const after = store.load(documentId);
    expect(stateOf(after.doc)).toEqual(stateOf(before.doc));
    expect(after.logLength).toBe(0);
    expect(after.lastUpdateId).toBe(before.lastUpdateId);

    client.getText('t').insert(0, 'daarna:');
    const later = store.load(documentId);
    expect(later.logLength).toBe(1);
    expect(stateOf(later.doc)).toEqual(stateOf(client));
    expect(later.doc.getText('t').toString()).toMatch(/^daarna:2,3,.*19,$/);
  });

  test('rows appended after the compacted id stay in the log and are applied on top of the snapshot', () => {
    const client = writer();
    client.getText('t').insert(0, 'een ');
    const upTo = store.load(documentId);
    client.getText('t').insert(4, 'twee');
    store.compact(documentId, Y.encodeStateAsUpdate(upTo.doc), upTo.lastUpdateId);

    expect(repos.documentUpdates.logLength(documentId)).toBe(1);
    const loaded = store.load(documentId);
    expect(loaded.doc.getText('t').toString()).toBe('een twee');
    expect(loaded.logLength).toBe(1);
  });

  test('compacting twice keeps the state', () => {
    const client = writer();
    client.getText('t').insert(0, 'eerst');
    const one = store.load(documentId);
    store.compact(documentId, Y.encodeStateAsUpdate(one.doc), one.lastUpdateId);
    client.getText('t').insert(5, ' en dan');
    const two = store.load(documentId);
    store.compact(documentId, Y.encodeStateAsUpdate(two.doc), two.lastUpdateId);
    expect(store.load(documentId).doc.getText('t').toString()).toBe('eerst en dan');
    expect(repos.documentUpdates.logLength(documentId)).toBe(0);
  });
});

describe('corrupt storage', () => {
  test.each([
    ['unreadable', garbage],
    ['half-readable (valid insert, cut-off delete set)', halfValid()],
  ])('an %s log row makes load throw DocumentLoadError and leaves every stored byte as it was', (_kind, corrupt) => {
    const client = writer();
    client.getText('t').insert(0, 'goed');
    store.append(documentId, corrupt, author);
    client.getText('t').insert(4, ' en nog meer');
    const before = storedBytes();

    expect(() => store.load(documentId)).toThrow(DocumentLoadError);
    expect(() => store.load(documentId)).toThrow(expect.objectContaining({ documentId }));
    expect(storedBytes()).toEqual(before);
  });

  test('a corrupt snapshot makes load throw DocumentLoadError and leaves every stored byte as it was', () => {
    const client = writer();
    client.getText('t').insert(0, 'voor de snapshot');
    const loaded = store.load(documentId);
    store.compact(documentId, garbage, loaded.lastUpdateId);
    client.getText('t').insert(0, 'erna ');
    const before = storedBytes();

    expect(() => store.load(documentId)).toThrow(DocumentLoadError);
    expect(storedBytes()).toEqual(before);
  });
});
