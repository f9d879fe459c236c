/**
 * Issue 14, item 2: while the chair has locked the session, the collaboration server refuses
 * writes from everyone but the chair in the workspace's documents. A refused write is dropped
 * as a reader's is: never applied, stored or relayed, and the socket stays open so the
 * participant keeps following. Unlocked, the same participant writes again.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { openRawSocket, ProviderPool, recordCloseCodes, seesMarker, setMarker, storedText, updateRowsBy } from '../helpers/collab';
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
  let closedWith: number | null = null;
  void raw.closed.then(({ code }) => (closedWith = code));
  raw.socket.send(syncUpdateFrame(textInsertUpdate('VERGRENDELD-GESCHREVEN')));
  // Sent after the update on the same socket: once the chair sees this marker, the server has
  // handled the update before it.
  raw.socket.send(awarenessFrame([{ clientId: 424_242, clock: 1, state: { marker: 'na-de-poging' } }]));
  await eventually(() => expect(seesMarker(chair.provider, 'na-de-poging')).toBe(true));

  expect(chair.text()).not.toContain('VERGRENDELD');
  expect(updateRowsBy(server, workshop.documentId, participant.userId)).toBe(0);
  expect(storedText(server, workshop.documentId)).toBe('');
  // The socket stays open: the participant keeps following the chair.
  expect(closedWith).toBeNull();

  chair.doc.getText('t').insert(0, 'De voorzitter schrijft.');
  await eventually(() => expect(storedText(server, workshop.documentId)).toBe('De voorzitter schrijft.'));
  expect(chairCloses).toEqual([]);

  // Unlocked, the participant's next write is taken like any other.
  expect((await workshop.owner.patch(`/api/sessions/${session.id}/state`, { locked: false })).body.locked).toBe(false);
  raw.socket.send(syncUpdateFrame(textInsertUpdate('NA-HET-ONTGRENDELEN ')));
  await eventually(() => expect(storedText(server, workshop.documentId)).toContain('NA-HET-ONTGRENDELEN'));
  expect(storedText(server, workshop.documentId)).not.toContain('VERGRENDELD');
  raw.socket.close();
});

test('a stock provider of a participant is kept out while locked, and the lock ends with the session', async () => {
  const participant = await addMember(workshop, server.origin, 'editor', 'Tweede deelnemer');
  const other = await buildWorkshop(server.origin);
  const session = await startedSession(workshop);
  await workshop.owner.patch(`/api/sessions/${session.id}/state`, { locked: true });

  const p = pool.connect(workshop.documentId, { cookie: participant.cookie, origin: server.origin });
  const c = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await Promise.all([waitForSync(p.provider), waitForSync(c.provider)]);
  const before = storedText(server, workshop.documentId);
  p.doc.getText('t').insert(0, 'TIJDENS-SLOT ');
  setMarker(p.provider, 'geprobeerd');
  await eventually(() => expect(seesMarker(c.provider, 'geprobeerd')).toBe(true));
  expect(c.text()).not.toContain('TIJDENS-SLOT');
  expect(storedText(server, workshop.documentId)).toBe(before);

  // A lock in one workspace leaves another workspace's documents alone.
  const elsewhere = pool.connect(other.documentId, { cookie: other.owner.cookie, origin: server.origin });
  await waitForSync(elsewhere.provider);
  elsewhere.doc.getText('t').insert(0, 'Elders vrij.');
  await eventually(() => expect(storedText(server, other.documentId)).toBe('Elders vrij.'));

  await workshop.owner.post(`/api/sessions/${session.id}/end`);
  // The provider that typed under the lock still holds its dropped text, and its next edits
  // build on it (the server keeps them pending): the client makes the editor read-only while
  // locked so that nobody types there. A fresh connection writes again once the lock is gone.
  const afterwards = pool.connect(workshop.documentId, { cookie: participant.cookie, origin: server.origin });
  await waitForSync(afterwards.provider);
  afterwards.doc.getText('t').insert(0, 'NA-AFLOOP ');
  await eventually(() => expect(storedText(server, workshop.documentId)).toContain('NA-AFLOOP'));
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
      raw.socket.send(awarenessFrame([{ clientId: 515_151, clock: 1, state: { marker: 'herstart' } }]));
      await eventually(() => expect(seesMarker(chair.provider, 'herstart')).toBe(true));
      expect(chair.text()).not.toContain('NA-HERSTART');
      expect(storedText(after, locked.documentId)).toBe('');
      raw.socket.close();
    } finally {
      pool.destroyAll();
      await after.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
