/**
 * Comments and the AVG (issue 15 with issue 17): the personal-data export holds the comments a
 * person wrote and their inbox, nobody else's; after the account is deleted the threads keep
 * the person's words, credited to the former participant, and show neither their name nor their
 * address anywhere, not even inside other people's mentions of them.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, type ApiClient, type Workshop } from '../helpers/apiClient';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { paragraphText, rangeAnchor } from '../helpers/comments';
import { appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlGet } from '../helpers/testSql';

type Member = ApiClient & { userId: string };
let server: TestServer;
let workshop: Workshop;
let anchor: { from: string; to: string };
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  appendParagraph(writer.doc, 'De gemeente vraagt om een plan voor dagbesteding in de wijk.');
  await eventually(() => expect(storedDoc(server, workshop.documentId).getXmlFragment('default').length).toBeGreaterThan(0));
  anchor = rangeAnchor(paragraphText(writer.doc, 0), 4, 12);
  pool.destroyAll();
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

const threadsPath = () => `/api/documents/${workshop.documentId}/threads`;
const mention = (name: string, userId: string) => `@[${name}](user:${userId})`;

test('the export holds the comments the person wrote and their inbox, not what others wrote', async () => {
  const sanne = (await addMember(workshop, server.origin, 'commenter', 'Sanne Export')) as Member;
  const other = (await addMember(workshop, server.origin, 'commenter', 'Ander Persoon')) as Member;
  const started = await sanne.post(threadsPath(), { anchor, body: 'Waarom deze eis?' });
  expect(started.status).toBe(201);
  const reply = await other.post(`/api/threads/${started.body.id}/comments`, { body: `Goede vraag ${mention('Sanne Export', sanne.userId)}` });
  expect(reply.status).toBe(201);
  const ownEdit = await sanne.post(`/api/threads/${started.body.id}/comments`, { body: 'Eerste versie' });
  expect((await sanne.patch(`/api/comments/${ownEdit.body.id}`, { body: 'Tweede versie' })).status).toBe(200);

  const exported = await sanne.get('/api/me/export');
  expect(exported.status).toBe(200);
  const comments = exported.body.comments as { threadId: string; documentId: string; body: string; createdAt: string; editedAt: string | null }[];
  expect(comments.map((c) => c.body)).toEqual(['Waarom deze eis?', 'Tweede versie']);
  expect(comments[0]).toMatchObject({ threadId: started.body.id, documentId: workshop.documentId, documentTitle: 'Uitvraag', editedAt: null });
  expect(Date.parse(comments[0]!.createdAt)).toBeGreaterThan(0);
  expect(Date.parse(comments[1]!.editedAt!)).toBeGreaterThan(0);
  expect(JSON.stringify(exported.body)).not.toContain('Goede vraag');
  // The reply that mentioned her reached her inbox; the export says so, without the other's words.
  expect(exported.body.notifications).toEqual([expect.objectContaining({ kind: 'mention', threadId: started.body.id, commentId: reply.body.id, readAt: null })]);
  expect((await other.get('/api/me/export')).body.comments.map((c: { body: string }) => c.body)).toEqual([`Goede vraag ${mention('Sanne Export', sanne.userId)}`]);
});

test('after deletion the threads keep the words and show no name or address of the person', async () => {
  const name = 'Willemijn Verdwijnt';
  const leaving = (await addMember(workshop, server.origin, 'commenter', name)) as Member;
  const email = (await leaving.get('/api/me')).body.email as string;
  const colleague = (await addMember(workshop, server.origin, 'editor', 'Blijvende Collega')) as Member;
  const started = await leaving.post(threadsPath(), { anchor, body: 'Dit sluit kleine partijen uit.' });
  expect(started.status).toBe(201);
  await colleague.post(`/api/threads/${started.body.id}/comments`, { body: `Eens, ${mention(name, leaving.userId)}.` });
  expect(sqlGet(server, 'SELECT COUNT(*) AS n FROM comment_notifications WHERE user_id = ?', leaving.userId)).toEqual({ n: 1 });

  expect((await leaving.request('DELETE', '/api/me', { password: 'een-lang-wachtwoord' })).status).toBe(204);

  const list = await colleague.get(threadsPath());
  const text = JSON.stringify(list.body);
  expect(text).not.toContain(name);
  expect(text).not.toContain('Willemijn');
  expect(text).not.toContain(email);
  const thread = list.body.find((t: { id: string }) => t.id === started.body.id);
  expect(thread.author).toMatchObject({ id: leaving.userId, name: 'Voormalig deelnemer', partyId: workshop.partyId });
  expect(thread.comments.map((c: { body: string }) => c.body)).toEqual(['Dit sluit kleine partijen uit.', `Eens, ${mention('Voormalig deelnemer', leaving.userId)}.`]);
  const register = JSON.stringify((await colleague.get(`/api/workspaces/${workshop.workspaceId}/threads`)).body);
  expect(register).not.toContain('Willemijn');
  expect(register).toContain('Voormalig deelnemer');
  // The inbox was only about them.
  expect(sqlGet(server, 'SELECT COUNT(*) AS n FROM comment_notifications WHERE user_id = ?', leaving.userId)).toEqual({ n: 0 });
});
