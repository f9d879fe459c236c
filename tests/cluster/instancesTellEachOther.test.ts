/**
 * Issue 13, item 4: what one instance does reaches the others through PostgreSQL (LISTEN/
 * NOTIFY). Two real servers on one database: an event published on A reaches a stream held on
 * B; removing a member through A closes their socket and stream on B; signing out through A
 * closes the session's socket on B; a session locked through A makes B refuse the writes;
 * wrong passwords tried on both count together.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { CloseCode } from '../../shared/collab/protocol';
import { addMember, buildWorkshop, signUp, type Workshop } from '../helpers/apiClient';
import { requestFrom, signInFrom } from '../helpers/fromAddress';
import { openRawSocket, storedText, updateRowsBy } from '../helpers/collab';
import { syncUpdateFrame, textInsertUpdate } from '../helpers/frames';
import { eventually } from '../helpers/providers';
import { startedSession } from '../helpers/sessions';
import { openEventStream, type EventStream } from '../helpers/sse';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let a: TestServer;
let b: TestServer;
let workshop: Workshop;
const streams: EventStream[] = [];

beforeAll(async () => {
  a = await startTestServer({ INSTANCE_ID: 'instance-a' });
  b = await startTestServer({ INSTANCE_ID: 'instance-b', DATABASE_URL: a.databaseUrl! });
  workshop = await buildWorkshop(a.origin);
});
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

const streamOn = async (server: TestServer, cookie: string) => {
  const stream = await openEventStream(server.origin, `/api/workspaces/${workshop.workspaceId}/events`, cookie);
  expect(stream.status).toBe(200);
  streams.push(stream);
  return stream;
};

test('a workspace event published on one instance reaches a stream on the other', async () => {
  const member = await addMember(workshop, a.origin, 'editor', 'Op B');
  const stream = await streamOn(b, member.cookie!);
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/sessions`, { title: 'Op A gepland', template: 'blank' });
  expect(created.status).toBe(201);
  expect((await workshop.owner.patch(`/api/sessions/${created.body.id}`, { title: 'Op A hernoemd' })).status).toBe(200);
  await eventually(() => expect(stream.events).toContain('session'));
});

test('removing a member through one instance closes their socket and stream on the other', async () => {
  const member = await addMember(workshop, a.origin, 'editor', 'Wordt verwijderd');
  const stream = await streamOn(b, member.cookie!);
  const socket = await openRawSocket(b.origin, workshop.documentId, member.cookie!);
  const removed = await workshop.owner.delete(`/api/workspaces/${workshop.workspaceId}/members/${member.userId}`);
  expect(removed.status).toBeLessThan(300);
  const started = performance.now();
  expect((await socket.closed).code).toBe(CloseCode.accessRevoked);
  await eventually(() => expect(stream.ended()).toBe(true));
  // Told at once (a second is the promise; two leave room for a loaded machine), not found by
  // the ten-second sweep.
  expect(stream.endedAt()! - started).toBeLessThan(2_000);
  // Nothing the removed member sends afterwards is kept, on either instance.
  expect(updateRowsBy(a, workshop.documentId, member.userId)).toBe(0);
});

test('signing out through one instance closes that session\'s socket on the other', async () => {
  const member = await addMember(workshop, a.origin, 'editor', 'Meldt af');
  const socket = await openRawSocket(b.origin, workshop.documentId, member.cookie!);
  const started = performance.now();
  expect((await member.post('/api/auth/logout')).status).toBeLessThan(300);
  expect((await socket.closed).code).toBe(CloseCode.sessionEnded);
  // Told at once, not found by the socket's periodic check of its session (seconds later).
  expect(performance.now() - started).toBeLessThan(2_000);
});

test('a session locked through one instance makes the other refuse a participant\'s write', async () => {
  const participant = await addMember(workshop, a.origin, 'editor', 'Deelnemer op B');
  const session = await startedSession(workshop);
  expect((await workshop.owner.patch(`/api/sessions/${session.id}/state`, { locked: true })).body.locked).toBe(true);
  const before = storedText(a, workshop.documentId);
  await eventually(async () => {
    const raw = await openRawSocket(b.origin, workshop.documentId, participant.cookie!);
    raw.socket.send(syncUpdateFrame(textInsertUpdate('OP-B-TIJDENS-SLOT')));
    expect((await raw.closed).code).toBe(CloseCode.documentLocked);
  });
  expect(storedText(a, workshop.documentId)).toBe(before);
  expect(updateRowsBy(a, workshop.documentId, participant.userId)).toBe(0);
  await workshop.owner.post(`/api/sessions/${session.id}/end`);
});

test('wrong passwords spread over two instances count together', async () => {
  const person = await signUp(a.origin, 'Wordt geraden');
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await signInFrom('127.0.0.5', i % 2 ? b.origin : a.origin, person.email, `geraden-${i}`)).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
  // Three failures on each: alone neither instance would slow the seventh try.
  // One try, not retried: each retry would be a failure of its own and slow it down anyway.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect((await signInFrom('127.0.0.5', a.origin, person.email, 'nog-een')).status).toBe(429);
  expect((await signInFrom('127.0.0.5', b.origin, person.email, 'en-nog-een')).status).toBe(429);
});

test('wrong join codes spread over two instances count together', async () => {
  const join = (origin: string, code: string) =>
    requestFrom('127.0.0.6', `${origin}/api/join`, { json: { code, name: 'Rader' }, headers: { origin } });
  const statuses: number[] = [];
  // Ten wrong codes are free and the eleventh starts the wait: six on A and five on B.
  for (let i = 0; i < 11; i++) statuses.push((await join(i % 2 ? b.origin : a.origin, `WRNGCD${String.fromCharCode(65 + i)}Z`)).status);
  expect(statuses).toEqual(Array(11).fill(404));
  await new Promise((resolve) => setTimeout(resolve, 300));
  // One try each, not retried: a retry would be a wrong code of its own.
  expect((await join(a.origin, 'WRNGCDXZ')).status).toBe(429);
  expect((await join(b.origin, 'WRNGCDYZ')).status).toBe(429);
});
