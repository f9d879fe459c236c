// `npm start` (and `npm run backup` / `restore`): builds client and server when the build is
// missing or older than the sources, then runs the compiled program with plain Node.
// Usage: node scripts/runBuilt.mjs <index|backup|restore> [arguments…]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDir, entries, staleReason } from './buildState.mjs';

const [name = 'index', ...args] = process.argv.slice(2);
if (!(name in entries)) {
  console.error(`unknown program "${name}"; one of: ${Object.keys(entries).join(', ')}`);
  process.exit(2);
}
const reason = staleReason();
if (reason) {
  console.error(`building (${reason}) …`);
  // A production build whatever NODE_ENV the shell has: Vite would build React's development code.
  const built = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
// The program reads its arguments from process.argv like the TypeScript original did.
process.argv = [process.argv[0], path.join(buildDir, `${name}.js`), ...args];
await import(pathToFileURL(path.join(buildDir, `${name}.js`)).href);
