// Compiles the server (and the maintenance scripts) to plain JavaScript in dist-server/, so that
// production runs `node` without TypeScript at run time. Vite's server-side build bundles our
// own code; every package stays an import of node_modules (native ones such as better-sqlite3
// cannot be bundled). Not under dist/: that folder is the client, served to everyone.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { buildDir, entries, repoRoot, stampFile } from './buildState.mjs';

// One build per program: built together, code shared by the server and a worker's job landed in
// the server's entry file, and the worker, importing it, started a second server.
let first = true;
for (const [name, source] of Object.entries(entries)) {
  await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node20',
      outDir: buildDir,
      emptyOutDir: first,
      sourcemap: true,
      minify: false,
      rollupOptions: {
        input: { [name]: path.join(repoRoot, source) },
        output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: `chunks/${name}/[name]-[hash].js` },
      },
    },
  });
  first = false;
}
fs.writeFileSync(stampFile, `${new Date().toISOString()}\n`);
console.info(`server compiled to ${path.relative(repoRoot, buildDir)}/`);
