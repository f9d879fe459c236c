/**
 * Found in review: an edited comment skipped the mention checks (a party of another workspace
 * could be "mentioned" by editing), and the inbox's unread count still counted a workspace the
 * person had left although the list hid it. Each test acts through the API and reads back.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool } from '../helpers/collab';
import { paragraphText, rangeAnchor } from '../helpers/comments';
import { appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
let anchor: { from: string; to: string };
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  appendParagraph(writer.doc, 'Inschrijvers hebben drie jaar ervaring.');
  anchor = rangeAnchor(paragraphText(writer.doc, 0), 0, 12);
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

const startThread = (body: string) =>
  eventually(async () => {
    const res = await workshop.owner.post(`/api/documents/${workshop.documentId}/threads`, { anchor, body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  });

test('an edit is checked for mentions like a new comment, and whoever it newly mentions hears of it once', async () => {
  const reader = await addMember(workshop, server.origin, 'commenter', 'Lezer');
  const elsewhere = await buildWorkshop(server.origin);
  const threadId = await startThread('Eerste versie');
  const thread = (await workshop.owner.get(`/api/documents/${workshop.documentId}/threads`)).body.find((t: { id: string }) => t.id === threadId);
  const commentId = thread.comments[0].id as string;

  const foreign = await workshop.owner.patch(`/api/comments/${commentId}`, { body: `Vraag aan @[Elders](party:${elsewhere.partyId})` });
  expect(foreign.status).toBe(400);
  expect(Object.keys(foreign.body.error.fields)).toEqual(['body']);
  const unchanged = (await workshop.owner.get(`/api/documents/${workshop.documentId}/threads`)).body.find((t: { id: string }) => t.id === threadId);
  expect(unchanged.comments[0].body).toBe('Eerste versie');

  const mention = `Vraag aan @[Lezer](user:${reader.userId})`;
  expect((await workshop.owner.patch(`/api/comments/${commentId}`, { body: mention })).status).toBe(200);
  expect((await workshop.owner.patch(`/api/comments/${commentId}`, { body: `${mention}, nogmaals` })).status).toBe(200);
  const inbox = await reader.get('/api/me/notifications');
  expect(inbox.body.unread).toBe(1);
  expect(inbox.body.notifications).toHaveLength(1);
});

test('a workspace the person left no longer counts in their unread number', async () => {
  const leaver = await addMember(workshop, server.origin, 'commenter', 'Vertrekker');
  await startThread(`Voor @[Vertrekker](user:${leaver.userId})`);
  expect((await leaver.get('/api/me/notifications')).body.unread).toBe(1);
  expect((await leaver.request('DELETE', `/api/workspaces/${workshop.workspaceId}/members/${leaver.userId}`)).status).toBe(204);
  const after = await leaver.get('/api/me/notifications');
  expect(after.body.notifications).toEqual([]);
  expect(after.body.unread).toBe(0);
});
