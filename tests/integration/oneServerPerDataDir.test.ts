/**
 * One server per data directory (issue 12 item 7; two processes on one DATA_DIR corrupted each
 * other's log). Real processes: a second server on the same directory exits at start with a
 * clear message and the first carries on; a restore refuses the directory while a server holds
 * it, a backup still works; and kill -9 leaves no stale lock behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ApiClient, buildWorkshop } from '../helpers/apiClient';
import { tsxScript } from '../helpers/scripts';
import { makeDataDir, spawnServerProcess, type ServerProcess } from '../helpers/startTestServer';

const PASSWORD = 'een-lang-wachtwoord';
const processes: ServerProcess[] = [];
const dataDir = makeDataDir();
const backupDir = makeDataDir();

afterAll(async () => {
  for (const proc of processes) if (proc.child.exitCode === null && proc.child.signalCode === null) await proc.kill9();
  for (const dir of [dataDir, backupDir]) fs.rmSync(dir, { recursive: true, force: true });
});

async function spawn(): Promise<ServerProcess> {
  const proc = await spawnServerProcess(dataDir);
  processes.push(proc);
  return proc;
}

/** Signs the owner in on a server and reads their workspace names there. */
async function workspacesOf(origin: string, email: string): Promise<string[]> {
  const client = new ApiClient(origin);
  expect((await client.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
  return (await client.get('/api/workspaces')).body.map((w: { name: string }) => w.name);
}

test('a second server on the same DATA_DIR exits with a clear message; restore refuses, backup works; kill -9 frees the directory', async () => {
  const first = await spawn();
  const workshop = await buildWorkshop(first.origin);
  const email = (await workshop.owner.get('/api/me')).body.email as string;
  const dbBefore = fs.statSync(path.join(dataDir, 'werktafel.db')).size;

  const second = spawnServerProcess(dataDir);
  // Should it start after all, it is stopped with the others.
  second.then((proc) => processes.push(proc), () => undefined);
  await expect(second).rejects.toThrow(/exited with 1 before listening/);
  await expect(second).rejects.toThrow(/is in use by another werktafel process.*Stop that server first/);

  // The first server noticed nothing: it serves, and it writes.
  expect(await workspacesOf(first.origin, email)).toEqual(['Dagactivering 2027']);
  expect((await workshop.owner.post('/api/workspaces', { name: 'Na de tweede poging' })).status).toBe(201);

  // A backup reads the database while the server runs; a restore must not write under it.
  const backupFile = path.join(backupDir, 'kopie.db');
  const backup = await tsxScript('backup.ts', [backupFile], dataDir);
  expect(backup.code, backup.output).toBe(0);
  const restore = await tsxScript('restore.ts', [backupFile], dataDir);
  expect(restore.code).toBe(1);
  expect(restore.output).toMatch(/is in use by another werktafel process/);
  expect(fs.statSync(path.join(dataDir, 'werktafel.db')).size).toBeGreaterThanOrEqual(dbBefore);
  expect(await workspacesOf(first.origin, email)).toEqual(expect.arrayContaining(['Dagactivering 2027', 'Na de tweede poging']));

  // kill -9 runs no shutdown code; the operating system drops the lock with the process.
  await first.kill9();
  const third = await spawn();
  expect(await workspacesOf(third.origin, email)).toEqual(expect.arrayContaining(['Dagactivering 2027', 'Na de tweede poging']));
  expect(await third.stop()).toBe(0);
});
