/**
 * `npm run backup -- <file>`: a consistent online copy of the database while the server runs,
 * through SQLite's backup API (pages are copied under a read transaction, so concurrent writes
 * neither block nor tear the copy).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../server/config';

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run backup -- <file>');
  process.exit(2);
}
const source = path.join(loadConfig().dataDir, 'werktafel.db');
if (!fs.existsSync(source)) {
  console.error(`no database at ${source} (set DATA_DIR)`);
  process.exit(1);
}
const db = new Database(source, { readonly: true, fileMustExist: true });
try {
  await db.backup(path.resolve(target));
  const copy = new Database(path.resolve(target), { readonly: true });
  const check = copy.pragma('integrity_check', { simple: true });
  copy.close();
  if (check !== 'ok') throw new Error(`integrity check of the copy failed: ${String(check)}`);
  console.info(`backup written to ${path.resolve(target)} (integrity ok)`);
} finally {
  db.close();
}
