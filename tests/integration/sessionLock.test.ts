/**
 * Issue 14, item 2: while the chair has locked the session, the collaboration server refuses
 * writes from everyone but the chair in the workspace's documents. A refused write is never
 * applied, stored or relayed; its connection closes with `documentLocked`, which invites a
 * reconnect, so the client offers its change again and it is taken once the lock is lifted.
 */
import { CloseCode } from '../../shared/collab/protocol';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { openRawSocket, ProviderPool, recordCloseCodes, seesMarker, storedText, updateRowsBy } from '../helpers/collab';
import { awarenessFrame, syncUpdateFrame, textInsertUpdate } from '../helpers/frames';
import { eventually, waitForSync } from '../helpers/providers';
import { startedSession } from '../helpers/sessions';
import { makeDataDir, startTestServer, type TestServer } from '../helpers/startTestServer';
import fs from 'node:fs';

let server: TestServer;
let workshop: Workshop;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

test('a participant\'s write on a raw socket never reaches the stored document while locked; the chair still writes', async () => {
  const participant = await addMember(workshop, server.origin, 'editor', 'Deelnemer');
  const session = await startedSession(workshop);
  expect((await workshop.owner.patch(`/api/sessions/${session.id}/state`, { locked: true })).body.locked).toBe(true);

  const chair = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(chair.provider);
  const chairCloses = recordCloseCodes(chair.provider);

  const raw = await openRawSocket(server.origin, workshop.documentId, participant.cookie);
  raw.socket.send(syncUpdateFrame(textInsertUpdate('VERGRENDELD-GESCHREVEN')));
  // Closed on handling the update: by then the server has judged it.
  expect((await raw.closed).code).toBe(CloseCode.documentLocked);
  // The participant's presence still reaches the chair on a new socket (the lock is about text).
  const watcher = await openRawSocket(server.origin, workshop.documentId, participant.cookie);
  watcher.socket.send(awarenessFrame([{ clientId: 424_242, clock: 1, state: { marker: 'na-de-poging' } }]));
  await eventually(() => expect(seesMarker(chair.provider, 'na-de-poging')).toBe(true));
  watcher.socket.close();

  expect(chair.text()).not.toContain('VERGRENDELD');
  expect(updateRowsBy(server, workshop.documentId, participant.userId)).toBe(0);
  expect(storedText(server, workshop.documentId)).toBe('');

  chair.doc.getText('t').insert(0, 'De voorzitter schrijft.');
  await eventually(() => expect(storedText(server, workshop.documentId)).toBe('De voorzitter schrijft.'));
  expect(chairCloses).toEqual([]);

  // Unlocked, the participant's next write is taken like any other.
  expect((await workshop.owner.patch(`/api/sessions/${session.id}/state`, { locked: false })).body.locked).toBe(false);
  const unlocked = await openRawSocket(server.origin, workshop.documentId, participant.cookie);
  unlocked.socket.send(syncUpdateFrame(textInsertUpdate('NA-HET-ONTGRENDELEN ')));
  await eventually(() => expect(storedText(server, workshop.documentId)).toContain('NA-HET-ONTGRENDELEN'));
  expect(storedText(server, workshop.documentId)).not.toContain('VERGRENDELD');
  unlocked.socket.close();
});

test('a stock provider of a participant is kept out while locked, and the lock ends with the session', async () => {
  const participant = await addMember(workshop, server.origin, 'editor', 'Tweede deelnemer');
  const other = await buildWorkshop(server.origin);
  const session = await startedSession(workshop);
  await workshop.owner.patch(`/api/sessions/${session.id}/state`, { locked: true });

  const p = pool.connect(workshop.documentId, { cookie: participant.cookie, origin: server.origin });
  const c = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await Promise.all([waitForSync(p.provider), waitForSync(c.provider)]);
  const pCloses = recordCloseCodes(p.provider);
  const before = storedText(server, workshop.documentId);
  p.doc.getText('t').insert(0, 'TIJDENS-SLOT ');
  await eventually(() => expect(pCloses).toContain(CloseCode.documentLocked));
  expect(c.text()).not.toContain('TIJDENS-SLOT');
  expect(storedText(server, workshop.documentId)).toBe(before);

  // A lock in one workspace leaves another workspace's documents alone.
  const elsewhere = pool.connect(other.documentId, { cookie: other.owner.cookie, origin: server.origin });
  await waitForSync(elsewhere.provider);
  elsewhere.doc.getText('t').insert(0, 'Elders vrij.');
  await eventually(() => expect(storedText(server, other.documentId)).toBe('Elders vrij.'));

  await workshop.owner.post(`/api/sessions/${session.id}/end`);
  // The provider that typed under the lock kept its text and offers it on every reconnect: once
  // the lock has ended it is taken, reaches the chair, and the participant's next edits follow.
  await eventually(() => expect(storedText(server, workshop.documentId)).toContain('TIJDENS-SLOT'));
  await eventually(() => expect(c.text()).toContain('TIJDENS-SLOT'));
  p.doc.getText('t').insert(0, 'NA-AFLOOP ');
  await eventually(() => expect(c.text()).toContain('NA-AFLOOP'));
  expect(storedText(server, workshop.documentId)).toContain('NA-AFLOOP');
});

test('a lock holds across a restart of the server', async () => {
  const dataDir = makeDataDir();
  try {
    const before = await startTestServer({ DATA_DIR: dataDir });
    const locked = await buildWorkshop(before.origin);
    const participant = await addMember(locked, before.origin, 'editor', 'Na de herstart');
    const session = await startedSession(locked);
    expect((await locked.owner.patch(`/api/sessions/${session.id}/state`, { locked: true })).status).toBe(200);
    await before.stop();

    const after = await startTestServer({ DATA_DIR: dataDir });
    try {
      const chair = pool.connect(locked.documentId, { cookie: locked.owner.cookie, origin: after.origin });
      await waitForSync(chair.provider);
      const raw = await openRawSocket(after.origin, locked.documentId, participant.cookie);
      raw.socket.send(syncUpdateFrame(textInsertUpdate('NA-HERSTART-VERGRENDELD')));
      expect((await raw.closed).code).toBe(CloseCode.documentLocked);
      expect(chair.text()).not.toContain('NA-HERSTART');
      expect(storedText(after, locked.documentId)).toBe('');
    } finally {
      pool.destroyAll();
      await after.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
