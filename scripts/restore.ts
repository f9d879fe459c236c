/**
 * `npm run restore -- <file>`: puts a backup in place as the database of an empty data
 * directory (DATA_DIR). Refuses to overwrite an existing database: stop the server and move
 * the old data away first, so a restore never destroys anything by accident.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../server/config';

const source = process.argv[2];
if (!source || !fs.existsSync(source)) {
  console.error('usage: npm run restore -- <backup file>');
  process.exit(2);
}
const dataDir = loadConfig().dataDir;
const target = path.join(dataDir, 'werktafel.db');
// Anything already there (a database, or only its -wal file with committed rows) would be
// overwritten or orphaned: restore only into an empty directory.
if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
  console.error(`${dataDir} is not empty; restore only into an empty data directory`);
  process.exit(1);
}
const backup = new Database(path.resolve(source), { readonly: true, fileMustExist: true });
const check = backup.pragma('integrity_check', { simple: true });
if (check !== 'ok') {
  console.error(`the backup fails its integrity check: ${String(check)}`);
  process.exit(1);
}
fs.mkdirSync(dataDir, { recursive: true });
await backup.backup(target);
backup.close();
console.info(`restored ${path.resolve(source)} into ${target}`);
