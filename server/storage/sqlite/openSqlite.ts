/** Opens the embedded SQLite database file and brings its schema up to date. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations as releasedMigrations } from './migrations';
import { migrationsBudgets } from './migrationsBudgets';

export type SqliteDatabase = Database.Database;

// The budgets' steps run after the released ones until they are spliced into migrations.ts.
const migrations = [...releasedMigrations, ...migrationsBudgets];

export interface OpenSqliteOptions {
  synchronous?: 'NORMAL' | 'FULL';
}

export const databaseFileName = 'werktafel.db';

export function openSqlite(dataDir: string, options: OpenSqliteOptions = {}): SqliteDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, databaseFileName));
  // WAL + NORMAL: a committed transaction survives a process crash (kill -9); FULL also
  // survives power loss at the cost of an fsync per commit.
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
