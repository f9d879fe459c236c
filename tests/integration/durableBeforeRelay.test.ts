/**
 * Issue 11, storage behind an asynchronous port: durable before relay stays exact when the log
 * answers late (as a database over the network does). The real SQLite log sits behind a gate
 * the test opens: while an append waits, nothing that depends on it — the relay to others, the
 * sender's `stored` ack, a joiner's copy of the document — may leave the server. A load that
 * waits answers nobody, happens once for every client that asks, and never serves an empty
 * document.
 */
import * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { ackParam, CloseCode, MessageType } from '../../shared/collab/protocol';
import type { DocumentLog } from '../../server/storage/ports';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool, recordCloseCodes, seesMarker, setMarker, storedText } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

/** A real document log whose appends and reads wait until the test lets them through. */
class GatedLog implements DocumentLog {
  holdAppends = false;
  holdReads = false;
  reads = 0;
  appendCalls = 0;
  private waiting: { release: () => void; fail: (error: Error) => void }[] = [];

  constructor(private readonly inner: DocumentLog) {}

  private gate(hold: boolean): Promise<void> {
    if (!hold) return Promise.resolve();
    return new Promise((release, fail) => this.waiting.push({ release, fail }));
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  open(): void {
    this.holdAppends = false;
    this.holdReads = false;
    for (const w of this.waiting.splice(0)) w.release();
  }

  failAll(): void {
    for (const w of this.waiting.splice(0)) w.fail(new Error('disk full'));
  }

  async read(documentId: string) {
    this.reads += 1;
    await this.gate(this.holdReads);
    return this.inner.read(documentId);
  }

  async append(documentId: string, entries: Parameters<DocumentLog["append"]>[1], afterId?: number) {
    this.appendCalls += 1;
    await this.gate(this.holdAppends);
    return this.inner.append(documentId, entries, afterId);
  }

  compact(documentId: string, state: Uint8Array, uptoId: number) {
    return this.inner.compact(documentId, state, uptoId);
  }

  documentsWithLog() {
    return this.inner.documentsWithLog();
  }
}

let server: TestServer;
let log: GatedLog;
let workshop: Workshop;
const pool = new ProviderPool();
/** Time for anything the server would wrongly send to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

beforeAll(async () => {
  server = await startTestServer({}, { wrapDocumentLog: (inner) => (log = new GatedLog(inner)) });
});
afterEach(async () => {
  log.open();
  pool.destroyAll();
  await eventually(() => expect(server.registry.roomCount()).toBe(0));
});
afterAll(async () => server.stop());

describe('while an append waits', () => {
  beforeAll(async () => {
    workshop = await buildWorkshop(server.origin);
  });

  test('nobody else receives the update, the sender gets no ack for it, and a joiner is not answered', async () => {
    const editor = await addMember(workshop, server.origin, 'editor', 'Schrijver');
    const { origin } = server;
    const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin, params: { [ackParam]: '1' } });
    const acked: Map<number, number>[] = [];
    writer.provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
      acked.push(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
    };
    const reader = pool.connect(workshop.documentId, { cookie: editor.cookie, origin });
    await Promise.all([waitForSync(writer.provider), waitForSync(reader.provider)]);
    await settle();

    log.holdAppends = true;
    writer.doc.getText('t').insert(0, 'NOG NIET OPGESLAGEN');
    // Presence sent after the update waits behind it too: order on the wire is kept.
    setMarker(writer.provider, 'na-de-update');
    const joiner = pool.connect(workshop.documentId, { cookie: editor.cookie, origin });
    await eventually(() => expect(log.waitingCount).toBeGreaterThan(0));
    await settle();

    expect(reader.text()).toBe('');
    expect(seesMarker(reader.provider, 'na-de-update')).toBe(false);
    expect(joiner.provider.synced).toBe(false);
    expect(joiner.text()).toBe('');
    const writerClock = Y.encodeStateVector(writer.doc);
    expect(acked.some((sv) => (sv.get(writer.doc.clientID) ?? 0) > 0)).toBe(false);
    expect(storedText(server, workshop.documentId)).toBe('');

    log.open();
    await eventually(() => expect(reader.text()).toBe('NOG NIET OPGESLAGEN'));
    await eventually(() => expect(seesMarker(reader.provider, 'na-de-update')).toBe(true));
    await waitForSync(joiner.provider);
    expect(joiner.text()).toBe('NOG NIET OPGESLAGEN');
    await eventually(() => expect(acked.at(-1)?.get(writer.doc.clientID)).toBe(Y.decodeStateVector(writerClock).get(writer.doc.clientID)));
    expect(storedText(server, workshop.documentId)).toBe('NOG NIET OPGESLAGEN');
  });

  test('updates that arrive while one append waits go out together in the next one, in order', async () => {
    const document = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Bundel', template: 'blank' });
    const documentId = document.body.id as string;
    const writer = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    const reader = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await Promise.all([waitForSync(writer.provider), waitForSync(reader.provider)]);

    log.holdAppends = true;
    const callsBefore = log.appendCalls;
    const text = writer.doc.getText('t');
    for (const word of ['een ', 'twee ', 'drie ', 'vier ', 'vijf']) {
      text.insert(text.length, word);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await settle();
    // One append in flight; the other four wait for it and then go in one.
    expect(log.appendCalls - callsBefore).toBe(1);
    expect(reader.text()).toBe('');
    log.open();
    await eventually(() => expect(reader.text()).toBe('een twee drie vier vijf'));
    expect(log.appendCalls - callsBefore).toBe(2);
    expect(storedText(server, documentId)).toBe('een twee drie vier vijf');
  });

  test('an append that fails reaches nobody: every connection is closed with 4500 and nothing of it is stored', async () => {
    const document = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Vol', template: 'blank' });
    const documentId = document.body.id as string;
    const writer = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    const reader = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await Promise.all([waitForSync(writer.provider), waitForSync(reader.provider)]);
    const readerCodes = recordCloseCodes(reader.provider);
    const seenByReader: string[] = [];
    reader.doc.getText('t').observe(() => seenByReader.push(reader.text()));

    log.holdAppends = true;
    writer.doc.getText('t').insert(0, 'VERLOREN ZONDER SCHADE');
    await eventually(() => expect(log.waitingCount).toBeGreaterThan(0));
    log.failAll();
    await eventually(() => expect(readerCodes).toContain(CloseCode.storageFailed));
    expect(seenByReader).toEqual([]);
    expect(storedText(server, documentId)).toBe('');
    expect(server.log).toContainEqual(expect.objectContaining({ msg: 'storing update failed', document: documentId }));
    // The writer still holds its edit and sends it again once storage works.
    log.open();
    await eventually(() => expect(reader.text()).toBe('VERLOREN ZONDER SCHADE'), 10_000);
    await eventually(() => expect(storedText(server, documentId)).toBe('VERLOREN ZONDER SCHADE'));
  });
});

describe('while a load waits', () => {
  test('clients are answered only once it is in, one read serves them all, and none sees an empty document', async () => {
    const owner = await buildWorkshop(server.origin);
    const writer = pool.connect(owner.documentId, { cookie: owner.owner.cookie, origin: server.origin });
    await waitForSync(writer.provider);
    writer.doc.getText('t').insert(0, 'Wat er al stond.');
    await eventually(() => expect(storedText(server, owner.documentId)).toBe('Wat er al stond.'));
    pool.destroyAll();
    await eventually(() => expect(server.registry.roomCount()).toBe(0));

    log.holdReads = true;
    const readsBefore = log.reads;
    const clients = Array.from({ length: 5 }, () => pool.connect(owner.documentId, { cookie: owner.owner.cookie, origin: server.origin }));
    const frames = clients.map(() => 0);
    clients.forEach((client, i) => client.doc.on('update', () => (frames[i] = frames[i]! + 1)));
    await eventually(() => expect(server.registry.connectionCount()).toBe(5));
    await settle();
    expect(log.reads - readsBefore).toBe(1);
    expect(clients.map((c) => c.provider.synced)).toEqual([false, false, false, false, false]);
    expect(frames).toEqual([0, 0, 0, 0, 0]);

    log.open();
    await Promise.all(clients.map((c) => waitForSync(c.provider)));
    expect(clients.map((c) => c.text())).toEqual(Array(5).fill('Wat er al stond.'));
    expect(log.reads - readsBefore).toBe(1);
  });
});
