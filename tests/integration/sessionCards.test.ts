/**
 * Issue 14, item 4: private input, then reveal. A card written in a private step reaches its
 * author only — not another member, not the chair, not the session detail, the minutes, the
 * workspace's event stream or a collaboration socket — until the chair reveals the step; then
 * everyone sees every card, an anonymous one with its party but without its author.
 */
import type { JSONContent } from '@tiptap/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readJsonFromDoc } from '../../shared/editor/schema';
import { addMember, buildWorkshop, signUp, type ApiClient, type Json, type Workshop } from '../helpers/apiClient';
import { openRawSocket, storedDoc } from '../helpers/collab';
import { eventually } from '../helpers/providers';
import { partyWithMember, startedSession } from '../helpers/sessions';
import { openEventStream } from '../helpers/sse';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlAll, sqlGet } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
let residents: Awaited<ReturnType<typeof partyWithMember>>;
/** Commenters: they take part (cards) but do not write documents. */
let housing: Awaited<ReturnType<typeof partyWithMember>>;
let viewer: ApiClient & { userId: string };
let outsider: ApiClient & { userId: string };

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  residents = await partyWithMember(workshop, server.origin, 'Bewoners', 'editor');
  housing = await partyWithMember(workshop, server.origin, 'Woningcorporatie', 'commenter');
  viewer = await addMember(workshop, server.origin, 'viewer', 'Meekijker');
  outsider = await signUp(server.origin, 'Buitenstaander');
});
afterAll(async () => server.stop());

/** A running session from the criteria template, which has a private step, chaired by the owner. */
async function privateSession() {
  const session = await startedSession(workshop, 'criteria');
  const step = session.steps.find((s) => s.kind === 'private')!;
  const other = session.steps.find((s) => s.kind !== 'private')!;
  return { id: session.id, stepId: step.id as string, otherStepId: other.id as string };
}

const write = (client: ApiClient, sessionId: string, body: Json) => client.post(`/api/sessions/${sessionId}/cards`, body);
const cardsOf = (client: ApiClient, sessionId: string, stepId: string) => client.get(`/api/sessions/${sessionId}/cards?stepId=${encodeURIComponent(stepId)}`);
const reveal = (client: ApiClient, sessionId: string, stepId: string) => client.post(`/api/sessions/${sessionId}/steps/${stepId}/reveal`);
const storedCards = (sessionId: string) =>
  sqlAll<{ id: string; author_id: string; party_id: string; text: string; anonymous: number }>(server, 'SELECT id, author_id, party_id, text, anonymous FROM work_session_cards WHERE session_id = ? ORDER BY created_at, id', sessionId);

/** All text of a stored document, node after node. */
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

test('before the reveal a card reaches its author only: not another member, not the chair, not the session, the event stream or a socket', async () => {
  const session = await privateSession();
  const stream = await openEventStream(server.origin, `/api/workspaces/${workshop.workspaceId}/events`, housing.member.cookie);
  const socket = await openRawSocket(server.origin, workshop.documentId, housing.member.cookie);
  try {
    await eventually(() => expect(stream.events).toContain('ready'));
    const written = await write(residents.member, session.id, { stepId: session.stepId, text: 'GEHEIM-bewoners: een buurthuis op zondag' });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({ id: expect.any(String), stepId: session.stepId, text: 'GEHEIM-bewoners: een buurthuis op zondag', anonymous: false, mine: true, partyId: residents.partyId });
    expect((await write(workshop.owner, session.id, { stepId: session.stepId, text: 'GEHEIM-voorzitter' })).status).toBe(201);
    await eventually(() => expect(stream.events).toContain('session'));

    // The author sees their own card, and only that.
    const own = await cardsOf(residents.member, session.id, session.stepId);
    expect(own.body).toMatchObject({ revealedAt: null });
    expect(own.body.cards.map((c: Json) => c.text)).toEqual(['GEHEIM-bewoners: een buurthuis op zondag']);
    // Another member, the chair and a viewer see none of the others' cards.
    expect((await cardsOf(housing.member, session.id, session.stepId)).body.cards).toEqual([]);
    expect((await cardsOf(viewer, session.id, session.stepId)).body.cards).toEqual([]);
    expect((await cardsOf(workshop.owner, session.id, session.stepId)).body.cards.map((c: Json) => c.text)).toEqual(['GEHEIM-voorzitter']);
    // Someone outside the workspace does not even find the session.
    expect((await cardsOf(outsider, session.id, session.stepId)).status).toBe(404);

    // The session detail gives a count, never a card.
    for (const client of [housing.member, workshop.owner, viewer]) {
      const detail = await client.get(`/api/sessions/${session.id}`);
      expect(JSON.stringify(detail.body)).not.toMatch(/GEHEIM/);
      expect(detail.body.steps.find((s: Json) => s.id === session.stepId)).toMatchObject({ revealedAt: null, cardCount: 2 });
    }
    expect(stream.text()).not.toMatch(/GEHEIM/);
    expect(socket.frames.length).toBeGreaterThan(0);
    expect(socket.frames.some((frame) => Buffer.from(frame).includes('GEHEIM'))).toBe(false);
    // A personal data export holds the person's own cards, and nobody else's.
    expect((await residents.member.get('/api/me/export')).body.sessionCards).toEqual([
      expect.objectContaining({ sessionId: session.id, stepId: session.stepId, text: 'GEHEIM-bewoners: een buurthuis op zondag', anonymous: false }),
    ]);
    for (const client of [housing.member, viewer]) expect(JSON.stringify((await client.get('/api/me/export')).body)).not.toMatch(/GEHEIM/);

    // Stored as written, with the author and party the server knew.
    expect(storedCards(session.id)).toEqual([
      expect.objectContaining({ author_id: residents.member.userId, party_id: residents.partyId, anonymous: 0 }),
      expect.objectContaining({ author_id: workshop.owner.userId, party_id: workshop.partyId, text: 'GEHEIM-voorzitter' }),
    ]);
    expect(sqlGet(server, 'SELECT revealed_at FROM work_session_steps WHERE id = ?', session.stepId)).toEqual({ revealed_at: null });
  } finally {
    stream.close();
    socket.socket.close();
  }
});

test('minutes of a session ended before the reveal hold no card, and an ended session takes no more cards', async () => {
  const session = await privateSession();
  expect((await write(residents.member, session.id, { stepId: session.stepId, text: 'NOOIT-ONTHULD' })).status).toBe(201);
  const ended = await workshop.owner.post(`/api/sessions/${session.id}/end`);
  expect(ended.status).toBe(201);
  expect(storedWords(ended.body.id)).not.toMatch(/NOOIT-ONTHULD/);
  expect(storedWords(ended.body.id)).toContain('Er zijn geen kaartjes onthuld.');
  expect(JSON.stringify(ended.body.session)).not.toMatch(/NOOIT-ONTHULD/);
  // Still the author's alone after the end.
  expect((await cardsOf(housing.member, session.id, session.stepId)).body.cards).toEqual([]);

  const late = await write(residents.member, session.id, { stepId: session.stepId, text: 'Te laat' });
  expect(late.status).toBe(409);
  expect(late.body.error.code).toBe('session_not_running');
  // Nobody reveals an ended session (there is no chair any more).
  expect((await reveal(workshop.owner, session.id, session.stepId)).status).toBe(403);
  expect(storedCards(session.id).map((c) => c.text)).toEqual(['NOOIT-ONTHULD']);
});

test('only the chair reveals; then everyone sees every card, an anonymous one with its party and without its author', async () => {
  const session = await privateSession();
  const anonymous = await write(residents.member, session.id, { stepId: session.stepId, text: 'Anoniem idee: een buurtbudget', anonymous: true });
  expect(anonymous.status).toBe(201);
  // Even to its author the answer names nobody.
  expect(anonymous.body).toMatchObject({ anonymous: true, author: null, mine: true, partyId: residents.partyId });
  expect((await write(housing.member, session.id, { stepId: session.stepId, text: 'Woningen bij het buurthuis' })).status).toBe(201);

  for (const client of [housing.member, residents.member, viewer]) {
    const refused = await reveal(client, session.id, session.stepId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not_the_chair');
  }
  expect((await reveal(outsider, session.id, session.stepId)).status).toBe(404);
  expect(sqlGet(server, 'SELECT revealed_at FROM work_session_steps WHERE id = ?', session.stepId)).toEqual({ revealed_at: null });

  const revealed = await reveal(workshop.owner, session.id, session.stepId);
  expect(revealed.status).toBe(200);
  expect(revealed.body).toEqual({ stepId: session.stepId, revealedAt: expect.any(Number) });
  // Revealing again changes nothing: the first time stands.
  expect((await reveal(workshop.owner, session.id, session.stepId)).body).toEqual(revealed.body);
  expect(sqlGet(server, 'SELECT revealed_at FROM work_session_steps WHERE id = ?', session.stepId)).toEqual({ revealed_at: revealed.body.revealedAt });

  for (const client of [viewer, workshop.owner, housing.member, residents.member]) {
    const list = await cardsOf(client, session.id, session.stepId);
    expect(list.status).toBe(200);
    expect(list.body.revealedAt).toBe(revealed.body.revealedAt);
    expect(list.body.cards.map((c: Json) => c.text)).toEqual(['Anoniem idee: een buurtbudget', 'Woningen bij het buurthuis']);
    const [hidden, named] = list.body.cards;
    expect(hidden).toMatchObject({ anonymous: true, author: null, partyId: residents.partyId, partyName: 'Bewoners' });
    expect(named).toMatchObject({ anonymous: false, author: { id: housing.member.userId, name: 'Iemand van Woningcorporatie' }, partyName: 'Woningcorporatie' });
    expect(JSON.stringify(list.body)).not.toContain(residents.member.userId);
    expect(JSON.stringify(list.body)).not.toContain('Iemand van Bewoners');
  }
  expect((await cardsOf(residents.member, session.id, session.stepId)).body.cards[0].mine).toBe(true);
  expect((await cardsOf(viewer, session.id, session.stepId)).body.cards[0].mine).toBe(false);

  const detail = await viewer.get(`/api/sessions/${session.id}`);
  expect(detail.body.steps.find((s: Json) => s.id === session.stepId)).toMatchObject({ revealedAt: revealed.body.revealedAt, cardCount: 2 });
  expect(JSON.stringify(detail.body)).not.toContain(residents.member.userId);

  // Editing the agenda (the same steps sent back, as the agenda editor does) keeps the reveal.
  const agenda = detail.body.steps.map((s: Json) => ({ id: s.id, title: s.title, instruction: s.instruction, minutes: s.minutes, kind: s.kind }));
  expect((await workshop.owner.patch(`/api/sessions/${session.id}`, { steps: agenda })).status).toBe(200);
  expect(sqlGet(server, 'SELECT revealed_at FROM work_session_steps WHERE id = ?', session.stepId)).toEqual({ revealed_at: revealed.body.revealedAt });
  expect((await cardsOf(viewer, session.id, session.stepId)).body.cards).toHaveLength(2);

  // A revealed step takes no more cards.
  const late = await write(housing.member, session.id, { stepId: session.stepId, text: 'Nog eentje' });
  expect(late.status).toBe(409);
  expect(late.body.error.code).toBe('step_revealed');

  // The minutes: name and party, or the party only.
  const ended = await workshop.owner.post(`/api/sessions/${session.id}/end`);
  const words = storedWords(ended.body.id);
  expect(words).toContain('anoniem (Bewoners) : Anoniem idee: een buurtbudget');
  expect(words).toContain('Iemand van Woningcorporatie (Woningcorporatie) : Woningen bij het buurthuis');
  expect(words).not.toMatch(/Iemand van Bewoners \(Bewoners\) : Anoniem/);
});

test('refused: a card in another kind of step, in a planned session, by a viewer or an outsider, or with bad input', async () => {
  const session = await privateSession();
  const other = await write(residents.member, session.id, { stepId: session.otherStepId, text: 'Verkeerde stap' });
  expect(other.status).toBe(409);
  expect(other.body.error.code).toBe('not_a_private_step');
  expect((await reveal(workshop.owner, session.id, session.otherStepId)).status).toBe(409);
  expect((await reveal(workshop.owner, session.id, 'geen-stap')).status).toBe(404);

  expect((await write(viewer, session.id, { stepId: session.stepId, text: 'Ik kijk alleen' })).status).toBe(403);
  expect((await write(outsider, session.id, { stepId: session.stepId, text: 'Van buiten' })).status).toBe(404);
  expect((await new (residents.member.constructor as typeof ApiClient)(server.origin).post(`/api/sessions/${session.id}/cards`, { stepId: session.stepId, text: 'x' })).status).toBe(401);

  const empty = await write(residents.member, session.id, { stepId: session.stepId, text: '   ' });
  expect(empty.status).toBe(400);
  expect(empty.body.error.fields).toEqual({ text: 'Schrijf iets op je kaartje.' });
  const bad = await write(residents.member, session.id, { stepId: session.stepId, text: 'a\u0007b', anonymous: 'ja' });
  expect(bad.status).toBe(400);
  expect(Object.keys(bad.body.error.fields).sort()).toEqual(['anonymous', 'text']);
  expect((await write(residents.member, session.id, { stepId: session.stepId, text: 'x'.repeat(1001) })).status).toBe(400);
  const unknownStep = await write(residents.member, session.id, { stepId: 'geen-stap', text: 'Waar hoort dit?' });
  expect(unknownStep.status).toBe(400);
  expect(Object.keys(unknownStep.body.error.fields)).toEqual(['stepId']);
  expect((await cardsOf(residents.member, session.id, '')).status).toBe(400);

  const planned = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/sessions`, { title: 'Later', template: 'criteria' });
  const plannedStep = (await workshop.owner.get(`/api/sessions/${planned.body.id}`)).body.steps.find((s: Json) => s.kind === 'private');
  const early = await write(residents.member, planned.body.id, { stepId: plannedStep.id, text: 'Te vroeg' });
  expect(early.status).toBe(409);
  expect(early.body.error.code).toBe('session_not_running');

  expect(storedCards(session.id)).toEqual([]);
  expect(storedCards(planned.body.id)).toEqual([]);
});
