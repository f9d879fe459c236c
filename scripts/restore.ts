/**
 * `npm run restore -- <file>`: puts a backup in place as the database of an empty data
 * directory (DATA_DIR). Refuses to overwrite anything: stop the server and move the old data
 * away first, so a restore never destroys anything by accident.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { restoreSqlite } from '../server/storage/sqlite/backup';

const source = process.argv[2];
if (!source || !fs.existsSync(source)) {
  console.error('usage: npm run restore -- <backup file>');
  process.exit(2);
}
try {
  const target = await restoreSqlite(path.resolve(source), loadConfig().dataDir);
  console.info(`restored ${path.resolve(source)} into ${target}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
