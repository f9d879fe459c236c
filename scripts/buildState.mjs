// Where the compiled server lives and whether it is older than its sources (plain JavaScript:
// it runs before anything is compiled).
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const buildDir = path.join(repoRoot, 'dist-server');
/** Written last by a build: its time is the build's. */
export const stampFile = path.join(buildDir, '.built');
/** The programs `npm start`, `npm run backup` and `npm run restore` run, by name. */
export const entries = {
  index: 'server/index.ts',
  worker: 'server/offload/worker.ts',
  backup: 'scripts/backup.ts',
  restore: 'scripts/restore.ts',
};
/** What a build is made of: a change to any of these makes the build stale. */
export const sources = ['server', 'shared', 'client', 'scripts', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json'];

function newestChange(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestChange(path.join(target, entry)));
  return newest;
}

/** Why the build must be made (again), or null when it is current. */
export function staleReason(root = repoRoot, build = { dir: buildDir, stamp: stampFile, clientIndex: path.join(root, 'dist', 'index.html') }) {
  if (!fs.existsSync(build.stamp)) return 'no build yet';
  if (!fs.existsSync(build.clientIndex)) return 'the client has not been built';
  const builtAt = fs.statSync(build.stamp).mtimeMs;
  for (const source of sources) {
    if (newestChange(path.join(root, source)) > builtAt) return `${source} changed since the last build`;
  }
  return null;
}
