/**
 * Issue 14, item 8: ending a session writes its minutes as a new document in the workspace
 * (201 with the document's id): the agenda with actual times, who was there per party, and the
 * turns with what each party said. Only the chair ends; a second end is 409 and writes nothing.
 */
import type { JSONContent } from '@tiptap/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readJsonFromDoc } from '../../shared/editor/schema';
import { addMember, buildWorkshop, type ApiClient, type Workshop } from '../helpers/apiClient';
import { storedDoc } from '../helpers/collab';
import { appendCommitment } from '../helpers/documents';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { openEventStream } from '../helpers/sse';
import { partyWithMember, startedSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlAll } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
let residents: Awaited<ReturnType<typeof partyWithMember>>;

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  residents = await partyWithMember(workshop, server.origin, 'Bewoners Poelenburg');
});
afterAll(async () => server.stop());

/** All text of a stored document, block after block. */
function storedWords(documentId: string): string {
  const doc = storedDoc(server, documentId);
  const json = readJsonFromDoc(doc);
  doc.destroy();
  const words: string[] = [];
  const walk = (node: JSONContent) => {
    if (node.text) words.push(node.text);
    node.content?.forEach(walk);
  };
  walk(json);
  return words.join(' ');
}

const minutesDocuments = async (client: ApiClient) =>
  ((await client.get(`/api/workspaces/${workshop.workspaceId}`)).body.documents as { id: string; title: string }[]).filter((d) => /^(Verslag|Minutes):/.test(d.title));

test('the chair ends: 201 with the minutes, a document in the workspace with the agenda, the parties and what they said', async () => {
  const session = await startedSession(workshop);
  const round = session.steps.find((s) => s.kind === 'round')!;
  const state = (body: unknown) => workshop.owner.patch(`/api/sessions/${session.id}/state`, body);
  // The residents' member opens the running session: that counts as being there.
  expect((await residents.member.get(`/api/sessions/${session.id}`)).status).toBe(200);

  await state({ stepId: round.id, turnOrder: { partyIds: [residents.partyId, workshop.partyId] }, turnSeconds: 60 });
  const first = await state({ nextTurn: true });
  const turn = first.body.turns.find((t: { partyId: string }) => t.partyId === residents.partyId);
  expect((await residents.member.request('PUT', `/api/sessions/${session.id}/turns/${turn.id}/said`, { said: 'Een buurthuis dat ook op zondag open is.' })).status).toBe(200);
  await state({ nextTurn: true });

  const stream = await openEventStream(server.origin, `/api/workspaces/${workshop.workspaceId}/events`, residents.member.cookie);
  try {
    await eventually(() => expect(stream.events).toContain('ready'));
    const ended = await workshop.owner.post(`/api/sessions/${session.id}/end`);
    expect(ended.status).toBe(201);
    expect(ended.body.id).toEqual(expect.any(String));
    expect(ended.body.session).toMatchObject({ id: session.id, status: 'ended', minutesDocumentId: ended.body.id, timer: null, locked: false });
    await eventually(() => expect(stream.events).toContain('session'));

    // The minutes are a document of the workspace every member can open.
    const document = await residents.member.get(`/api/documents/${ended.body.id}`);
    expect(document.status).toBe(200);
    expect(document.body.title).toMatch(/^Verslag: Verkenningsbijeenkomst Poelenburg \(/);
    expect((await minutesDocuments(residents.member)).map((d) => d.id)).toEqual([ended.body.id]);

    const words = storedWords(ended.body.id);
    for (const step of session.steps) expect(words).toContain(step.title);
    expect(words).toContain('Bewoners Poelenburg');
    expect(words).toContain('Gemeente');
    expect(words).toContain('Iemand van Bewoners Poelenburg');
    expect(words).toContain('Een buurthuis dat ook op zondag open is.');
    // The steps never reached say so; the round's time is recorded.
    expect(words).toMatch(/niet aan toegekomen/);
    const periods = sqlAll<{ step_id: string; ended_at: number | null }>(server, 'SELECT step_id, ended_at FROM work_session_step_periods WHERE session_id = ? ORDER BY started_at', session.id);
    expect(periods.map((p) => p.step_id)).toEqual([session.steps[0]!.id, round.id]);
    expect(periods.every((p) => p.ended_at !== null)).toBe(true);
  } finally {
    stream.close();
  }
});

test('a non-chair\'s end is 403 and writes nothing; a second end is 409 and still one minutes document', async () => {
  const editor = await addMember(workshop, server.origin, 'editor', 'Schrijver');
  const session = await startedSession(workshop);
  const before = (await minutesDocuments(workshop.owner)).length;

  const refused = await editor.post(`/api/sessions/${session.id}/end`);
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('not_the_chair');
  expect(await minutesDocuments(workshop.owner)).toHaveLength(before);
  expect((await workshop.owner.get(`/api/sessions/${session.id}`)).body.status).toBe('running');

  const ended = await workshop.owner.post(`/api/sessions/${session.id}/end`);
  expect(ended.status).toBe(201);
  for (const client of [workshop.owner, editor]) {
    const again = await client.post(`/api/sessions/${session.id}/end`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('session_ended');
  }
  expect(await minutesDocuments(workshop.owner)).toHaveLength(before + 1);
  expect((await workshop.owner.get(`/api/sessions/${session.id}`)).body.minutesDocumentId).toBe(ended.body.id);
});

test('two ends at the same time: one 201, one 409, one document', async () => {
  const session = await startedSession(workshop);
  const before = (await minutesDocuments(workshop.owner)).length;
  const answers = await Promise.all([1, 2].map(() => workshop.owner.post(`/api/sessions/${session.id}/end`)));
  expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
  expect(await minutesDocuments(workshop.owner)).toHaveLength(before + 1);
});

test('the minutes come in the language of whoever ends the session', async () => {
  const session = await startedSession(workshop);
  workshop.owner.acceptLanguage = 'en';
  try {
    const ended = await workshop.owner.post(`/api/sessions/${session.id}/end`);
    expect(ended.status).toBe(201);
    expect((await workshop.owner.get(`/api/documents/${ended.body.id}`)).body.title).toMatch(/^Minutes: Verkenningsbijeenkomst Poelenburg \(/);
    expect(storedWords(ended.body.id)).toContain('Turns per party');
  } finally {
    workshop.owner.acceptLanguage = null;
  }
});

test('a commitment written in a document while the session ran is linked from the minutes', async () => {
  const session = await startedSession(workshop);
  const client = connectProvider(workshop.documentId, { cookie: residents.member.cookie!, origin: server.origin });
  try {
    await waitForSync(client.provider);
    appendCommitment(client.doc, 'c-tijdens-sessie', residents.partyId, 'Wij openen het buurthuis op zondag.');
    await eventually(async () => {
      const register = (await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}/commitments`)).body as { blockId: string }[];
      expect(register.map((row) => row.blockId)).toContain('c-tijdens-sessie');
    });
  } finally {
    client.provider.destroy();
  }
  const ended = await workshop.owner.post(`/api/sessions/${session.id}/end`);
  expect(ended.status).toBe(201);
  const words = storedWords(ended.body.id);
  expect(words).toContain('Toezegging:');
  expect(words).toContain('Wij openen het buurthuis op zondag.');
});
