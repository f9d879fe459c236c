/**
 * Issue 13, item 2: routes that change a document work on any instance. Three servers on one
 * PostgreSQL; a client holds the document open on A, so A owns it. Through B: save a version,
 * restore it, decide a commitment and start a comment thread. The live client on A sees each
 * change, the stored document has it, the answers are the ones A gives itself, and B never opens
 * a room for the document (A keeps its lease, epoch unchanged). Forged forwarding headers are not
 * believed; an owner that dies while it holds a forwarded request gives a 503, not a hang.
 */
import fs from 'node:fs';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, ApiClient, buildWorkshop, type ApiResponse, type Workshop } from '../helpers/apiClient';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { commentMarks, paragraphText, rangeAnchor } from '../helpers/comments';
import { appendCommitment, appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { makeDataDir, spawnServerProcess, startTestServer, type ServerProcess, type TestServer } from '../helpers/startTestServer';
import { sqlGet } from '../helpers/testSql';

const secretHeader = 'x-werktafel-forward-secret';
const addressHeader = 'x-werktafel-client-address';

let servers: TestServer[] = [];
let spawned: ServerProcess | null = null;
const pool = new ProviderPool();

beforeAll(async () => {
  const first = await startTestServer({ INSTANCE_ID: 'instance-1' });
  const shared = { DATABASE_URL: first.databaseUrl!, PUBLIC_URL: first.origin };
  servers = [first, await startTestServer({ ...shared, INSTANCE_ID: 'instance-2' }), await startTestServer({ ...shared, INSTANCE_ID: 'instance-3' })];
});
afterEach(() => pool.destroyAll());
afterAll(async () => {
  if (spawned && spawned.child.exitCode === null && spawned.child.signalCode === null) await spawned.kill9();
  if (spawned) fs.rmSync(spawned.dataDir, { recursive: true, force: true });
  for (const server of servers) await server.stop();
});

/** The same signed-in person, sending their requests to another instance (as a load balancer might). */
function at(server: { origin: string }, person: ApiClient): ApiClient {
  const client = new ApiClient(server.origin, servers[0]!.origin);
  client.cookie = person.cookie;
  return client;
}

/** Whether the server had a room in memory at any moment until the returned function is called. */
function watchRooms(server: TestServer): () => boolean {
  let seen = false;
  let watching = true;
  const look = () => {
    if (server.registry.roomCount() > 0) seen = true;
    if (watching) setImmediate(look);
  };
  look();
  return () => {
    watching = false;
    return seen;
  };
}

const lease = (documentId: string) => sqlGet<{ instance_id: string; epoch: number }>(servers[0]!, 'SELECT instance_id, epoch FROM document_leases WHERE document_id = ?', documentId);
const xmlOf = (doc: Y.Doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT).toString();
const storedXml = (documentId: string) => {
  const doc = storedDoc(servers[0]!, documentId);
  const xml = xmlOf(doc);
  doc.destroy();
  return xml;
};
/** What a response says apart from when and which request: status, the header names, the body. */
const shapeOf = (response: ApiResponse) => ({
  status: response.status,
  type: response.headers.get('content-type'),
  headers: [...response.headers.keys()].filter((name) => name !== 'date').sort(),
});

async function ownedByA(): Promise<{ workshop: Workshop; client: ReturnType<ProviderPool['connect']> }> {
  const [a] = servers;
  const workshop = await buildWorkshop(a!.origin);
  const client = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: a!.origin });
  await waitForSync(client.provider);
  client.doc.transact(() => {
    appendParagraph(client.doc, 'Eerste versie van de tekst');
    appendCommitment(client.doc, 'c-1', workshop.partyId, 'Wij leveren elke week');
  });
  await eventually(() => expect(storedXml(workshop.documentId)).toContain('Eerste versie'));
  expect(lease(workshop.documentId)?.instance_id).toBe('instance-1');
  return { workshop, client };
}

test('through B: a version saved and restored, a commitment confirmed, a thread started; A runs them, its client sees them, B opens no room', async () => {
  const [a, b, c] = servers;
  const { workshop, client } = await ownedByA();
  const { documentId, owner } = workshop;
  const before = lease(documentId)!;
  const onB = at(b!, owner);
  const roomsOnB = watchRooms(b!);
  const roomsOnC = watchRooms(c!);

  const saved = await onB.post(`/api/documents/${documentId}/versions`, { label: 'Eerste versie' });
  expect(saved.status).toBe(201);
  client.doc.transact(() => appendParagraph(client.doc, 'Later toegevoegd'));
  await eventually(() => expect(storedXml(documentId)).toContain('Later toegevoegd'));

  const restored = await onB.post(`/api/documents/${documentId}/versions/${saved.body.id}/restore`);
  expect(restored.status).toBe(200);
  expect(restored.body).toEqual({ restoredVersionId: saved.body.id, backupVersionId: expect.any(String) });
  await eventually(() => expect(xmlOf(client.doc)).not.toContain('Later toegevoegd'));
  expect(xmlOf(client.doc)).toContain('Eerste versie');
  expect(storedXml(documentId)).not.toContain('Later toegevoegd');

  const confirmed = await onB.post(`/api/documents/${documentId}/commitments/c-1/confirm`);
  expect(confirmed.status).toBe(200);
  expect(confirmed.body).toMatchObject({ documentId, blockId: 'c-1', status: 'confirmed', confirmedBy: owner.userId });
  await eventually(() => expect(xmlOf(client.doc)).toMatch(/<commitment[^>]*status="confirmed"/));
  expect(storedXml(documentId)).toMatch(/<commitment[^>]*status="confirmed"/);

  const anchor = rangeAnchor(paragraphText(client.doc, 0), 0, 6);
  const thread = await onB.post(`/api/documents/${documentId}/threads`, { anchor, body: 'Welke versie is dit?' });
  expect(thread.status).toBe(201);
  expect(thread.body).toMatchObject({ quote: 'Eerste', anchored: true, status: 'open' });
  await eventually(() => expect(commentMarks(client.doc)).toEqual({ [thread.body.id]: 'Eerste' }));
  expect(commentMarks(storedDoc(a!, documentId))).toEqual({ [thread.body.id]: 'Eerste' });

  // B and C carried requests only: no room, no lease, no second writer.
  expect(roomsOnB()).toBe(false);
  expect(roomsOnC()).toBe(false);
  expect(lease(documentId)).toEqual(before);
  expect(a!.registry.hasRoom(documentId)).toBe(true);

  // The same answer as from A itself: a withdrawal at A has the confirmation's shape.
  const direct = await at(a!, owner).post(`/api/documents/${documentId}/commitments/c-1/withdraw`);
  expect(direct.status).toBe(200);
  expect(shapeOf(confirmed)).toEqual(shapeOf(direct));
  expect(Object.keys(confirmed.body).sort()).toEqual(Object.keys(direct.body).sort());
});

test('refusals decided at the owner come back as A gives them: unknown block 404, a viewer 403', async () => {
  const [a, b] = servers;
  const { workshop } = await ownedByA();
  const { documentId, owner } = workshop;
  const viewer = await addMember(workshop, a!.origin, 'viewer', 'Kijker');

  for (const [person, path, status] of [
    [owner, `/api/documents/${documentId}/commitments/bestaat-niet/confirm`, 404],
    [viewer, `/api/documents/${documentId}/commitments/c-1/confirm`, 403],
  ] as const) {
    const viaB = await at(b!, person).post(path);
    const atA = await at(a!, person).post(path);
    expect(viaB.status).toBe(status);
    expect(viaB.body).toEqual(atA.body);
    expect(shapeOf(viaB)).toEqual(shapeOf(atA));
  }
  expect(b!.registry.roomCount()).toBe(0);
  await eventually(() => expect(storedXml(documentId)).toMatch(/<commitment[^>]*status="proposed"/));
});

test('forged forwarding headers are not believed: B passes the request on as any client request, a forged client address counts as the real one; a real passed-on request is not passed on again', async () => {
  const [a, b, c] = servers;
  const { workshop, client } = await ownedByA();
  const { documentId, owner } = workshop;
  const forged = { [secretHeader]: 'f'.repeat(64), [addressHeader]: '203.0.113.7' };

  // Believed, the forged secret would have made B treat the request as passed on by a peer, and
  // a passed-on request for a document elsewhere is refused (503). Not believed, B passes it on.
  const response = await fetch(`${b!.origin}/api/documents/${documentId}/commitments/c-1/confirm`, {
    method: 'POST',
    headers: { cookie: owner.cookie!, origin: a!.origin, ...forged },
  });
  expect(response.status).toBe(200);
  await eventually(() => expect(xmlOf(client.doc)).toMatch(/<commitment[^>]*status="confirmed"/));
  expect(b!.registry.roomCount()).toBe(0);

  // The address: wrong join codes are counted per client address; the eleventh wrong one blocks it.
  const guess = (server: TestServer, headers: Record<string, string>) =>
    fetch(`${server.origin}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ code: 'ZZZZ-ZZZZ', name: 'Gast' }) });
  // Wrong codes count on every instance (the cluster bus), so the control comes first. At C, with
  // the cluster's real secret, the relayed address is believed: the guesses count against
  // 203.0.113.7, which is then slowed down everywhere, and 127.0.0.1 stays free.
  const secret = sqlGet<{ secret: string }>(a!, 'SELECT secret FROM cluster_secrets WHERE id = 1')!.secret;
  const relayed = { [secretHeader]: secret, [addressHeader]: '203.0.113.7' };
  for (let i = 0; i < 11; i++) expect((await guess(c!, relayed)).status).not.toBe(429);
  expect((await guess(c!, relayed)).status).toBe(429);
  expect((await guess(c!, {})).status).not.toBe(429);
  // Forged at A, naming that slowed-down address: believed, the first guess would wait (429);
  // not believed, every guess counts against 127.0.0.1, the real address, which is then slowed.
  for (let i = 0; i < 10; i++) expect((await guess(a!, forged)).status).not.toBe(429);
  expect((await guess(a!, {})).status).toBe(429);

  // And a request that really was passed on by a peer is never passed on again: at C, which does
  // not own the document, it is refused rather than sent to A a second time.
  const passedOn = await fetch(`${c!.origin}/api/documents/${documentId}/commitments/c-1/withdraw`, {
    method: 'POST',
    headers: { cookie: owner.cookie!, origin: a!.origin, ...relayed },
  });
  expect(passedOn.status).toBe(503);
  expect(((await passedOn.json()) as { error: { code: string } }).error.code).toBe('document_unavailable');
  expect(c!.registry.roomCount()).toBe(0);
  expect(xmlOf(client.doc)).toMatch(/<commitment[^>]*status="confirmed"/);
});

test('the owner dies while it holds a forwarded request: B answers 503 with Retry-After at once, and the retry runs at B', { timeout: 120_000 }, async () => {
  const [a, b] = servers;
  spawned = await spawnServerProcess(makeDataDir(), { DATABASE_URL: a!.databaseUrl!, PUBLIC_URL: a!.origin, INSTANCE_ID: 'instance-p' });
  const workshop = await buildWorkshop(a!.origin);
  const { documentId, owner } = workshop;
  const client = pool.connect(documentId, { cookie: owner.cookie, origin: spawned.origin, sendOrigin: a!.origin });
  await waitForSync(client.provider, 20_000);
  client.doc.transact(() => appendCommitment(client.doc, 'c-1', workshop.partyId));
  await eventually(() => expect(storedXml(documentId)).toContain('c-1'));
  expect(lease(documentId)?.instance_id).toBe('instance-p');

  // Stopped, the owner takes the forwarded request's connection (the kernel does) but never answers.
  spawned.child.kill('SIGSTOP');
  let settled = false;
  const pending = at(b!, owner)
    .post(`/api/documents/${documentId}/commitments/c-1/confirm`)
    .finally(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(settled).toBe(false);
  const killedAt = Date.now();
  await spawned.kill9();
  const answer = await pending;
  expect(Date.now() - killedAt).toBeLessThan(5_000);
  expect(answer.status).toBe(503);
  expect(answer.body.error.code).toBe('document_unavailable');
  expect(answer.headers.get('retry-after')).toBe('1');

  // The owner's database backend is gone with it: the client's retry finds B free to take over.
  client.provider.destroy();
  const retried = await eventually(async () => {
    const response = await at(b!, owner).post(`/api/documents/${documentId}/commitments/c-1/confirm`);
    expect(response.status).toBe(200);
    return response;
  }, 10_000);
  expect(retried.body).toMatchObject({ status: 'confirmed', confirmedBy: owner.userId });
  await eventually(() => expect(storedXml(documentId)).toMatch(/<commitment[^>]*status="confirmed"/));
});
