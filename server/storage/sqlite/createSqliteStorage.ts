/** The embedded engine: one SQLite file in DATA_DIR, WAL, for the document log and every repository. */
import { singleInstanceBus } from '../../cluster/ClusterBus';
import { singleInstanceOwnership } from '../../cluster/DocumentOwnership';
import { Kysely, SqliteDialect, type SqliteDatabase as SqliteDialectDatabase } from 'kysely';
import type { Storage } from '../ports';
import { createRepos } from '../repositories';
import type { Tables } from '../schema';
import { openSqlite, type OpenSqliteOptions, type SqliteDatabase } from './openSqlite';
import { createSqliteDocumentLog } from './SqliteDocumentLog';
import { lockDataDir } from './dataDirLock';
import { migrations } from './migrations';

export interface SqliteStorage extends Storage {
  /** The open file, for tests and maintenance scripts that look at SQLite itself. */
  readonly sqlite: SqliteDatabase;
}

export interface SqliteStorageOptions extends OpenSqliteOptions {
  /**
   * Hold the data directory for as long as the storage is open (`dataDirLock.ts`): the server
   * does, so that a second one refuses to start; tools that only look at the file do not.
   */
  holdDataDir?: boolean;
}

/** Distinct statements kept; the repositories' queries are a few hundred shapes at most. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query it runs anew, and preparing costs more than running a short
 * query (found profiling the protocol fuzz: a sixth of the server's CPU). Its queries are the
 * same few shapes over and over, so each statement is prepared once and kept.
 */
function withStatementCache(db: SqliteDatabase): SqliteDialectDatabase {
  const cache = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        statement = db.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

export function createSqliteStorage(dataDir: string, options: SqliteStorageOptions = {}): SqliteStorage {
  // Taken before the database is opened: a second server must not even run the migrations.
  const lock = options.holdDataDir ? lockDataDir(dataDir) : null;
  let sqlite: SqliteDatabase;
  try {
    sqlite = openSqlite(dataDir, options);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    sqlite,
    log: createSqliteDocumentLog(sqlite),
    // One process holds the data directory: there are no other instances to tell.
    bus: singleInstanceBus(),
    ownership: singleInstanceOwnership(),
    repos: createRepos(kysely),
    ping: async () => void sqlite.prepare('SELECT 1').get(),
    migrations: async () => ({ applied: sqlite.pragma('user_version', { simple: true }) as number, known: migrations.length }),
    async close() {
      // Kysely's destroy closes the better-sqlite3 connection it was given.
      await kysely.destroy();
      lock?.release();
    },
  };
}
