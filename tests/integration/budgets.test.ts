/**
 * Issue 12, item 6: no member can exhaust the server through one document. A document at
 * MAX_DOCUMENT_BYTES takes no growth (4415, nothing stored) but still takes deletions; a
 * connection that sends more bytes per second than BYTE_RATE_LIMIT allows (awareness too) is
 * closed with 4429 before its flood reaches everyone.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/protocol';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { openRawSocket, ProviderPool, recordCloseCodes, storedText } from '../helpers/collab';
import { awarenessFrame, syncUpdateFrame } from '../helpers/frames';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

const pool = new ProviderPool();
afterEach(() => pool.destroyAll());

describe('MAX_DOCUMENT_BYTES=200000', () => {
  let server: TestServer;
  let workshop: Workshop;
  beforeAll(async () => {
    server = await startTestServer({ MAX_DOCUMENT_BYTES: '200000' });
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => server.stop());

  test('a full document refuses growth with 4415 and stores none of it, but still takes a deletion', async () => {
    const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await waitForSync(writer.provider);
    const codes = recordCloseCodes(writer.provider);
    const first = 'a'.repeat(150_000);
    writer.doc.getText('t').insert(0, first);
    await eventually(() => expect(storedText(server, workshop.documentId)).toBe(first));

    const editor = await addMember(workshop, server.origin, 'editor', 'Vuller');
    const raw = await openRawSocket(server.origin, workshop.documentId, editor.cookie);
    const more = new Y.Doc();
    more.getText('t').insert(0, 'b'.repeat(100_000));
    raw.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(more)));
    expect((await raw.closed).code).toBe(CloseCode.documentTooLarge);
    expect(storedText(server, workshop.documentId)).toBe(first);
    expect(server.log).toContainEqual(expect.objectContaining({ msg: 'update rejected: document too large' }));

    writer.doc.getText('t').delete(0, 50_000);
    await eventually(() => expect(storedText(server, workshop.documentId)).toBe('a'.repeat(100_000)));
    expect(codes).toEqual([]);
  });
});

describe('BYTE_RATE_LIMIT=100000 with 64 KiB frames', () => {
  let server: TestServer;
  let workshop: Workshop;
  beforeAll(async () => {
    server = await startTestServer({ BYTE_RATE_LIMIT: '100000', MAX_FRAME_BYTES: '65536' });
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => server.stop());

  test('a viewer flooding awareness is closed with 4429 long before the others receive megabytes', async () => {
    const observer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await waitForSync(observer.provider);
    let receivedBytes = 0;
    observer.provider.ws!.addEventListener('message', (event: MessageEvent) => {
      receivedBytes += (event.data as ArrayBuffer).byteLength;
    });
    const viewer = await addMember(workshop, server.origin, 'viewer', 'Overspoeler');
    const raw = await openRawSocket(server.origin, workshop.documentId, viewer.cookie);
    const padding = 'x'.repeat(60_000);
    let sent = 0;
    for (let clock = 1; clock <= 100 && raw.socket.readyState === raw.socket.OPEN; clock++) {
      raw.socket.send(awarenessFrame([{ clientId: 81_000, clock, state: { padding } }]));
      sent += 60_000;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const { code, reason } = await raw.closed;
    expect(code).toBe(CloseCode.rateLimited);
    expect(reason).toBe('too many bytes');
    // Closed within the burst (200 KB) plus a little rate, long before the 6 MB it meant to send;
    // the others got at most that much of it.
    expect(sent).toBeLessThan(100 * 60_000);
    expect(receivedBytes).toBeLessThan(400_000);
    expect(observer.provider.wsconnected).toBe(true);
  });

  test('typing at a normal pace never comes near the limit', async () => {
    const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await waitForSync(writer.provider);
    const codes = recordCloseCodes(writer.provider);
    const text = writer.doc.getText('t');
    for (let i = 0; i < 100; i++) {
      text.insert(text.length, 'woord ');
      writer.provider.awareness.setLocalStateField('cursor', { at: text.length });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await eventually(() => expect(storedText(server, workshop.documentId)).toContain('woord woord'));
    expect(codes).toEqual([]);
  });
});
