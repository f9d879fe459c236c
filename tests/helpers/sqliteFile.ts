/**
 * Read-only looks at a werktafel database file from outside the server: integrity check, the
 * document as it would load, and raw page bytes (for tests that corrupt a page on purpose).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type * as Y from 'yjs';
import { docFromStoredRows, readStoredRows } from './storedLog';

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'werktafel.db');
}

/** Runs `use` on the database opened read-only; never writes, never migrates. */
export function withReadOnlyDatabase<T>(dataDir: string, use: (db: Database.Database) => T): T {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` rows joined; `ok` when the file is sound. */
export function integrityCheck(dataDir: string): string {
  return withReadOnlyDatabase(dataDir, (db) =>
    (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; '),
  );
}

/** The document exactly as the server would load it, read from the file (throws like the server). */
export function loadStoredDoc(dataDir: string, documentId: string): Y.Doc {
  return withReadOnlyDatabase(dataDir, (db) => docFromStoredRows(readStoredRows(db, documentId)));
}

/** Page size and the pages of a table of a given type ('overflow', 'leaf', ...), via `dbstat`. */
export function tablePages(dataDir: string, table: string, pageType: string): { pageSize: number; pages: number[] } {
  return withReadOnlyDatabase(dataDir, (db) => {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const rows = db.prepare<[string, string], { pageno: number }>('SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno').all(table, pageType);
    return { pageSize, pages: rows.map((r) => r.pageno) };
  });
}

export function readPage(dataDir: string, pageNo: number, pageSize: number): Buffer {
  const fd = fs.openSync(databaseFile(dataDir), 'r');
  try {
    const buffer = Buffer.alloc(pageSize);
    fs.readSync(fd, buffer, 0, pageSize, (pageNo - 1) * pageSize);
    return buffer;
  } finally {
    fs.closeSync(fd);
  }
}

export function writeBytes(dataDir: string, offset: number, bytes: Uint8Array): void {
  const fd = fs.openSync(databaseFile(dataDir), 'r+');
  try {
    fs.writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    fs.closeSync(fd);
  }
}
