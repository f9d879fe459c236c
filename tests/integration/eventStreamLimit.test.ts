/**
 * Open event streams per user are capped (issue 12 item 7; one viewer used to hold 3,000). The
 * cap holds for requests that arrive together, a refused stream gets 429, other people are not
 * affected, and a closed stream frees its place.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { eventually } from '../helpers/providers';
import { openEventStream, type EventStream } from '../helpers/sse';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
const streams: EventStream[] = [];

beforeAll(async () => {
  server = await startTestServer({ MAX_EVENT_STREAMS_PER_USER: '5' });
  workshop = await buildWorkshop(server.origin);
});
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
});
afterAll(async () => server.stop());

async function open(cookie: string | null, workspaceId = workshop.workspaceId): Promise<EventStream> {
  const stream = await openEventStream(server.origin, `/api/workspaces/${workspaceId}/events`, cookie);
  streams.push(stream);
  return stream;
}

test('40 streams opened at once by one viewer: 5 are served, 35 get 429; the owner is not affected; a closed one frees its place', async () => {
  const viewer = await addMember(workshop, server.origin, 'viewer', 'Kijker');
  const attempts = await Promise.all(Array.from({ length: 40 }, () => open(viewer.cookie)));
  const served = attempts.filter((s) => s.status === 200);
  expect(served).toHaveLength(5);
  expect(attempts.filter((s) => s.status === 429)).toHaveLength(35);

  // A second workspace does not open a second allowance.
  const other = await workshop.owner.post('/api/workspaces', { name: 'Tweede traject' });
  const invite = await workshop.owner.post(`/api/workspaces/${other.body.id}/invites`, { role: 'viewer', partyId: (await workshop.owner.post(`/api/workspaces/${other.body.id}/parties`, { name: 'Buurt', kind: 'residents' })).body.id });
  expect((await viewer.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(200);
  expect((await open(viewer.cookie, other.body.id)).status).toBe(429);

  // The owner still gets a stream, and the viewer's served streams still work.
  const owners = await open(workshop.owner.cookie);
  expect(owners.status).toBe(200);
  await eventually(() => expect(served.every((s) => s.events.includes('ready'))).toBe(true));
  const version = await workshop.owner.post(`/api/documents/${workshop.documentId}/versions`, { label: 'Na de eerste ronde' });
  expect(version.status).toBe(201);
  await eventually(() => expect(served.every((s) => s.events.includes('versions'))).toBe(true));

  served[0]!.close();
  await eventually(async () => {
    const again = await open(viewer.cookie);
    expect(again.status).toBe(200);
  });
  expect((await open(viewer.cookie)).status).toBe(429);
});
