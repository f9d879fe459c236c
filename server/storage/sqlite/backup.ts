/**
 * Backup and restore of the embedded database, for `npm run backup` and `npm run restore`.
 * A backup is a consistent online copy made with SQLite's backup API (pages are copied under a
 * read transaction, so concurrent writes neither block nor tear it), integrity-checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isLockFile, lockDataDir, lockFileName } from './dataDirLock';
import { databaseFileName } from './openSqlite';

function integrityOf(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** Copies the database of `dataDir` to `target`; throws when there is none or the copy is unsound. */
export async function backupSqlite(dataDir: string, target: string): Promise<void> {
  const source = path.join(dataDir, databaseFileName);
  if (!fs.existsSync(source)) throw new Error(`no database at ${source} (set DATA_DIR)`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const check = integrityOf(target);
  if (check !== 'ok') throw new Error(`integrity check of the copy failed: ${check}`);
}

/** Anything but the lock file in the directory refuses a restore. */
function refuseUnlessEmpty(dataDir: string): void {
  const present = fs.existsSync(dataDir) ? fs.readdirSync(dataDir).filter((name) => !isLockFile(name)) : [];
  if (present.length > 0) throw new Error(`${dataDir} is not empty; restore only into an empty data directory`);
}

/**
 * Puts a backup in place as the database of an empty data directory. Anything already there
 * (a database, or only its -wal file with committed rows) would be overwritten or orphaned,
 * so a directory with anything in it is refused; so is one a running server holds
 * (`DataDirInUseError`), and the restore holds the directory itself so that no server starts
 * on a half-written database.
 */
export async function restoreSqlite(source: string, dataDir: string): Promise<string> {
  // Without a lock file, refuse before creating one: a refused directory stays as it was.
  if (!fs.existsSync(path.join(dataDir, lockFileName))) refuseUnlessEmpty(dataDir);
  const check = integrityOf(source);
  if (check !== 'ok') throw new Error(`the backup fails its integrity check: ${check}`);
  const lock = lockDataDir(dataDir);
  try {
    refuseUnlessEmpty(dataDir);
    const target = path.join(dataDir, databaseFileName);
    const backup = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(target);
    } finally {
      backup.close();
    }
    return target;
  } finally {
    lock.release();
  }
}
