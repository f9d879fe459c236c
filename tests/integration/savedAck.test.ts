import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { ackParam, MessageType } from '../../shared/collab/protocol';
import { addMember, buildWorkshop } from '../helpers/apiClient';
import { ProviderPool, seesMarker, setMarker, storedDoc } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

interface Ack {
  /** The server's state vector in the frame. */
  stateVector: Map<number, number>;
  /** What SQLite held for the document at the moment the frame arrived. */
  storedStateVector: Map<number, number>;
}

/** Records every `stored` frame this provider receives. */
function recordAcks(provider: WebsocketProvider, documentId: string): Ack[] {
  const acks: Ack[] = [];
  provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
    const doc = storedDoc(server, documentId);
    acks.push({
      stateVector: Y.decodeStateVector(decoding.readVarUint8Array(decoder)),
      storedStateVector: Y.decodeStateVector(Y.encodeStateVector(doc)),
    });
    doc.destroy();
  };
  return acks;
}

const ownClock = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;

test('a client that asks for acknowledgements gets a stored frame covering its own edits once they are on disk', async () => {
  const workshop = await buildWorkshop(server.origin);
  const client = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin, params: { [ackParam]: '1' } });
  const acks = recordAcks(client.provider, workshop.documentId);
  await waitForSync(client.provider);

  for (const word of ['Samen ', 'schrijven ', 'we ', 'het ', 'plan.']) {
    const text = client.doc.getText('t');
    text.insert(text.length, word);
  }
  const clock = ownClock(client.doc);
  expect(clock).toBeGreaterThan(0);

  await eventually(() => expect(acks.at(-1)?.stateVector.get(client.doc.clientID)).toBe(clock));
  // Every acknowledgement was true when it arrived: SQLite already held what it claimed.
  expect(acks.length).toBeGreaterThan(0);
  for (const ack of acks) {
    for (const [clientId, clockInAck] of ack.stateVector) {
      expect(ack.storedStateVector.get(clientId) ?? 0).toBeGreaterThanOrEqual(clockInAck);
    }
  }
});

test('a stock client without the parameter never receives a stored frame, and no acknowledgement claims a viewer edit', async () => {
  const workshop = await buildWorkshop(server.origin);
  const viewer = await addMember(workshop, server.origin, 'viewer', 'Kijker');
  const { origin } = server;
  const acked = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin, params: { [ackParam]: '1' } });
  const stock = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin });
  const readOnly = pool.connect(workshop.documentId, { cookie: viewer.cookie, origin, params: { [ackParam]: '1' } });
  const ackedAcks = recordAcks(acked.provider, workshop.documentId);
  const stockAcks = recordAcks(stock.provider, workshop.documentId);
  const readOnlyAcks = recordAcks(readOnly.provider, workshop.documentId);
  await Promise.all([acked, stock, readOnly].map((c) => waitForSync(c.provider)));

  stock.doc.getText('t').insert(0, 'zonder bevestiging. ');
  readOnly.doc.getText('t').insert(0, 'kijker. ');
  setMarker(readOnly.provider, 'kijker-klaar');
  await eventually(() => {
    expect(acked.text()).toContain('zonder bevestiging.');
    expect(seesMarker(acked.provider, 'kijker-klaar')).toBe(true);
  });
  // Both edits above have been handled. The acknowledgement of the next edit is scheduled
  // after any they could have caused, and the edit after that reaches the other two clients
  // later still, on the same sockets a wrong acknowledgement would have used.
  acked.doc.getText('t').insert(0, 'met. ');
  const clock = ownClock(acked.doc);
  await eventually(() => expect(ackedAcks.at(-1)?.stateVector.get(acked.doc.clientID)).toBe(clock));
  acked.doc.getText('t').insert(0, 'klaar. ');
  await eventually(() => {
    expect(stock.text()).toContain('klaar. ');
    expect(readOnly.text()).toContain('klaar. ');
  });

  expect(stockAcks).toEqual([]);
  // A read-only client may be told the server's state, but never that its own edit is stored.
  expect(ownClock(readOnly.doc)).toBeGreaterThan(0);
  for (const ack of readOnlyAcks) expect(ack.stateVector.has(readOnly.doc.clientID)).toBe(false);
});
