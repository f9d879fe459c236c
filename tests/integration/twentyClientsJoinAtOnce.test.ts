import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop } from '../helpers/apiClient';
import { ProviderPool, storedRows, storedText } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
const pool = new ProviderPool();

beforeAll(async () => {
  // A low compaction threshold, so the stored document is a snapshot plus a tail of log rows.
  server = await startTestServer({ COMPACT_AFTER_UPDATES: '10' });
  // Every stock provider adds a process 'exit' listener; twenty of them are expected here.
  process.setMaxListeners(40);
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

test('twenty clients connecting at the same moment to a stored document all see its full content at their first sync', async () => {
  const workshop = await buildWorkshop(server.origin);
  const viewer = await addMember(workshop, server.origin, 'viewer', 'Kijker');
  const editor = await addMember(workshop, server.origin, 'editor', 'Schrijver');
  const { origin } = server;

  const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin });
  await waitForSync(writer.provider);
  const paragraphs = Array.from({ length: 25 }, (_, i) => `Alinea ${i + 1}: de partijen spreken af wat ze samen gaan doen.\n`);
  for (const paragraph of paragraphs) {
    const text = writer.doc.getText('t');
    text.insert(text.length, paragraph);
  }
  const content = paragraphs.join('');
  await eventually(() => expect(storedText(server, workshop.documentId)).toBe(content));
  pool.destroyAll();
  await eventually(() => expect(server.registry.roomCount()).toBe(0));
  // Waited for, not asserted at once: on PostgreSQL under load the snapshot was missing right
  // after the room had gone (twice, cause not found: see the closing note of 2026-12-04).
  await eventually(() => expect(storedRows(server, workshop.documentId).snapshot).not.toBeNull());

  const cookies = [workshop.owner.cookie, editor.cookie, viewer.cookie];
  const seenAtFirstSync: (string | null)[] = Array.from({ length: 20 }, () => null);
  const clients = Array.from({ length: 20 }, (_, i) => {
    const client = pool.connect(workshop.documentId, { cookie: cookies[i % cookies.length]!, origin });
    client.provider.on('sync', (synced: boolean) => {
      // Checked inside the handler: what the client has at the very moment it calls itself synced.
      if (synced && seenAtFirstSync[i] === null) seenAtFirstSync[i] = client.text();
    });
    return client;
  });

  await Promise.all(clients.map((client) => waitForSync(client.provider)));
  expect(seenAtFirstSync).toEqual(Array.from({ length: 20 }, () => content));
  // One room for all of them.
  expect(server.registry.roomCount()).toBe(1);
  // And nothing was lost or doubled on the way.
  expect(storedText(server, workshop.documentId)).toBe(content);
});
