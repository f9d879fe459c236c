/**
 * A hostile editor cannot make another member's next keystrokes fail. An item that points at a
 * later clock of its own client waits in Yjs' pending set while its other origin (here: the
 * honest member's next character) is missing; when the honest update arrives, Yjs retries the
 * pending item, fails half-way, and the honest update fails with it - after every reconnect and
 * every reload, since the hostile item was stored. The server refuses such items at the door.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { CloseCode, SyncMessageType } from '../../shared/collab/protocol';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { openRawSocket, ProviderPool, recordCloseCodes, storedText } from '../helpers/collab';
import { syncFrame } from '../helpers/fuzzFrames';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

/** One item of `hostileClient`: left origin the victim's next clock, right origin its own future. */
function poisonFor(victimClient: number, victimNextClock: number, hostileClient = 5151): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 1); // one struct
  encoding.writeVarUint(encoder, hostileClient);
  encoding.writeVarUint(encoder, 0); // clock
  encoding.writeUint8(encoder, 4 | 0x80 | 0x40); // ContentString with left and right origin
  encoding.writeVarUint(encoder, victimClient);
  encoding.writeVarUint(encoder, victimNextClock);
  encoding.writeVarUint(encoder, hostileClient);
  encoding.writeVarUint(encoder, 9); // a clock of its own client that it does not have
  encoding.writeVarString(encoder, 'GIF');
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

test('an item waiting on another member\'s next keystroke is refused, and that member keeps writing', async () => {
  const hostile = await addMember(workshop, server.origin, 'editor', 'Kwaadwillend');
  const victim = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(victim.provider);
  const victimCodes = recordCloseCodes(victim.provider);
  victim.doc.getText('t').insert(0, 'hallo');
  await eventually(() => expect(storedText(server, workshop.documentId)).toBe('hallo'));
  const nextClock = Y.getState(victim.doc.store, victim.doc.clientID);

  const raw = await openRawSocket(server.origin, workshop.documentId, hostile.cookie);
  raw.socket.send(syncFrame(SyncMessageType.update, poisonFor(victim.doc.clientID, nextClock)));
  expect((await raw.closed).code).toBe(CloseCode.updateRejected);

  victim.doc.getText('t').insert(5, ' wereld');
  await eventually(() => expect(storedText(server, workshop.documentId)).toBe('hallo wereld'));
  victim.doc.getText('t').insert(12, '!');
  await eventually(() => expect(storedText(server, workshop.documentId)).toBe('hallo wereld!'));
  expect(victimCodes).toEqual([]);

  // And the stored document opens again as it was written.
  pool.destroyAll();
  await eventually(() => expect(server.registry.roomCount()).toBe(0));
  const again = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(again.provider);
  expect(again.text()).toBe('hallo wereld!');
});
