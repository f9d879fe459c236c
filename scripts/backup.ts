/** `npm run backup -- <file>`: a consistent online copy of the database while the server runs. */
import path from 'node:path';
import { loadConfig } from '../server/config';
import { backupSqlite } from '../server/storage/sqlite/backup';

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run backup -- <file>');
  process.exit(2);
}
try {
  await backupSqlite(loadConfig().dataDir, path.resolve(target));
  console.info(`backup written to ${path.resolve(target)} (integrity ok)`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
