/**
 * `npm run backup -- <file>` while the server runs and a client keeps typing, then
 * `npm run restore -- <file>` into an empty data directory, and a server on the restored data
 * serves the same workspaces and documents. The backup is one consistent moment: the restored
 * text is exactly the text at some instant during the backup, never a torn mixture.
 * A restore never destroys anything: not an existing database, not a leftover of one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool, storedText } from '../helpers/collab';
import { readViaFreshClient } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { runInRepo, tsxScript } from '../helpers/scripts';
import { makeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer';

const PASSWORD = 'een-lang-wachtwoord';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const temporary: string[] = [];
const tmpDir = () => {
  const dir = makeDataDir();
  temporary.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

describe('online backup and restore', () => {
  let original: TestServer;
  let restored: TestServer | undefined;
  let workshop: Workshop;
  let ownerEmail: string;
  let templateDocId: string;
  const pool = new ProviderPool();
  let backupDir = '';
  const backupFile = () => path.join(backupDir, 'werktafel-backup.db');
  let textBeforeBackup = '';
  let finalText = '';
  let restoredDir = '';

  beforeAll(async () => {
    backupDir = tmpDir();
    original = await startTestServer({ DATA_DIR: tmpDir() });
    workshop = await buildWorkshop(original.origin);
    ownerEmail = (await workshop.owner.get('/api/me')).body.email;
    await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Bewoners', kind: 'residents' });
    templateDocId = (await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Plan', template: 'plan-van-aanpak' })).body.id;
    await workshop.owner.post(`/api/documents/${templateDocId}/versions`, { label: 'Eerste opzet' });
  });
  afterAll(async () => {
    pool.destroyAll();
    await restored?.stop();
    await original.stop();
  });

  test('npm run backup takes a consistent copy while a client keeps editing', async () => {
    const typist = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: original.origin });
    await waitForSync(typist.provider);
    let running = true;
    let n = 0;
    const typing = (async () => {
      while (running) {
        typist.doc.getText('t').insert(typist.text().length, `e${n++} `);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    await eventually(() => expect(storedText(original, workshop.documentId).split(' ').length).toBeGreaterThan(30));

    textBeforeBackup = storedText(original, workshop.documentId);
    const backup = await runInRepo('npm', ['run', '--silent', 'backup', '--', backupFile()], original.dataDir);
    const editsDuringBackup = n;
    running = false;
    await typing;
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/integrity ok/);
    await eventually(() => expect(storedText(original, workshop.documentId)).toBe(typist.text()));
    finalText = typist.text();
    expect(finalText.length).toBeGreaterThan(textBeforeBackup.length);
    console.info(`[backup] npm run backup took ${backup.ms.toFixed(0)} ms while ${editsDuringBackup} edits had been typed`);
  });

  test('npm run restore puts it into an empty data directory, and a server on it serves the same documents', async () => {
    restoredDir = path.join(tmpDir(), 'hersteld');
    const restore = await tsxScript('restore.ts', [backupFile()], restoredDir);
    expect(restore.code, restore.output).toBe(0);
    restored = await startTestServer({ DATA_DIR: restoredDir });

    // Sign in on the restored instance as the same person, with the same password.
    const owner = new ApiClient(restored.origin);
    expect((await owner.post('/api/auth/login', { email: ownerEmail, password: PASSWORD })).status).toBe(200);

    const list = (client: ApiClient) => client.get('/api/workspaces').then((r) => r.body);
    expect(await list(owner)).toEqual(await list(workshop.owner));
    const detail = async (client: ApiClient) => {
      const body = (await client.get(`/api/workspaces/${workshop.workspaceId}`)).body;
      delete body.invites;
      // The stored bytes differ: the original kept typing after its backup.
      delete body.storage;
      return body;
    };
    expect(await detail(owner)).toEqual(await detail(workshop.owner));
    expect((await owner.get(`/api/documents/${templateDocId}/versions`)).body).toEqual((await workshop.owner.get(`/api/documents/${templateDocId}/versions`)).body);

    // The structured document reads the same through a fresh client on either instance.
    const before = await readViaFreshClient(original.origin, workshop.owner.cookie, templateDocId);
    const after = await readViaFreshClient(restored.origin, owner.cookie, templateDocId);
    expect(after.xml.length).toBeGreaterThan(500);
    expect(after).toEqual(before);

    // The typed document is the text of one moment during the backup: everything stored before
    // it began, then whole edits in order, and nothing that came later than the moment.
    const text = (await readViaFreshClient(restored.origin, owner.cookie, workshop.documentId)).text;
    expect(text.startsWith(textBeforeBackup)).toBe(true);
    expect(finalText.startsWith(text)).toBe(true);
    expect(text).toMatch(/^(e\d+ )+$/);
    console.info(`[backup] restored ${text.split(' ').length - 1} of ${finalText.split(' ').length - 1} edits (${textBeforeBackup.split(' ').length - 1} were stored before the backup began)`);

    const integrity = await runInRepo(process.execPath, ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(path.join(restoredDir, 'werktafel.db'))},{readonly:true});console.log(d.pragma('integrity_check',{simple:true}))`], restoredDir);
    expect(integrity.output.trim()).toBe('ok');
  });

  test('restore refuses a data directory that holds a database, with a server on it or not, and leaves it untouched', async () => {
    expect(restored).toBeDefined();
    const db = path.join(restoredDir, 'werktafel.db');
    const before = sha256(db);
    const again = await tsxScript('restore.ts', [backupFile()], restoredDir);
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(/in use by another werktafel process/);
    expect(sha256(db)).toBe(before);
    // The server running on it noticed nothing.
    expect((await new ApiClient(restored!.origin).get('/api/health')).status).toBe(200);

    // Stopping checkpoints the write-ahead log into the file: compare from there.
    await restored!.stop();
    const afterStop = sha256(db);
    const stopped = await tsxScript('restore.ts', [backupFile()], restoredDir);
    expect(stopped.code).not.toBe(0);
    expect(stopped.output).toMatch(/not empty/);
    expect(sha256(db)).toBe(afterStop);
  });

  test.each([
    ['the write-ahead log of a database that was moved away', ['werktafel.db-wal', 'werktafel.db-shm']],
    ['any other file', ['notities.txt']],
  ])('restore refuses a data directory that is not empty: %s, and leaves it untouched', async (_name, files) => {
    // A real WAL with committed rows, as a crash or a careless move of werktafel.db leaves behind.
    const source = tmpDir();
    const crashed = await startTestServer({ DATA_DIR: source, COMPACT_AFTER_UPDATES: '100000' });
    const walPath = path.join(source, 'werktafel.db-wal');
    crashed.storage.sqlite.pragma('wal_autocheckpoint = 0');
    await buildWorkshop(crashed.origin);
    const target = path.join(tmpDir(), 'niet-leeg');
    fs.mkdirSync(target);
    for (const file of files) {
      if (file === 'notities.txt') fs.writeFileSync(path.join(target, file), 'van de beheerder');
      else fs.copyFileSync(path.join(source, file), path.join(target, file));
    }
    expect(fs.statSync(walPath).size).toBeGreaterThan(0);
    await crashed.stop();
    const hashes = Object.fromEntries(files.map((f) => [f, sha256(path.join(target, f))]));

    const result = await tsxScript('restore.ts', [backupFile()], target);
    const left = fs.readdirSync(target).sort();
    expect(result.code, `restore into a non-empty directory exited ${result.code}; it now holds ${left.join(', ')}:\n${result.output}`).not.toBe(0);
    expect(left).toEqual([...files].sort());
    for (const file of files) expect(sha256(path.join(target, file)), file).toBe(hashes[file]);
  });
});
