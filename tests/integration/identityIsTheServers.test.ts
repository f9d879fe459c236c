/**
 * Issue 12, items 1 and 2: who wrote and who is present is the server's record. Attacks from
 * a member's raw socket: writing with another member's Yjs client id, writing with the
 * server's, showing up as someone else, overwriting or removing someone else's presence.
 * Asserted against the server's state (stored text, log rows, "who wrote this?", the room's
 * presence) and what the other people's stock clients see.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/protocol';
import { addMember, buildWorkshop, type ApiClient, type Workshop } from '../helpers/apiClient';
import { openRawSocket, ProviderPool, seesMarker, setMarker, storedText, updateRowsBy } from '../helpers/collab';
import { awarenessFrame, syncUpdateFrame } from '../helpers/frames';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
let victim: ApiClient & { userId: string };
let attacker: ApiClient & { userId: string };
let viewer: ApiClient & { userId: string };
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  victim = await addMember(workshop, server.origin, 'editor', 'Fatima Slachtoffer');
  attacker = await addMember(workshop, server.origin, 'editor', 'Aanvaller');
  viewer = await addMember(workshop, server.origin, 'viewer', 'Kijker');
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

/**
 * A replica of the document that writes as `clientId`. The id is set after the state is in:
 * Yjs gives a doc a new id when it receives items of its own id (a clash it did not cause).
 */
function replicaAs(clientId: number, from: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  doc.clientID = clientId;
  return doc;
}

async function newDocument(title: string, template = 'blank'): Promise<string> {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title, template });
  return created.body.id as string;
}

describe('Yjs client ids belong to the person who first wrote with them', () => {
  test("writing with another member's client id closes with 4409, stores and relays nothing, and her offline edits still merge", async () => {
    const documentId = await newDocument('Van Fatima');
    const mine = pool.connect(documentId, { cookie: victim.cookie, origin: server.origin });
    const observer = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await Promise.all([waitForSync(mine.provider), waitForSync(observer.provider)]);
    mine.doc.getText('t').insert(0, 'Van Fatima.');
    await eventually(() => expect(storedText(server, documentId)).toBe('Van Fatima.'));

    // The attacker continues Fatima's client id with a sentence of its own.
    const forged = replicaAs(mine.doc.clientID, mine.doc);
    const before = Y.encodeStateVector(forged);
    forged.getText('t').insert(0, 'VALS: ');
    const raw = await openRawSocket(server.origin, documentId, attacker.cookie);
    raw.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(forged, before)));
    expect((await raw.closed).code).toBe(CloseCode.clientIdTaken);

    setMarker(mine.provider, 'na-de-aanval');
    await eventually(() => expect(seesMarker(observer.provider, 'na-de-aanval')).toBe(true));
    expect(observer.text()).toBe('Van Fatima.');
    expect(storedText(server, documentId)).toBe('Van Fatima.');
    expect(updateRowsBy(server, documentId, attacker.userId)).toBe(0);
    const authors = await workshop.owner.get(`/api/documents/${documentId}/authors`);
    expect(authors.body.filter((row: { clientId: number }) => row.clientId === mine.doc.clientID)).toEqual([
      expect.objectContaining({ userId: victim.userId }),
    ]);

    // Fatima writes offline and comes back: her edits merge as ever.
    mine.provider.disconnect();
    mine.doc.getText('t').insert(mine.doc.getText('t').length, ' Offline erbij.');
    mine.provider.connect();
    await eventually(() => expect(storedText(server, documentId)).toBe('Van Fatima. Offline erbij.'));
    await eventually(() => expect(observer.text()).toBe('Van Fatima. Offline erbij.'));
  });

  test('a client id shown in presence cannot be taken by someone else before its owner writes', async () => {
    const documentId = await newDocument('Nog leeg');
    const mine = pool.connect(documentId, { cookie: victim.cookie, origin: server.origin });
    await waitForSync(mine.provider);
    setMarker(mine.provider, 'aanwezig');
    await eventually(() => expect(server.registry.connectionCount()).toBeGreaterThan(0));
    // Her presence reached the room: her client id is hers from now on.
    await eventually(async () => {
      const probe = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
      await waitForSync(probe.provider);
      await eventually(() => expect(seesMarker(probe.provider, 'aanwezig')).toBe(true));
    });

    const squatter = new Y.Doc();
    squatter.clientID = mine.doc.clientID;
    squatter.getText('t').insert(0, 'Gekaapt');
    const raw = await openRawSocket(server.origin, documentId, attacker.cookie);
    raw.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(squatter)));
    expect((await raw.closed).code).toBe(CloseCode.clientIdTaken);

    mine.doc.getText('t').insert(0, 'Eerlijk geschreven');
    await eventually(() => expect(storedText(server, documentId)).toBe('Eerlijk geschreven'));
  });

  test("the server's own client ids (a template's text) are nobody's to continue", async () => {
    const documentId = await newDocument('Met sjabloon', 'uitvraag');
    const reader = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await waitForSync(reader.provider);
    const serverIds = [...Y.decodeStateVector(Y.encodeStateVector(reader.doc)).keys()];
    expect(serverIds.length).toBeGreaterThan(0);
    const before = Y.encodeStateAsUpdate(reader.doc);

    const forged = replicaAs(serverIds[0]!, reader.doc);
    const sv = Y.encodeStateVector(forged);
    forged.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    const raw = await openRawSocket(server.origin, documentId, attacker.cookie);
    raw.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(forged, sv)));
    expect((await raw.closed).code).toBe(CloseCode.clientIdTaken);
    expect(updateRowsBy(server, documentId, attacker.userId)).toBe(0);
    const fresh = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await waitForSync(fresh.provider);
    expect(Y.encodeStateAsUpdate(fresh.doc)).toEqual(before);
  });

  test('writing with a fresh client id of your own still works', async () => {
    const documentId = await newDocument('Eigen id');
    const raw = await openRawSocket(server.origin, documentId, attacker.cookie);
    const own = new Y.Doc();
    own.getText('t').insert(0, 'Gewoon tekst');
    raw.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(own)));
    await eventually(() => expect(storedText(server, documentId)).toBe('Gewoon tekst'));
    raw.socket.close();
  });
});

describe('presence is stamped by the server', () => {
  /** The `user` of every remote presence an observer sees, by awareness client id. */
  const usersSeenBy = (observer: { provider: { awareness: { getStates(): Map<number, Record<string, unknown>> } } }) =>
    new Map([...observer.provider.awareness.getStates()].map(([id, state]) => [id, state.user as Record<string, unknown> | undefined]));

  test('a viewer who claims to be another member shows up as herself, with her own party', async () => {
    const documentId = await newDocument('Aanwezig');
    const observer = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await waitForSync(observer.provider);
    const raw = await openRawSocket(server.origin, documentId, viewer.cookie);
    raw.socket.send(
      awarenessFrame([
        { clientId: 71_000, clock: 1, state: { user: { id: victim.userId, name: 'Fatima Slachtoffer', partyName: 'Gemeente', color: '#000000' }, marker: 'vals' } },
      ]),
    );
    await eventually(() => expect(usersSeenBy(observer).get(71_000)).toBeDefined());
    expect(usersSeenBy(observer).get(71_000)).toEqual({ id: viewer.userId, name: 'Kijker', partyId: workshop.partyId, partyName: 'Gemeente', color: expect.stringMatching(/^#[0-9a-f]{6}$/i) });
    raw.socket.close();
  });

  test("nobody can overwrite or remove another person's presence", async () => {
    const documentId = await newDocument('Aanwezigheid');
    const her = pool.connect(documentId, { cookie: victim.cookie, origin: server.origin });
    const observer = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await Promise.all([waitForSync(her.provider), waitForSync(observer.provider)]);
    her.provider.awareness.setLocalStateField('user', { id: victim.userId, name: 'Fatima Slachtoffer', partyId: workshop.partyId, partyName: 'Gemeente', color: '#1f6feb' });
    setMarker(her.provider, 'echt');
    await eventually(() => expect(seesMarker(observer.provider, 'echt')).toBe(true));
    const herId = her.doc.clientID;
    const herClock = her.provider.awareness.meta.get(herId)!.clock;

    const raw = await openRawSocket(server.origin, documentId, viewer.cookie);
    raw.socket.send(awarenessFrame([{ clientId: herId, clock: herClock + 100, state: { user: { name: 'Overgenomen' }, marker: 'overgenomen' } }]));
    raw.socket.send(awarenessFrame([{ clientId: herId, clock: herClock + 200, state: null }]));
    // A marker of the viewer's own, sent after the attacks: once it arrives, they were handled.
    raw.socket.send(awarenessFrame([{ clientId: 72_000, clock: 1, state: { marker: 'daarna' } }]));
    await eventually(() => expect(seesMarker(observer.provider, 'daarna')).toBe(true));

    expect(observer.provider.awareness.getStates().get(herId)).toEqual(expect.objectContaining({ marker: 'echt', user: expect.objectContaining({ id: victim.userId, name: 'Fatima Slachtoffer' }) }));
    expect(her.provider.awareness.getLocalState()).toEqual(expect.objectContaining({ marker: 'echt' }));
    const rooms = (server.registry as unknown as { rooms: Map<string, { presence: { awareness: { getStates(): Map<number, Record<string, unknown>> } } }> }).rooms;
    expect(rooms.get(documentId)!.presence.awareness.getStates().get(herId)).toEqual(expect.objectContaining({ marker: 'echt' }));
    raw.socket.close();
  });
});

describe('items held pending', () => {
  test('a document whose log holds an update still waiting for its predecessor loads again, and its items count as seen (found by the protocol fuzz: 4503)', async () => {
    const documentId = await newDocument('Wachtend');
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    writer.getText('t').insert(0, 'eerst ');
    writer.transact(() => {
      const text = writer.getText('t');
      for (let i = 0; i < 20; i++) text.insert(text.length, `woord${i} `, i % 2 ? { bold: true } : {});
      writer.getMap('m').set('laatst', 'ja');
      writer.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    });
    const raw = await openRawSocket(server.origin, documentId, attacker.cookie);
    // Only the second update: the server keeps it pending, as it arrived.
    raw.socket.send(syncUpdateFrame(updates[1]!));
    await eventually(() => expect(updateRowsBy(server, documentId, attacker.userId)).toBe(1));
    raw.socket.close();
    await eventually(() => expect(server.registry.roomCount()).toBe(0));

    // Someone else's client forwards the pending items (as a sync step 2 may): seen, so taken.
    const forwarder = await openRawSocket(server.origin, documentId, victim.cookie);
    forwarder.socket.send(syncUpdateFrame(updates[1]!));
    const owner = await openRawSocket(server.origin, documentId, attacker.cookie);
    owner.socket.send(syncUpdateFrame(updates[0]!));
    await eventually(() => expect(storedText(server, documentId)).toMatch(/^eerst woord0 woord1 /));
    expect(forwarder.socket.readyState).toBe(forwarder.socket.OPEN);
    forwarder.socket.close();
    owner.socket.close();
  });
});
