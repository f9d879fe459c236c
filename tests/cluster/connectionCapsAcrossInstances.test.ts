/**
 * Issue 13, item 4: the connection caps count across instances. Two real servers on one
 * database, a cap of three sockets per person: two sockets held on A and one on B leave no room
 * for a fourth on either instance; one closing on A makes room on B; an instance that stops
 * takes its sockets out of the others' counts.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { attemptUpgrade, openRawSocket, type RawConnection } from '../helpers/collab';
import { eventually } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

const caps = { MAX_CONNECTIONS_PER_USER: '3', MAX_CONNECTIONS_PER_IP: '1000' };
let a: TestServer;
let b: TestServer;
let workshop: Workshop;
const opened: RawConnection[] = [];

beforeAll(async () => {
  a = await startTestServer({ ...caps, INSTANCE_ID: 'caps-a' });
  b = await startTestServer({ ...caps, INSTANCE_ID: 'caps-b', DATABASE_URL: a.databaseUrl! });
  workshop = await buildWorkshop(a.origin);
});
afterAll(async () => {
  for (const raw of opened) raw.socket.terminate();
  await b?.stop();
  await a?.stop();
});

test("one person's sockets on two instances count together against the cap", async () => {
  const member = await addMember(workshop, a.origin, 'editor', 'Twee laptops');
  // Two documents, each owned by the instance its first socket reached: no socket is piped.
  const second = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Tweede', template: 'blank' });
  expect(second.status).toBe(201);
  const onA = workshop.documentId;
  const onB = second.body.id as string;
  opened.push(await openRawSocket(a.origin, onA, member.cookie));
  opened.push(await openRawSocket(a.origin, onA, member.cookie));
  opened.push(await openRawSocket(b.origin, onB, member.cookie));
  expect(a.registry.connectionCount()).toBe(2);
  expect(b.registry.connectionCount()).toBe(1);

  // Each instance alone holds fewer than three; together they hold three.
  await eventually(async () => expect((await attemptUpgrade(b.origin, onB, member.cookie)).status).toBe(429));
  expect((await attemptUpgrade(a.origin, onA, member.cookie)).status).toBe(429);
  // Someone else still gets in on both.
  expect((await attemptUpgrade(b.origin, onB, workshop.owner.cookie)).status).toBe(101);
  expect(b.registry.connectionCount()).toBeLessThanOrEqual(1 + 1);

  // One tab on A closes: B lets the person in again once A has said so.
  opened[0]!.socket.close();
  await opened[0]!.closed;
  await eventually(async () => expect((await attemptUpgrade(b.origin, onB, member.cookie)).status).toBe(101));
});

test("an instance that stops takes its sockets out of the other's count", async () => {
  const member = await addMember(workshop, a.origin, 'editor', 'Op een instantie die stopt');
  const c = await startTestServer({ ...caps, INSTANCE_ID: 'caps-c', DATABASE_URL: a.databaseUrl! });
  const third = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Derde', template: 'blank' });
  const onC = third.body.id as string;
  try {
    for (let i = 0; i < 3; i++) opened.push(await openRawSocket(c.origin, onC, member.cookie));
    // A does not own this document and would pipe a socket to C; a fresh document is A's own.
    const fourth = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Vierde', template: 'blank' });
    await eventually(async () => expect((await attemptUpgrade(a.origin, fourth.body.id, member.cookie)).status).toBe(429));
  } finally {
    await c.stop();
  }
  await eventually(async () => expect((await attemptUpgrade(a.origin, workshop.documentId, member.cookie)).status).toBe(101));
});
