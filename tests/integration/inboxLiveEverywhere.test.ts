/**
 * The inbox is live on every signed-in page (issue 15, comments, item 4): a person's own event
 * stream `GET /api/me/events`, on a real server, hears a `notifications` event when someone
 * mentions them, and only them; it is authorized by the session, counts against the same cap
 * per user as the workspace streams, and ends when the person signs out.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, type ApiClient, type Workshop } from '../helpers/apiClient';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { paragraphText, rangeAnchor } from '../helpers/comments';
import { appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { openEventStream, type EventStream } from '../helpers/sse';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

type Member = ApiClient & { userId: string };
const streamCap = 3;
let server: TestServer;
let workshop: Workshop;
let anchor: { from: string; to: string };
const pool = new ProviderPool();
const streams: EventStream[] = [];

beforeAll(async () => {
  server = await startTestServer({ MAX_EVENT_STREAMS_PER_USER: String(streamCap) });
  workshop = await buildWorkshop(server.origin);
  const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  appendParagraph(writer.doc, 'Kan de gemeente hier een bedrag noemen?');
  await eventually(() => expect(storedDoc(server, workshop.documentId).getXmlFragment('default').length).toBeGreaterThan(0));
  anchor = rangeAnchor(paragraphText(writer.doc, 0), 4, 12);
  pool.destroyAll();
});
afterEach(() => {
  pool.destroyAll();
  for (const stream of streams.splice(0)) stream.close();
});
afterAll(async () => server.stop());

async function personalStream(cookie: string | null): Promise<EventStream> {
  const stream = await openEventStream(server.origin, '/api/me/events', cookie);
  streams.push(stream);
  return stream;
}

test("a mention reaches the mentioned person's own stream, not a bystander's; reading it tells their other tabs", async () => {
  const writer = (await addMember(workshop, server.origin, 'commenter', 'Cora')) as Member;
  const mentioned = (await addMember(workshop, server.origin, 'viewer', 'Anouk')) as Member;
  const bystander = (await addMember(workshop, server.origin, 'viewer', 'Bram')) as Member;
  const mentionedStream = await personalStream(mentioned.cookie);
  const bystanderStream = await personalStream(bystander.cookie);
  expect(mentionedStream.status).toBe(200);
  await eventually(() => expect(mentionedStream.events).toEqual(['ready']));
  await eventually(() => expect(bystanderStream.events).toEqual(['ready']));

  const started = await writer.post(`/api/documents/${workshop.documentId}/threads`, { anchor, body: `Wat vind jij, @[Anouk](user:${mentioned.userId})?` });
  expect(started.status).toBe(201);
  await eventually(() => expect(mentionedStream.events).toEqual(['ready', 'notifications']));

  const inbox = (await mentioned.get('/api/me/notifications')).body;
  expect(inbox.unread).toBe(1);
  expect((await mentioned.post('/api/me/notifications/read', { ids: [inbox.notifications[0].id] })).status).toBe(200);
  await eventually(() => expect(mentionedStream.events).toEqual(['ready', 'notifications', 'notifications']));
  expect(bystanderStream.events).toEqual(['ready']);
  expect(bystanderStream.ended()).toBe(false);
});

test('without a session the stream is 401; the cap per user counts it with workspace streams', async () => {
  expect((await personalStream(null)).status).toBe(401);
  const person = (await addMember(workshop, server.origin, 'viewer', 'Veel Tabbladen')) as Member;
  for (let i = 0; i < streamCap - 1; i += 1) expect((await personalStream(person.cookie)).status).toBe(200);
  const workspaceStream = await openEventStream(server.origin, `/api/workspaces/${workshop.workspaceId}/events`, person.cookie);
  streams.push(workspaceStream);
  expect(workspaceStream.status).toBe(200);
  expect((await personalStream(person.cookie)).status).toBe(429);
});

test('signing out ends the stream', async () => {
  const person = (await addMember(workshop, server.origin, 'viewer', 'Vertrekker')) as Member;
  const stream = await personalStream(person.cookie);
  await eventually(() => expect(stream.events).toEqual(['ready']));
  expect((await person.post('/api/auth/logout')).status).toBe(204);
  await eventually(() => expect(stream.ended()).toBe(true));
});
