// `npm start` (and `npm run backup` / `restore`): builds client and server when the build is
// missing or older than the sources, then runs the compiled program with plain Node.
// Usage: node scripts/runBuilt.mjs <index|backup|restore> [arguments…]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDir, entries, repoRoot, staleReason } from './buildState.mjs';

const [name = 'index', ...args] = process.argv.slice(2);
if (!(name in entries)) {
  console.error(`unknown program "${name}"; one of: ${Object.keys(entries).join(', ')}`);
  process.exit(2);
}
/** Whether a process of this pid is running (a lock left by one that died is free). */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `build` while holding the checkout's build lock. Several instances started together from
 * one checkout (the README's three on one machine) would otherwise each build, over each other,
 * and one would start from a half-written dist-server; the others wait, then find it built.
 */
function underBuildLock(build) {
  const lock = path.join(repoRoot, '.build.lock');
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lock, 'utf8'));
      // Left by a start that died, or by an earlier process that had this pid (containers reuse them).
      if (holder > 0 && (holder === process.pid || !alive(holder))) fs.rmSync(lock, { force: true });
      else pause(200);
    }
  }
  try {
    build();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

let buildFailed = 0;
if (staleReason()) {
  underBuildLock(() => {
    // Asked again under the lock: another start may have built it meanwhile.
    const reason = staleReason();
    if (!reason) return;
    console.error(`building (${reason}) …`);
    // A production build whatever NODE_ENV the shell has: Vite would build React's development code.
    const built = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
    buildFailed = built.status !== 0 ? (built.status ?? 1) : 0;
  });
  // Out here, once the lock is given back.
  if (buildFailed) process.exit(buildFailed);
}
// The program reads its arguments from process.argv like the TypeScript original did.
process.argv = [process.argv[0], path.join(buildDir, `${name}.js`), ...args];
await import(pathToFileURL(path.join(buildDir, `${name}.js`)).href);
