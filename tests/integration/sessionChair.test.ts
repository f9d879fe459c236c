/**
 * Issue 14, item 2: only the chair runs a session. The starter chairs; a member who is not the
 * chair is refused and changes nothing; the clock is the server's (endsAt with serverNow);
 * every change reaches the other members' event streams as a `session` event.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { eventually } from '../helpers/providers';
import { openEventStream } from '../helpers/sse';
import { startedSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlGet } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterAll(async () => server.stop());

const storedSession = (id: string) => sqlGet(server, 'SELECT * FROM work_sessions WHERE id = ?', id)!;

test('the starter chairs; another editor\'s state change gets 403 and changes nothing', async () => {
  const editor = await addMember(workshop, server.origin, 'editor', 'Schrijver');
  const session = await startedSession(workshop);
  const detail = (await workshop.owner.get(`/api/sessions/${session.id}`)).body;
  expect(detail).toMatchObject({ status: 'running', chairUserId: workshop.owner.userId, youChair: true, currentStepId: session.steps[0].id });
  expect((await editor.get(`/api/sessions/${session.id}`)).body.youChair).toBe(false);

  const before = storedSession(session.id);
  for (const body of [{ stepId: session.steps[2].id }, { timer: { seconds: 60 } }, { locked: true }, { follow: { documentId: workshop.documentId } }]) {
    const refused = await editor.patch(`/api/sessions/${session.id}/state`, body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not_the_chair');
  }
  expect((await editor.post(`/api/sessions/${session.id}/end`)).status).toBe(403);
  expect((await editor.post(`/api/sessions/${session.id}/chair`, { userId: editor.userId })).status).toBe(403);
  expect(storedSession(session.id)).toEqual(before);
  // A second start does not take the chair away.
  expect((await editor.post(`/api/sessions/${session.id}/start`)).status).toBe(409);
  expect(storedSession(session.id).chair_user_id).toBe(workshop.owner.userId);
});

test('the clock: endsAt by the server\'s own time, pause, resume and one more minute', async () => {
  const session = await startedSession(workshop);
  const before = Date.now();
  const started = await workshop.owner.patch(`/api/sessions/${session.id}/state`, { stepId: session.steps[1].id, timer: { seconds: 300 } });
  const after = Date.now();
  expect(started.status).toBe(200);
  expect(started.body.currentStepId).toBe(session.steps[1].id);
  const { endsAt, serverNow } = started.body.timer;
  expect(serverNow).toBeGreaterThanOrEqual(before);
  expect(serverNow).toBeLessThanOrEqual(after);
  expect(endsAt - serverNow).toBeGreaterThan(299_000);
  expect(endsAt - serverNow).toBeLessThanOrEqual(300_000);
  expect(storedSession(session.id).timer_ends_at).toBe(endsAt);

  // Another member reads the same end, with the server's time of that answer.
  const viewer = await addMember(workshop, server.origin, 'viewer', 'Kijker');
  const seen = (await viewer.get(`/api/sessions/${session.id}`)).body.timer;
  expect(seen.endsAt).toBe(endsAt);
  expect(seen.serverNow).toBeGreaterThanOrEqual(serverNow);

  const paused = (await workshop.owner.patch(`/api/sessions/${session.id}/state`, { timer: { action: 'pause' } })).body.timer;
  expect(paused.endsAt).toBeNull();
  expect(paused.pausedRemainingMs).toBeGreaterThan(290_000);
  const extended = (await workshop.owner.patch(`/api/sessions/${session.id}/state`, { timer: { action: 'extend' } })).body.timer;
  expect(extended.pausedRemainingMs).toBe(paused.pausedRemainingMs + 60_000);
  const resumed = (await workshop.owner.patch(`/api/sessions/${session.id}/state`, { timer: { action: 'resume' } })).body.timer;
  // What was left runs again from the moment of resuming (serverNow is a moment later, at the answer).
  expect(resumed.endsAt - resumed.serverNow).toBeLessThanOrEqual(extended.pausedRemainingMs);
  expect(resumed.endsAt - resumed.serverNow).toBeGreaterThan(extended.pausedRemainingMs - 1000);
  expect((await workshop.owner.patch(`/api/sessions/${session.id}/state`, { timer: null })).body.timer).toBeNull();
});

test('state changes that do not fit are answered 400 per field', async () => {
  const session = await startedSession(workshop);
  const before = storedSession(session.id);
  const bad = await workshop.owner.patch(`/api/sessions/${session.id}/state`, { timer: { seconds: -5 }, locked: 'ja' });
  expect(bad.status).toBe(400);
  expect(Object.keys(bad.body.error.fields).sort()).toEqual(['locked', 'timer.seconds']);
  const unknownStep = await workshop.owner.patch(`/api/sessions/${session.id}/state`, { stepId: 'geen-stap' });
  expect(unknownStep.status).toBe(400);
  expect(unknownStep.body.error.fields).toEqual({ stepId: 'Deze stap staat niet op de agenda.' });
  const foreignFollow = await workshop.owner.patch(`/api/sessions/${session.id}/state`, { follow: { documentId: 'van-elders' } });
  expect(foreignFollow.body.error.fields).toEqual({ 'follow.documentId': 'Dit document hoort niet bij deze werkruimte.' });
  expect(storedSession(session.id)).toEqual(before);
});

test('follow-me, hand-over and end; every change is a session event on another member\'s stream', async () => {
  const editor = await addMember(workshop, server.origin, 'editor', 'Opvolger');
  const session = await startedSession(workshop);
  const stream = await openEventStream(server.origin, `/api/workspaces/${workshop.workspaceId}/events`, editor.cookie);
  try {
    await eventually(() => expect(stream.events).toContain('ready'));
    const followed = await workshop.owner.patch(`/api/sessions/${session.id}/state`, { follow: { documentId: workshop.documentId, blockId: 'b-1' } });
    expect(followed.body.follow).toEqual({ documentId: workshop.documentId, blockId: 'b-1' });
    await eventually(() => expect(stream.events.filter((e) => e === 'session')).toHaveLength(1));
    expect((await editor.get(`/api/sessions/${session.id}`)).body.follow).toEqual({ documentId: workshop.documentId, blockId: 'b-1' });

    expect((await workshop.owner.post(`/api/sessions/${session.id}/chair`, { userId: editor.userId })).status).toBe(200);
    await eventually(() => expect(stream.events.filter((e) => e === 'session')).toHaveLength(2));
    expect(storedSession(session.id).chair_user_id).toBe(editor.userId);
    // The old chair is now an ordinary participant.
    expect((await workshop.owner.patch(`/api/sessions/${session.id}/state`, { follow: null })).status).toBe(403);
    const ended = await editor.post(`/api/sessions/${session.id}/end`);
    expect(ended.status).toBe(201);
    expect(ended.body.session).toMatchObject({ status: 'ended', timer: null, follow: null, locked: false, minutesDocumentId: ended.body.id });
    await eventually(() => expect(stream.events.filter((e) => e === 'session')).toHaveLength(3));
    expect((await editor.patch(`/api/sessions/${session.id}/state`, { locked: true })).status).toBe(403);
  } finally {
    stream.close();
  }
});
