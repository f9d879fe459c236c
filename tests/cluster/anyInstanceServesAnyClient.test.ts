/**
 * Issue 13, item 2: a stock WebsocketProvider pointed at any instance just works. Three real
 * servers on one PostgreSQL behind one public origin; a client on each writes in the same
 * document. Exactly one instance holds the room (the others pipe their sockets to it), every
 * replica converges, each edit is stored once. When the owner stops, the piped clients are told
 * to reconnect, another instance takes the document over, and writing goes on.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { buildWorkshop } from '../helpers/apiClient';
import { ProviderPool, storedText } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlAll } from '../helpers/testSql';

let servers: TestServer[] = [];
const pool = new ProviderPool();

beforeAll(async () => {
  const first = await startTestServer({ INSTANCE_ID: 'instance-1' });
  // One public origin for all, as behind a load balancer: the Origin check holds on each.
  const shared = { DATABASE_URL: first.databaseUrl!, PUBLIC_URL: first.origin };
  servers = [first, await startTestServer({ ...shared, INSTANCE_ID: 'instance-2' }), await startTestServer({ ...shared, INSTANCE_ID: 'instance-3' })];
});
afterEach(() => pool.destroyAll());
afterAll(async () => {
  for (const server of servers) await server.stop();
});

const roomsOpen = () => servers.map((server) => server.registry.roomCount());
const count = (text: string, token: string) => text.split(token).length - 1;

test('one room across three instances; every client converges and each edit is stored once; the owner stops and another takes over', async () => {
  const [first] = servers;
  const { owner, documentId } = await buildWorkshop(first!.origin);
  const clients = servers.map((server) => pool.connect(documentId, { cookie: owner.cookie, origin: server.origin, sendOrigin: first!.origin }));
  await Promise.all(clients.map((client) => waitForSync(client.provider)));
  expect(roomsOpen().reduce((a, b) => a + b, 0)).toBe(1);

  clients.forEach((client, i) => client.doc.getText('t').insert(0, `[een-${i}]`));
  for (const client of clients) await eventually(() => expect(['[een-0]', '[een-1]', '[een-2]'].every((t) => client.text().includes(t))).toBe(true));
  expect(new Set(clients.map((client) => client.text())).size).toBe(1);
  await eventually(() => expect(storedText(first!, documentId)).toBe(clients[0]!.text()));
  for (const token of ['[een-0]', '[een-1]', '[een-2]']) expect(count(storedText(first!, documentId), token)).toBe(1);

  const ownerIndex = roomsOpen().indexOf(1);
  const lease = sqlAll<{ instance_id: string }>(first!, 'SELECT instance_id FROM document_leases WHERE document_id = ?', documentId);
  expect(lease.map((row) => row.instance_id)).toEqual([`instance-${ownerIndex + 1}`]);

  // The owner stops (a deploy); its own client goes with it, the piped ones reconnect.
  const [stopping] = servers.splice(ownerIndex, 1);
  const [gone] = clients.splice(ownerIndex, 1);
  gone!.provider.destroy();
  await stopping!.stop();
  const still = servers[0]!;
  for (const client of clients) await waitForSync(client.provider, 20_000);
  clients.forEach((client, i) => client.doc.getText('t').insert(0, `[twee-${i}]`));
  for (const client of clients) await eventually(() => expect(['[twee-0]', '[twee-1]'].every((t) => client.text().includes(t))).toBe(true), 20_000);
  expect(clients[0]!.text()).toBe(clients[1]!.text());
  expect(roomsOpen().reduce((a, b) => a + b, 0)).toBe(1);
  await eventually(() => expect(storedText(still, documentId)).toBe(clients[0]!.text()));
  for (const token of ['[een-0]', '[een-1]', '[een-2]', '[twee-0]', '[twee-1]']) expect(count(storedText(still, documentId), token)).toBe(1);
});
