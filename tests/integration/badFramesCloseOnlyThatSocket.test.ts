import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CloseCode, MessageType, SyncMessageType } from '../../shared/collab/protocol';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { openRawSocket, ProviderPool, recordCloseCodes, storedRows, storedText } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

const MAX_FRAME_BYTES = 65_536;

let server: TestServer;
let workshop: Workshop;
let editorCookie: string | null;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer({ MAX_FRAME_BYTES: String(MAX_FRAME_BYTES) });
  workshop = await buildWorkshop(server.origin);
  editorCookie = (await addMember(workshop, server.origin, 'editor', 'Schrijver')).cookie;
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

/** Bytes that Yjs cannot read as an update: `Y.applyUpdate` throws "Unexpected end of array". */
const garbageUpdate = new Uint8Array([1, 1, 1, 1, 200, 200, 200]);

/** A valid insert whose delete set is cut off: Yjs integrates the insert, then throws. */
function halfValidUpdate(text: string): Uint8Array {
  const source = new Y.Doc();
  source.getText('t').insert(0, text);
  const update = Y.encodeStateAsUpdate(source);
  // The last byte is the delete set's client count (0); claiming 5 makes Yjs read past the end.
  update[update.length - 1] = 5;
  return update;
}

interface BadFrame {
  name: string;
  bytes: Uint8Array | string;
  code: number;
}

const badFrames: BadFrame[] = [
  { name: 'garbage bytes', bytes: new Uint8Array(11).fill(0xff), code: CloseCode.malformedFrame },
  { name: 'an empty frame', bytes: new Uint8Array(0), code: CloseCode.malformedFrame },
  { name: 'a text frame', bytes: 'hallo werktafel', code: CloseCode.malformedFrame },
  { name: 'an unknown message type', bytes: frame(7, 0, 0), code: CloseCode.malformedFrame },
  // Two clients claimed, one given: before the codec read state vectors itself, Yjs failed on
  // it later and the server logged a fault (4422) instead of a malformed frame.
  { name: 'a sync step 1 with a state vector cut short', bytes: frame(MessageType.sync, SyncMessageType.step1, new Uint8Array([2, 7, 3])), code: CloseCode.malformedFrame },
  { name: 'an unknown sync message type', bytes: frame(MessageType.sync, 9, new Uint8Array([0, 0])), code: CloseCode.malformedFrame },
  { name: 'a sync update around bytes Yjs rejects', bytes: frame(MessageType.sync, SyncMessageType.update, garbageUpdate), code: CloseCode.updateRejected },
  { name: 'a sync step 2 around bytes Yjs rejects', bytes: frame(MessageType.sync, SyncMessageType.step2, garbageUpdate), code: CloseCode.updateRejected },
  { name: 'an awareness update that does not decode', bytes: frame(MessageType.awareness, new Uint8Array([3, 200])), code: CloseCode.updateRejected },
  { name: 'a truncated varint', bytes: new Uint8Array([MessageType.sync, SyncMessageType.update, 0x80]), code: CloseCode.malformedFrame },
  { name: 'a declared length larger than the frame', bytes: new Uint8Array([MessageType.sync, SyncMessageType.update, 50, 1, 2, 3]), code: CloseCode.malformedFrame },
  { name: 'a declared length of 2^28', bytes: new Uint8Array([MessageType.sync, SyncMessageType.update, 0x80, 0x80, 0x80, 0x80, 0x01, 1]), code: CloseCode.malformedFrame },
  { name: 'a 100 KB frame over the 64 KiB limit', bytes: frame(MessageType.sync, SyncMessageType.update, new Uint8Array(100 * 1024)), code: CloseCode.frameTooLarge },
];

async function twoEditors(documentId: string) {
  const a = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  const b = pool.connect(documentId, { cookie: editorCookie, origin: server.origin });
  await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);
  return { a, b, aCodes: recordCloseCodes(a.provider), bCodes: recordCloseCodes(b.provider) };
}

/** Sends one frame on a fresh socket; resolves with the close code, or null if the socket stays open. */
async function sendBadFrame(documentId: string, bytes: Uint8Array | string): Promise<number | null> {
  const raw = await openRawSocket(server.origin, documentId, editorCookie);
  raw.socket.send(bytes);
  let timer: NodeJS.Timeout | undefined;
  const stillOpen = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), 5_000);
  });
  const code = await Promise.race([raw.closed.then((c) => c.code), stillOpen]);
  clearTimeout(timer);
  raw.socket.terminate();
  return code;
}

test.each(badFrames)('$name closes only that socket (code $code); the others keep editing and the stored document is untouched', async ({ bytes, code }) => {
  const { documentId } = workshop;
  const { a, b, aCodes, bCodes } = await twoEditors(documentId);
  a.doc.getText('t').insert(0, 'voor ');
  await eventually(() => expect(b.text()).toBe(a.text()));
  const before = storedRows(server, documentId);

  expect(await sendBadFrame(documentId, bytes)).toBe(code);

  expect(storedRows(server, documentId)).toEqual(before);
  expect(aCodes).toEqual([]);
  expect(bCodes).toEqual([]);
  a.doc.getText('t').insert(0, 'A ');
  b.doc.getText('t').insert(b.text().length, ' B');
  await eventually(() => {
    expect(a.text()).toBe(b.text());
    expect(a.text()).toMatch(/^A .* B$/);
    expect(storedText(server, documentId)).toBe(a.text());
  });
  expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
});

test('an update Yjs rejects half-way leaves no trace in the document, in memory or on disk', async () => {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Half', template: 'blank' });
  const documentId = created.body.id as string;
  const { a, b } = await twoEditors(documentId);
  a.doc.getText('t').insert(0, 'schoon');
  await eventually(() => expect(b.text()).toBe('schoon'));
  const before = storedRows(server, documentId);

  expect(await sendBadFrame(documentId, frame(MessageType.sync, SyncMessageType.update, halfValidUpdate('INGESLOPEN')))).toBe(CloseCode.updateRejected);
  expect(storedRows(server, documentId)).toEqual(before);

  // A client joining now must get the document as it was, not the rejected insert.
  const late = pool.connect(documentId, { cookie: editorCookie, origin: server.origin });
  await waitForSync(late.provider);
  expect.soft(late.text()).toBe('schoon');

  // After one more accepted edit the room unloads with a final compaction: the rejected
  // insert must not end up in the stored snapshot either.
  a.doc.getText('t').insert(0, 'nog ');
  await eventually(() => expect(storedRows(server, documentId).updates.length).toBeGreaterThan(before.updates.length));
  pool.destroyAll();
  await eventually(() => expect(server.registry.roomCount()).toBe(0));
  expect.soft(storedText(server, documentId)).not.toContain('INGESLOPEN');
});
