/** The embedded engine: one SQLite file in DATA_DIR, WAL, for the document log and every repository. */
import { Kysely, SqliteDialect } from 'kysely';
import type { Storage } from '../ports';
import { createRepos } from '../repositories';
import type { Tables } from '../schema';
import { openSqlite, type OpenSqliteOptions, type SqliteDatabase } from './openSqlite';
import { createSqliteDocumentLog } from './SqliteDocumentLog';

export interface SqliteStorage extends Storage {
  /** The open file, for tests and maintenance scripts that look at SQLite itself. */
  readonly sqlite: SqliteDatabase;
}

export function createSqliteStorage(dataDir: string, options: OpenSqliteOptions = {}): SqliteStorage {
  const sqlite = openSqlite(dataDir, options);
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    sqlite,
    log: createSqliteDocumentLog(sqlite),
    repos: createRepos(kysely),
    ping: async () => void sqlite.prepare('SELECT 1').get(),
    // Kysely's destroy closes the better-sqlite3 connection it was given.
    close: () => kysely.destroy(),
  };
}
