/**
 * Comment threads through the HTTP API, attacked from outside and checked against the server's
 * state afterwards: who may start, reply, resolve and read; 404 for another workspace; mentions
 * of people and parties (a party reaches each member once; a party that cannot read the document
 * cannot be mentioned); the inbox and its unread count; 409 for a range the server has not seen;
 * field messages in the request's language; the `threads` event.
 */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, signUp, type ApiClient, type Workshop } from '../helpers/apiClient';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { paragraphText, rangeAnchor } from '../helpers/comments';
import { appendParagraph } from '../helpers/documents';
import { openEventStream } from '../helpers/sse';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

type Member = ApiClient & { userId: string };
let server: TestServer;
let workshop: Workshop;
let editor: Member;
let commenter: Member;
let viewer: Member;
let residentA: Member;
let residentB: Member;
let residentsPartyId: string;
let emptyPartyId: string;
let anchor: { from: string; to: string };
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  const { owner, workspaceId, documentId } = workshop;
  editor = await addMember(workshop, server.origin, 'editor', 'Eddy');
  commenter = await addMember(workshop, server.origin, 'commenter', 'Cora');
  viewer = await addMember(workshop, server.origin, 'viewer', 'Vera');
  residentA = await addMember(workshop, server.origin, 'commenter', 'Anouk');
  residentB = await addMember(workshop, server.origin, 'viewer', 'Bram');
  residentsPartyId = (await owner.post(`/api/workspaces/${workspaceId}/parties`, { name: 'Bewoners', kind: 'residents' })).body.id;
  emptyPartyId = (await owner.post(`/api/workspaces/${workspaceId}/parties`, { name: 'Woningcorporatie', kind: 'housing_corporation' })).body.id;
  for (const member of [residentA, residentB]) await owner.patch(`/api/workspaces/${workspaceId}/members/${member.userId}`, { partyId: residentsPartyId });
  const writer = pool.connect(documentId, { cookie: editor.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  appendParagraph(writer.doc, 'Inschrijvers hebben drie jaar ervaring met maatschappelijk aanbesteden.');
  await eventually(() => expect(storedDoc(server, documentId).getXmlFragment('default').length).toBeGreaterThan(0));
  anchor = rangeAnchor(paragraphText(writer.doc, 0), 19, 37);
  pool.destroyAll();
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

const threadsPath = () => `/api/documents/${workshop.documentId}/threads`;
const threadCount = async () => (await workshop.owner.get(threadsPath())).body.length as number;

test('commenters, editors and owners start threads; a viewer cannot, and reads them', async () => {
  for (const [who, client] of [['commenter', commenter], ['editor', editor], ['owner', workshop.owner]] as const) {
    const res = await client.post(threadsPath(), { anchor, body: `Vraag van de ${who}` });
    expect(res.status, who).toBe(201);
    expect(typeof res.body.id).toBe('string');
  }
  const before = await threadCount();
  const refused = await viewer.post(threadsPath(), { anchor, body: 'Mag ik ook?' });
  expect(refused.status).toBe(403);
  expect(await threadCount()).toBe(before);
  const read = await viewer.get(threadsPath());
  expect(read.status).toBe(200);
  expect(read.body).toHaveLength(before);
  expect(read.body[0]).toMatchObject({ canReply: false, canResolve: false });
});

test("a member of another workspace gets 404 for the document's threads, a thread and a comment", async () => {
  const started = await commenter.post(threadsPath(), { anchor, body: 'Intern' });
  const stranger = await buildWorkshop(server.origin);
  const attempts = [
    await stranger.owner.get(threadsPath()),
    await stranger.owner.post(threadsPath(), { anchor, body: 'Ik kom van buiten' }),
    await stranger.owner.post(`/api/threads/${started.body.id}/comments`, { body: 'Hallo' }),
    await stranger.owner.post(`/api/threads/${started.body.id}/resolve`),
    await stranger.owner.patch(`/api/comments/${started.body.comments[0].id}`, { body: 'Gewijzigd' }),
    await stranger.owner.delete(`/api/comments/${started.body.comments[0].id}`),
  ];
  expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
  const thread = (await commenter.get(threadsPath())).body.find((t: { id: string }) => t.id === started.body.id);
  expect(thread.comments.map((c: { body: string }) => c.body)).toEqual(['Intern']);
  expect(thread.status).toBe('open');
});

test('the author, editors and owners resolve and reopen; another commenter cannot', async () => {
  const started = await commenter.post(threadsPath(), { anchor, body: 'Is drie jaar nodig?' });
  const id = started.body.id as string;
  expect((await residentA.post(`/api/threads/${id}/resolve`)).status).toBe(403);
  expect((await viewer.post(`/api/threads/${id}/resolve`)).status).toBe(403);
  expect((await commenter.post(`/api/threads/${id}/resolve`)).body.status).toBe('resolved');
  expect((await commenter.get(`${threadsPath()}?status=resolved`)).body.map((t: { id: string }) => t.id)).toContain(id);
  expect((await editor.post(`/api/threads/${id}/reopen`)).body.status).toBe('open');
  expect((await workshop.owner.post(`/api/threads/${id}/resolve`)).body.status).toBe('resolved');
  // Replies: anyone who may comment; the author edits, the owner may delete.
  const reply = await residentA.post(`/api/threads/${id}/comments`, { body: 'Eens.' });
  expect(reply.status).toBe(201);
  expect((await viewer.post(`/api/threads/${id}/comments`, { body: 'Ik ook' })).status).toBe(403);
  expect((await commenter.patch(`/api/comments/${reply.body.id}`, { body: 'Niet van mij' })).status).toBe(403);
  expect((await residentA.patch(`/api/comments/${reply.body.id}`, { body: 'Helemaal eens.' })).status).toBe(200);
  expect((await editor.delete(`/api/comments/${reply.body.id}`)).status).toBe(403);
  const thread = (await workshop.owner.get(threadsPath())).body.find((t: { id: string }) => t.id === id);
  expect(thread.comments.map((c: { body: string; editedAt: string | null }) => [c.body, c.editedAt !== null])).toEqual([
    ['Is drie jaar nodig?', false],
    ['Helemaal eens.', true],
  ]);
  expect((await workshop.owner.delete(`/api/comments/${reply.body.id}`)).status).toBe(204);
  expect((await workshop.owner.get(threadsPath())).body.find((t: { id: string }) => t.id === id).comments).toHaveLength(1);
});

test('a party mention notifies each of its members once, the writer never; a reply reaches the thread author', async () => {
  const unread = async (who: Member) => (await who.get('/api/me/notifications')).body.unread as number;
  const [a0, b0, c0] = [await unread(residentA), await unread(residentB), await unread(commenter)];
  const body = `Wat vinden @[Bewoners](party:${residentsPartyId}) en @[Anouk](user:${residentA.userId}) ervan? @[Bewoners](party:${residentsPartyId})`;
  const started = await commenter.post(threadsPath(), { anchor, body });
  expect(started.status).toBe(201);
  expect([await unread(residentA), await unread(residentB), await unread(commenter)]).toEqual([a0 + 1, b0 + 1, c0]);

  const inbox = (await residentB.get('/api/me/notifications')).body;
  const note = inbox.notifications.find((n: { threadId: string }) => n.threadId === started.body.id);
  expect(note).toMatchObject({ kind: 'mention', documentId: workshop.documentId, authorName: 'Cora', read: false, body });

  // Anouk replies: Cora, who started the thread, hears of it once.
  expect((await residentA.post(`/api/threads/${started.body.id}/comments`, { body: 'Te streng.' })).status).toBe(201);
  expect(await unread(commenter)).toBe(c0 + 1);
  const coraInbox = (await commenter.get('/api/me/notifications')).body;
  expect(coraInbox.notifications[0]).toMatchObject({ kind: 'reply', authorName: 'Anouk', body: 'Te streng.' });

  // Read: the count drops for her alone; someone else's ids change nothing.
  expect((await residentA.post('/api/me/notifications/read', { ids: [note.id] })).body.unread).toBe(a0 + 1);
  expect((await residentB.post('/api/me/notifications/read', { ids: [note.id] })).body.unread).toBe(b0);
  expect((await residentB.get('/api/me/notifications')).body.notifications.find((n: { id: string }) => n.id === note.id).read).toBe(true);
});

test('a party that cannot read the document, or a person outside the workspace, cannot be mentioned', async () => {
  const before = await threadCount();
  const outsider = await signUp(server.origin, 'Buiten');
  const other = await buildWorkshop(server.origin);
  workshop.owner.acceptLanguage = 'en';
  for (const [body, name] of [
    [`@[Woningcorporatie](party:${emptyPartyId}) graag reageren`, 'Woningcorporatie'],
    [`@[Gemeente elders](party:${other.partyId}) ook`, 'Gemeente elders'],
    [`@[Buiten](user:${outsider.userId}) kijk eens`, 'Buiten'],
  ]) {
    const res = await workshop.owner.post(threadsPath(), { anchor, body });
    expect(res.status, body).toBe(400);
    expect(res.body.error.fields.body, body).toContain(name);
  }
  workshop.owner.acceptLanguage = null;
  expect(await threadCount()).toBe(before);
  expect((await outsider.get('/api/me/notifications')).body.unread).toBe(0);
});

test('invalid JSON and fields get 400 with field messages in the request language', async () => {
  commenter.acceptLanguage = 'nl';
  const bad = await commenter.request('POST', threadsPath(), undefined, { rawBody: '{"anchor":' });
  expect(bad.status).toBe(400);
  const empty = await commenter.post(threadsPath(), { anchor, body: '   ' });
  expect(empty.status).toBe(400);
  expect(empty.body.error.fields.body).toBe('Schrijf een opmerking.');
  const noAnchor = await commenter.post(threadsPath(), { body: 'Waarover?' });
  expect(noAnchor.status).toBe(400);
  expect(noAnchor.body.error.fields.anchor).toBe('Geef aan waarover de opmerking gaat: een blok of een stuk tekst.');
  commenter.acceptLanguage = 'en';
  const garbage = await commenter.post(threadsPath(), { anchor: { from: '////', to: '////' }, body: 'x' });
  expect(garbage.status).toBe(400);
  expect(garbage.body.error.fields['anchor.from']).toBe('This place in the text is not valid.');
  expect((await commenter.get(`${threadsPath()}?status=closed`)).body.error.fields.status).toBe('Choose open or resolved.');
  commenter.acceptLanguage = null;
});

test('a range from an update the server never saw gets 409 anchor_not_synced; once it arrives the same anchor works', async () => {
  const offline = new Y.Doc();
  const live = pool.connect(workshop.documentId, { cookie: editor.cookie, origin: server.origin }, offline);
  await waitForSync(live.provider);
  live.provider.disconnect();
  appendParagraph(offline, 'Nieuwe alinea die nog onderweg is.');
  const pending = rangeAnchor(paragraphText(offline, 1), 0, 6);
  const refused = await commenter.post(threadsPath(), { anchor: pending, body: 'Te vroeg' });
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe('anchor_not_synced');
  live.provider.connect();
  await eventually(async () => expect((await commenter.post(threadsPath(), { anchor: pending, body: 'Nu wel' })).status).toBe(201));
});

test('starting, replying and resolving send a threads event on the workspace stream', async () => {
  const stream = await openEventStream(server.origin, `/api/workspaces/${workshop.workspaceId}/events`, viewer.cookie);
  try {
    expect(stream.status).toBe(200);
    await commenter.post(threadsPath(), { anchor, body: 'Live?' });
    await eventually(() => expect(stream.events).toContain('threads'));
  } finally {
    stream.close();
  }
});

test("comments count in the contributions per party, and open threads are listed across the workspace's documents", async () => {
  const own = await buildWorkshop(server.origin);
  const guest = await addMember(own, server.origin, 'commenter', 'Gast');
  const bewoners = (await own.owner.post(`/api/workspaces/${own.workspaceId}/parties`, { name: 'Bewoners', kind: 'residents' })).body.id as string;
  await own.owner.patch(`/api/workspaces/${own.workspaceId}/members/${guest.userId}`, { partyId: bewoners });
  const second = (await own.owner.post(`/api/workspaces/${own.workspaceId}/documents`, { title: 'Plan van aanpak', template: 'blank' })).body.id as string;
  const texts: Record<string, Y.XmlText> = {};
  for (const documentId of [own.documentId, second]) {
    const writer = pool.connect(documentId, { cookie: own.owner.cookie, origin: server.origin });
    await waitForSync(writer.provider);
    appendParagraph(writer.doc, 'Een zin om over te praten.');
    await eventually(() => expect(storedDoc(server, documentId).getXmlFragment('default').length).toBeGreaterThan(0));
    texts[documentId] = paragraphText(writer.doc, 0);
  }
  const first = await guest.post(`/api/documents/${own.documentId}/threads`, { anchor: rangeAnchor(texts[own.documentId]!, 4, 7), body: 'Welke zin?' });
  const other = await guest.post(`/api/documents/${second}/threads`, { anchor: rangeAnchor(texts[second]!, 0, 3), body: 'Een?' });
  await guest.post(`/api/threads/${first.body.id}/comments`, { body: 'En nog iets.' });
  await own.owner.post(`/api/threads/${first.body.id}/comments`, { body: 'Antwoord.' });
  await own.owner.post(`/api/threads/${other.body.id}/resolve`);

  const contributions = (await own.owner.get(`/api/workspaces/${own.workspaceId}/contributions`)).body as { partyId: string; comments: number }[];
  expect(Object.fromEntries(contributions.map((row) => [row.partyId, row.comments]))).toEqual({ [own.partyId]: 1, [bewoners]: 3 });

  const register = await guest.get(`/api/workspaces/${own.workspaceId}/threads`);
  expect(register.status).toBe(200);
  expect(register.body).toEqual([
    expect.objectContaining({ id: first.body.id, documentId: own.documentId, documentTitle: 'Uitvraag', quote: 'zin', authorName: 'Gast', partyName: 'Bewoners', comments: 3 }),
  ]);
  expect((await workshop.owner.get(`/api/workspaces/${own.workspaceId}/threads`)).status).toBe(404);
});
