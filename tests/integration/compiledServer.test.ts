/**
 * Issue 17, production build: `npm run build` compiles client and server; the compiled server
 * runs with plain Node (no TypeScript at run time: Node 20 cannot import a `.ts` file, so any
 * left would fail here), serves the client, syncs documents and runs its worker threads from
 * compiled code. `npm start` builds only when the build is missing or older than its sources.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildWorkshop } from '../helpers/apiClient';
import { ProviderPool } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { makeDataDir, spawnServerProcess, type ServerProcess } from '../helpers/startTestServer';
// @ts-expect-error: plain JavaScript, run before anything is compiled (no declarations).
import { staleReason } from '../../scripts/buildState.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const pool = new ProviderPool();
let server: ServerProcess;
let dataDir: string;

beforeAll(async () => {
  // `npm test` has just built; alone, this test builds first.
  // Vitest runs with NODE_ENV=test, and Vite builds React's development code under any NODE_ENV
  // but production (StrictMode then runs effects twice, in every e2e test after this one).
  if (staleReason()) expect(spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } }).status).toBe(0);
  dataDir = makeDataDir();
  server = await spawnServerProcess(dataDir, { CLIENT_DIR: path.join(repoRoot, 'dist') }, { compiled: true });
}, 120_000);

afterAll(async () => {
  pool.destroyAll();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the compiled server runs on plain node: client, API, live sync and exports (DOCX, PDF with its fonts, ODT) on a worker thread', async () => {
  expect(server.child.spawnargs.slice(1)).toEqual([path.join(repoRoot, 'dist-server/index.js')]);
  const page = await fetch(`${server.origin}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  expect((await fetch(`${server.origin}/api/ready`)).status).toBe(200);

  const workshop = await buildWorkshop(server.origin);
  const a = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  const b = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);
  a.doc.getText('t').insert(0, 'gecompileerd');
  await eventually(() => expect(b.text()).toBe('gecompileerd'));

  const exported = await workshop.owner.get(`/api/documents/${workshop.documentId}/export?format=docx`);
  expect(exported.status, server.output().slice(-2000)).toBe(200);
  expect(exported.headers.get('content-type')).toMatch(/officedocument\.wordprocessingml/);
  // The PDF's font files resolve from the compiled code too (through node_modules, not a source path).
  const pdf = await fetch(`${server.origin}/api/documents/${workshop.documentId}/export?format=pdf`, { headers: { cookie: workshop.owner.cookie! } });
  expect(pdf.status, server.output().slice(-2000)).toBe(200);
  expect(Buffer.from(await pdf.arrayBuffer()).toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
  const odt = await workshop.owner.get(`/api/documents/${workshop.documentId}/export?format=odt`);
  expect(odt.status, server.output().slice(-2000)).toBe(200);
  expect(odt.headers.get('content-type')).toBe('application/vnd.oasis.opendocument.text');
  expect(server.output()).not.toMatch(/"level":50/);
});

test('a build is current until one of its sources changes', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'werktafel-build-'));
  try {
    fs.mkdirSync(path.join(root, 'server'));
    fs.mkdirSync(path.join(root, 'dist-server'));
    fs.mkdirSync(path.join(root, 'dist'));
    const source = path.join(root, 'server', 'index.ts');
    fs.writeFileSync(source, 'export {};\n');
    const build = { dir: path.join(root, 'dist-server'), stamp: path.join(root, 'dist-server', '.built'), clientIndex: path.join(root, 'dist', 'index.html') };
    expect(staleReason(root, build)).toBe('no build yet');
    fs.writeFileSync(build.stamp, 'now\n');
    expect(staleReason(root, build)).toBe('the client has not been built');
    fs.writeFileSync(build.clientIndex, '<html></html>\n');
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(source, past, past);
    fs.utimesSync(path.join(root, 'server'), past, past);
    expect(staleReason(root, build)).toBeNull();
    fs.writeFileSync(source, 'export const changed = true;\n');
    expect(staleReason(root, build)).toBe('server changed since the last build');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
