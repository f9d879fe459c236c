/**
 * Issue 14, item 1: planning a werksessie through the HTTP API. Owners and editors plan, every
 * member reads, someone outside the workspace learns nothing, and bad fields are answered with
 * field messages in the request's language.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, signUp, type Workshop } from '../helpers/apiClient';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sessionTemplates } from '../../shared/sessions/templates';
import { sqlGet } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterAll(async () => server.stop());

const countRows = (sql: string, ...args: string[]) => Number(sqlGet<{ n: number }>(server, sql, ...args)!.n);

test('an owner plans a session from the Verkenningsbijeenkomst template, in Dutch by default', async () => {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/sessions`, {
    title: 'Eerste verkenning',
    template: 'verkenning',
    startsAt: '2027-03-14T19:30:00+01:00',
  });
  expect(created.status).toBe(201);
  expect(typeof created.body.id).toBe('string');

  const read = await workshop.owner.get(`/api/sessions/${created.body.id}`);
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ title: 'Eerste verkenning', status: 'planned', chairUserId: null, timer: null, follow: null, locked: false, turn: null, currentStepId: null });
  expect(read.body.startsAt).toBe(Date.parse('2027-03-14T18:30:00Z'));
  const template = sessionTemplates.verkenning.steps;
  expect(read.body.steps.map((s: { title: string }) => s.title)).toEqual(template.map((s) => s.nl.title));
  expect(read.body.steps.map((s: { kind: string }) => s.kind)).toEqual(template.map((s) => s.kind));
  expect(read.body.steps.some((s: { kind: string }) => s.kind === 'round')).toBe(true);
  // Stored, not made up per request.
  expect(countRows('SELECT COUNT(*) AS n FROM work_session_steps WHERE session_id = ?', created.body.id)).toBe(template.length);

  const list = await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}/sessions`);
  expect(list.body.map((s: { id: string }) => s.id)).toContain(created.body.id);
});

test('a session planned in English gets the English agenda; blank has none', async () => {
  workshop.owner.acceptLanguage = 'en';
  try {
    const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/sessions`, { title: 'Criteria', template: 'criteria' });
    const read = await workshop.owner.get(`/api/sessions/${created.body.id}`);
    expect(read.body.steps[0].title).toBe(sessionTemplates.criteria.steps[0]!.en.title);
    const blank = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/sessions`, { title: 'Leeg' });
    expect((await workshop.owner.get(`/api/sessions/${blank.body.id}`)).body.steps).toEqual([]);
  } finally {
    workshop.owner.acceptLanguage = null;
  }
});

test('an editor creates and edits the agenda; a viewer and a commenter only read', async () => {
  const editor = await addMember(workshop, server.origin, 'editor', 'Schrijver');
  const viewer = await addMember(workshop, server.origin, 'viewer', 'Kijker');
  const commenter = await addMember(workshop, server.origin, 'commenter', 'Commentator');
  const created = await editor.post(`/api/workspaces/${workshop.workspaceId}/sessions`, { title: 'Startbijeenkomst', template: 'startbijeenkomst' });
  expect(created.status).toBe(201);
  const before = countRows('SELECT COUNT(*) AS n FROM work_sessions WHERE workspace_id = ?', workshop.workspaceId);

  for (const reader of [viewer, commenter]) {
    const refused = await reader.post(`/api/workspaces/${workshop.workspaceId}/sessions`, { title: 'Van een lezer' });
    expect(refused.status).toBe(403);
    expect((await reader.patch(`/api/sessions/${created.body.id}`, { title: 'Gekaapt' })).status).toBe(403);
    expect((await reader.post(`/api/sessions/${created.body.id}/start`)).status).toBe(403);
    expect((await reader.get(`/api/sessions/${created.body.id}`)).status).toBe(200);
  }
  expect(countRows('SELECT COUNT(*) AS n FROM work_sessions WHERE workspace_id = ?', workshop.workspaceId)).toBe(before);

  const steps = (await editor.get(`/api/sessions/${created.body.id}`)).body.steps;
  const kept = steps[0];
  const patched = await editor.patch(`/api/sessions/${created.body.id}`, {
    title: 'Startbijeenkomst coalitie',
    steps: [
      { id: kept.id, title: kept.title, instruction: kept.instruction, minutes: 12, kind: kept.kind },
      { title: 'Ronde langs de partners', minutes: 20, kind: 'round', documentId: workshop.documentId },
    ],
  });
  expect(patched.status).toBe(200);
  expect(patched.body.title).toBe('Startbijeenkomst coalitie');
  expect(patched.body.steps).toHaveLength(2);
  expect(patched.body.steps[0]).toMatchObject({ id: kept.id, minutes: 12 });
  expect(patched.body.steps[1]).toMatchObject({ kind: 'round', documentId: workshop.documentId, instruction: '' });
  const stored = sqlGet<{ title: string }>(server, 'SELECT title FROM work_sessions WHERE id = ?', created.body.id)!;
  expect(stored.title).toBe('Startbijeenkomst coalitie');
});

test('someone outside the workspace gets 404 for its sessions, the same as for none', async () => {
  const outsider = await signUp(server.origin, 'Buitenstaander');
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/sessions`, { title: 'Binnen', template: 'verkenning' });
  expect((await outsider.get(`/api/sessions/${created.body.id}`)).status).toBe(404);
  expect((await outsider.get('/api/sessions/bestaat-niet')).status).toBe(404);
  expect((await outsider.get(`/api/workspaces/${workshop.workspaceId}/sessions`)).status).toBe(404);
  expect((await outsider.post(`/api/workspaces/${workshop.workspaceId}/sessions`, { title: 'Van buiten' })).status).toBe(404);
  expect((await outsider.patch(`/api/sessions/${created.body.id}`, { title: 'Van buiten' })).status).toBe(404);
  expect((await outsider.post(`/api/sessions/${created.body.id}/start`)).status).toBe(404);
  expect((await outsider.patch(`/api/sessions/${created.body.id}/state`, { locked: true })).status).toBe(404);
  expect((await workshop.owner.get(`/api/sessions/${created.body.id}`)).body).toMatchObject({ title: 'Binnen', status: 'planned' });
});

test('invalid fields are answered 400 with a message per field, in the request language', async () => {
  const bad = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/sessions`, { title: '   ', template: 'vergadering', startsAt: 'morgen' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.code).toBe('invalid_request');
  expect(bad.body.error.fields).toEqual({
    title: 'Geef de sessie een titel.',
    template: 'Kies een van de sjablonen of een lege sessie.',
    startsAt: 'Geef een datum en tijd, bijvoorbeeld 2027-03-14T19:30:00+01:00.',
  });

  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/sessions`, { title: 'Goed' });
  workshop.owner.acceptLanguage = 'en';
  try {
    const badSteps = await workshop.owner.patch(`/api/sessions/${created.body.id}`, {
      steps: [{ title: 'Stap', minutes: 0, kind: 'dans' }, { title: 'Elders', minutes: 5, kind: 'talk', documentId: 'van-een-ander' }],
    });
    expect(badSteps.status).toBe(400);
    expect(badSteps.body.error.fields).toMatchObject({
      'steps.0.minutes': 'A step lasts a whole number of minutes, from 1 to 480.',
      'steps.0.kind': 'Choose what kind of step this is.',
    });
    const foreignDoc = await workshop.owner.patch(`/api/sessions/${created.body.id}`, { steps: [{ title: 'Elders', minutes: 5, kind: 'talk', documentId: 'van-een-ander' }] });
    expect(foreignDoc.status).toBe(400);
    expect(foreignDoc.body.error.fields).toEqual({ 'steps.0.documentId': 'This document does not belong to this workspace.' });
  } finally {
    workshop.owner.acceptLanguage = null;
  }
  expect((await workshop.owner.get(`/api/sessions/${created.body.id}`)).body.steps).toEqual([]);
});
