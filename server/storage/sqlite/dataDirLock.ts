/**
 * One server per data directory. Two processes on one database each believe they own the
 * document log (each compacts, each relays only its own clients' updates), which corrupted it.
 *
 * The lock is an exclusive SQLite lock on a file of its own (`werktafel.lock`), held from start
 * until the process closes it or dies: SQLite takes it with an fcntl lock, which the operating
 * system drops when the process ends in any way, kill -9 included, so a stale
 * lock never needs clearing by hand. A pid file would outlive its process and could name a pid
 * that has since been reused. The database itself cannot carry the lock: the backup reads it
 * while the server runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const lockFileName = 'werktafel.lock';

/** True for the lock file and the journal SQLite keeps next to it. */
export function isLockFile(name: string): boolean {
  return name === lockFileName || name.startsWith(`${lockFileName}-`);
}

export class DataDirInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `${dataDir} is in use by another werktafel process (it holds ${path.join(dataDir, lockFileName)}). ` +
        'Stop that server first, or give this one another DATA_DIR.',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  release(): void;
}

/** Takes the data directory (creating it if needed), or throws `DataDirInUseError` at once. */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  // timeout 0: a held lock is an answer, not something to wait for.
  const db = new Database(path.join(dataDir, lockFileName), { timeout: 0 });
  try {
    // In exclusive mode SQLite keeps every lock it takes until the connection closes; the first
    // write takes the exclusive one. The row only says who, for a person looking at the file.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)');
    db.transaction(() => {
      db.exec('DELETE FROM holder');
      db.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, new Date().toISOString());
    })();
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new DataDirInUseError(dataDir);
    throw error;
  }
  return { release: () => db.close() };
}
