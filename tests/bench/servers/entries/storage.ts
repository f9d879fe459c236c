/**
 * Seeds stored documents into, and reads them back out of, each server's own storage while the
 * server is stopped: ours (its SQLite snapshot and update log, through the server's own
 * document log; on PostgreSQL in SQL, see oursPostgres.ts, with the database URL as location), Hocuspocus B1 (the Database extension's table) and y-websocket A1 (LevelDB
 * through y-leveldb, the package the reference server uses). A separate process so that the
 * LevelDB lock and the CommonJS copy of Yjs that y-leveldb loads never enter the harness.
 *
 * Usage: storage.ts seed-state|seed-log|read-text <kind> <location> <docName> <file>
 * (read-text writes `{ textLength, keys }` as JSON to <file>).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import Sqlite from 'better-sqlite3';
import * as Y from 'yjs';
import { loadDocument } from '../../../../server/collab/loadDocument';
import { createSqliteStorage } from '../../../../server/storage/sqlite/createSqliteStorage';
import { beaconKeysInText } from '../../protocol/beacon';
import { readUpdatesFile } from '../../fixtures/documents';
import { TEXT_NAME } from '../../protocol/textUpdates';
import { readTextPostgres, seedLogPostgres, seedStatePostgres } from './oursPostgres';

type Op = 'seed-state' | 'seed-log' | 'read-text';
type Kind = 'ours' | 'ours-postgres' | 'hocuspocus-sqlite' | 'leveldb';

interface LeveldbDoc {
  getText(name: string): { toString(): string };
}
interface LeveldbPersistence {
  storeUpdate(docName: string, update: Uint8Array): Promise<unknown>;
  clearDocument(docName: string): Promise<void>;
  getYDoc(docName: string): Promise<LeveldbDoc>;
  destroy(): Promise<void>;
}

const [op, kind, location, docName, file] = process.argv.slice(2) as [Op, Kind, string, string, string];

function leveldb(): LeveldbPersistence {
  const require = createRequire(import.meta.url);
  const { LeveldbPersistence } = require('y-leveldb') as { LeveldbPersistence: new (dir: string) => LeveldbPersistence };
  return new LeveldbPersistence(location);
}

function hocuspocusDb(): Sqlite.Database {
  const db = new Sqlite(location);
  db.pragma('journal_mode = WAL');
  // Same schema as entries/hocuspocus.ts creates.
  db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
  return db;
}

/** Ours: forget whatever an earlier sample left (a snapshot from compaction, log rows). */
function clearOurs(db: Sqlite.Database): void {
  db.prepare('DELETE FROM document_updates WHERE document_id = ?').run(docName);
  db.prepare('DELETE FROM document_snapshots WHERE document_id = ?').run(docName);
}

async function seedState(state: Uint8Array): Promise<void> {
  if (kind === 'ours-postgres') {
    await seedStatePostgres(location, docName, state);
  } else if (kind === 'ours') {
    const storage = createSqliteStorage(location);
    clearOurs(storage.sqlite);
    // A snapshot covering no log rows: what compaction leaves behind.
    await storage.log.compact(docName, state, 0);
    await storage.close();
  } else if (kind === 'hocuspocus-sqlite') {
    const db = hocuspocusDb();
    db.prepare('INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data').run(docName, state);
    db.close();
  } else {
    const ldb = leveldb();
    await ldb.clearDocument(docName);
    await ldb.storeUpdate(docName, state);
    await ldb.destroy();
  }
}

async function seedLog(updates: Uint8Array[]): Promise<void> {
  if (kind === 'ours-postgres') {
    await seedLogPostgres(location, docName, updates);
  } else if (kind === 'ours') {
    const storage = createSqliteStorage(location);
    clearOurs(storage.sqlite);
    await storage.log.append(docName, updates.map((update) => ({ update, author: { userId: null, partyId: null } })));
    await storage.close();
  } else if (kind === 'leveldb') {
    const ldb = leveldb();
    await ldb.clearDocument(docName);
    for (const update of updates) await ldb.storeUpdate(docName, update);
    await ldb.destroy();
  } else {
    throw new Error('Hocuspocus stores one merged state per document: there is no log to seed');
  }
}

async function readText(): Promise<string> {
  if (kind === 'ours-postgres') return readTextPostgres(location, docName);
  if (kind === 'ours') {
    const storage = createSqliteStorage(location);
    const loaded = await loadDocument(storage.log, docName);
    const text = loaded.doc.getText(TEXT_NAME).toString();
    await storage.close();
    return text;
  }
  if (kind === 'hocuspocus-sqlite') {
    const db = hocuspocusDb();
    const row = db.prepare<[string], { data: Buffer }>('SELECT data FROM documents WHERE name = ?').get(docName);
    db.close();
    const doc = new Y.Doc();
    if (row) Y.applyUpdate(doc, row.data);
    return doc.getText(TEXT_NAME).toString();
  }
  const ldb = leveldb();
  const doc = await ldb.getYDoc(docName);
  const text = doc.getText(TEXT_NAME).toString();
  await ldb.destroy();
  return text;
}

if (op === 'seed-state') await seedState(fs.readFileSync(file));
else if (op === 'seed-log') await seedLog(readUpdatesFile(file));
else if (op === 'read-text') {
  const text = await readText();
  fs.writeFileSync(file, JSON.stringify({ textLength: text.length, keys: [...beaconKeysInText(text)] }));
} else throw new Error(`unknown op ${op}`);
