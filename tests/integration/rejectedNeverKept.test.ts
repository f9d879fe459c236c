/**
 * Issue 12, item 8: a rejected update never reaches an automatic version, a register or a
 * snapshot. An update that Yjs would integrate half-way before failing is the hard case: it was
 * once let in, held by the live document for a moment (an automatic version taken then held the
 * rejected text). It is now refused before Yjs sees it; should another such update get through,
 * the room is dropped without its unload reactions (Room.applyClientUpdate).
 */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { CloseCode, SyncMessageType } from '../../shared/collab/protocol';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { openRawSocket, ProviderPool, recordCloseCodes, storedText } from '../helpers/collab';
import { halfIntegratingUpdate, syncFrame } from '../helpers/fuzzFrames';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
const pool = new ProviderPool();

beforeAll(async () => {
  // Automatic versions after a short quiet spell, so one is due when the room unloads.
  server = await startTestServer({ AUTO_VERSION_QUIET_MS: '60000' });
  workshop = await buildWorkshop(server.origin);
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

test('a half-integrated update reaches no version, register or snapshot', async () => {
  const editor = await addMember(workshop, server.origin, 'editor', 'Schrijver');
  const client = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(client.provider);
  const codes = recordCloseCodes(client.provider);
  client.doc.getText('t').insert(0, 'Goed.');
  await eventually(() => expect(storedText(server, workshop.documentId)).toBe('Goed.'));

  const raw = await openRawSocket(server.origin, workshop.documentId, editor.cookie);
  raw.socket.send(syncFrame(SyncMessageType.update, halfIntegratingUpdate('VERWORPEN')));
  expect((await raw.closed).code).toBe(CloseCode.updateRejected);
  // Refused before Yjs saw it (an item pointing at its own client's later clock): the room
  // keeps running and nobody else is sent away.
  expect(codes).toEqual([]);
  pool.destroyAll();
  await eventually(() => expect(server.registry.roomCount()).toBe(0));

  // The automatic version taken as everyone left is stored after the room has gone.
  const versionStates = () => server.storage.sqlite.prepare('SELECT state FROM document_versions WHERE document_id = ?').all(workshop.documentId) as { state: Buffer }[];
  await eventually(() => expect(versionStates().some((v) => Buffer.from(v.state).toString('latin1').includes('Goed.'))).toBe(true));
  const versions = versionStates();
  for (const version of versions) expect(Buffer.from(version.state).toString('latin1')).not.toContain('VERWORPEN');
  const snapshot = server.storage.sqlite.prepare('SELECT state FROM document_snapshots WHERE document_id = ?').get(workshop.documentId) as { state: Buffer } | undefined;
  expect(Buffer.from(snapshot?.state ?? []).toString('latin1')).not.toContain('VERWORPEN');
  const blocks = server.storage.sqlite.prepare('SELECT text FROM document_blocks WHERE document_id = ?').all(workshop.documentId) as { text: string }[];
  expect(blocks.map((b) => b.text).join()).not.toContain('VERWORPEN');
  expect(storedText(server, workshop.documentId)).toBe('Goed.');

  // The document opens again as it was stored, and the changed document still gets its
  // automatic version when a room unloads normally.
  const again = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(again.provider);
  expect(again.text()).toBe('Goed.');
  again.doc.getText('t').insert(5, ' Verder.');
  // Versions count editor content (the fragment), not the side text 't': the first unload's
  // version already holds 'Goed.', so the new words go into a paragraph too.
  const paragraph = new Y.XmlElement('paragraph');
  again.doc.getXmlFragment('default').insert(0, [paragraph]);
  paragraph.insert(0, [new Y.XmlText('Verder')]);
  await eventually(() => expect(storedText(server, workshop.documentId)).toBe('Goed. Verder.'));
  pool.destroyAll();
  await eventually(() => {
    const after = server.storage.sqlite.prepare("SELECT state FROM document_versions WHERE document_id = ? AND kind = 'auto'").all(workshop.documentId) as { state: Buffer }[];
    expect(after.some((v) => Buffer.from(v.state).toString('latin1').includes('Verder'))).toBe(true);
  });
});
