/**
 * Broadcasts leave the server in batches, one write per connection per event-loop turn
 * (server/collab/Outbox.ts). Whatever the batching does, every other connection must get every
 * message whole, each sender's messages in the order it sent them, and a sender never its own.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType } from '../../shared/collab/protocol';
import { buildWorkshop, type Workshop } from '../helpers/apiClient';
import { openRawSocket, type RawConnection } from '../helpers/collab';
import { awarenessFrame, syncUpdateFrame } from '../helpers/frames';
import { eventually } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';


/** Frames of one writer: each update appends a letter to the text its predecessor left. */
function writerFrames(letters: string, awarenessClientId: number): Uint8Array[] {
  const doc = new Y.Doc();
  const frames: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => frames.push(syncUpdateFrame(update)));
  for (const letter of letters) doc.getText('t').insert(doc.getText('t').length, letter);
  frames.push(awarenessFrame([{ clientId: awarenessClientId, clock: 1, state: { user: { name: letters[0] } } }]));
  doc.destroy();
  return frames;
}

/**
 * Updates are relayed byte for byte; an awareness state comes back with `user` stamped by the
 * server, so it is known by its client id and clock.
 */
function key(frame: Uint8Array): string {
  if (frame[0] !== MessageType.awareness) return Buffer.from(frame).toString('base64');
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  decoding.readVarUint(update);
  return `awareness ${decoding.readVarUint(update)}@${decoding.readVarUint(update)}`;
}

/** Positions of `sent` in `received`, in the order received. */
function positions(received: Uint8Array[], sent: Uint8Array[]): number[] {
  const index = new Map(sent.map((frame, i) => [key(frame), i]));
  return received.map((frame) => index.get(key(frame))).filter((i): i is number => i !== undefined);
}

// Every turn (0), the default, and an interval long enough that the burst spans several writes.
describe.each(['0', '5', '40'])('COLLAB_RELAY_INTERVAL_MS=%s', (relayInterval) => {
  let server: TestServer;
  let workshop: Workshop;

  beforeAll(async () => {
    server = await startTestServer({ COLLAB_RELAY_INTERVAL_MS: relayInterval });
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => server.stop());

  test('a burst from two writers reaches every other connection whole and in order, and never its sender', async () => {
    const cookie = workshop.owner.cookie;
    const sockets: RawConnection[] = [];
    for (let i = 0; i < 4; i++) sockets.push(await openRawSocket(server.origin, workshop.documentId, cookie));
    const [a, b, c, d] = sockets as [RawConnection, RawConnection, RawConnection, RawConnection];
    // Each has had the server's sync step 1; what comes after that is relayed traffic.
    await eventually(() => expect(sockets.every((s) => s.frames.length >= 1)).toBe(true));
    for (const s of sockets) s.frames.length = 0;

    const fromA = writerFrames('abcdefghijklmnopqrst', 1001);
    const fromB = writerFrames('ABCDEFGHIJKLMNOPQRST', 1002);
    // Interleaved in one synchronous burst: the server reads many of them in one turn.
    for (let i = 0; i < fromA.length; i++) {
      a.socket.send(fromA[i]!);
      b.socket.send(fromB[i]!);
    }

    const all = fromA.length + fromB.length;
    await eventually(() => expect([c.frames.length, d.frames.length]).toEqual([all, all]));
    await eventually(() => expect([a.frames.length, b.frames.length]).toEqual([fromB.length, fromA.length]));

    const inOrder = (n: number) => Array.from({ length: n }, (_, i) => i);
    for (const receiver of [c, d]) {
      expect(positions(receiver.frames, fromA)).toEqual(inOrder(fromA.length));
      expect(positions(receiver.frames, fromB)).toEqual(inOrder(fromB.length));
    }
    expect(positions(a.frames, fromA)).toEqual([]);
    expect(positions(a.frames, fromB)).toEqual(inOrder(fromB.length));
    expect(positions(b.frames, fromB)).toEqual([]);
    expect(positions(b.frames, fromA)).toEqual(inOrder(fromA.length));

    // Applied in the order received, the two texts come out whole.
    const replica = new Y.Doc();
    for (const frame of c.frames) if (frame[0] === 0) Y.applyUpdate(replica, frame.subarray(3 + (frame[2]! >= 0x80 ? 1 : 0)));
    expect(replica.getText('t').toString()).toMatch(/^(abcdefghijklmnopqrstABCDEFGHIJKLMNOPQRST|ABCDEFGHIJKLMNOPQRSTabcdefghijklmnopqrst)$/);
    for (const s of sockets) s.socket.close();
  });
});
