/**
 * Issue 14, item 8: from the session the chair plans the next reflection moment. The block lands
 * at the end of the chosen document (stored, seen by a live client), enters the reflections
 * register with its date, and the audit log names the session. Nobody but the chair may; a
 * document of another workspace is a 404; a date that is no date is a 400 on its field.
 */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startedSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlAll } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

const reflectionsIn = (doc: Y.Doc) =>
  doc
    .getXmlFragment(DOCUMENT_FRAGMENT)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'reflection')
    .map((node) => ({ date: node.getAttribute('date'), status: node.getAttribute('status'), createdBy: node.getAttribute('createdBy'), text: node.toString().replace(/<[^>]+>/g, '') }));

test('the chair plans the next reflection moment: a block at the end of the document, live, in the register and the audit log', async () => {
  const session = await startedSession(workshop);
  const reader = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(reader.provider);

  const res = await workshop.owner.post(`/api/sessions/${session.id}/reflection`, { documentId: workshop.documentId, date: '2027-06-15', text: 'Hoe staan de acties ervoor?' });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ documentId: workshop.documentId, date: '2027-06-15' });
  const expected = [{ date: '2027-06-15', status: 'planned', createdBy: workshop.owner.userId, text: 'Hoe staan de acties ervoor?' }];
  await eventually(() => expect(reflectionsIn(reader.doc)).toEqual(expected));
  expect(reflectionsIn(storedDoc(server, workshop.documentId))).toEqual(expected);
  await eventually(async () => {
    const rows = (await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}/reflections`)).body as { blockId: string; date: string | null }[];
    expect(rows.map((row) => [row.blockId, row.date])).toContainEqual([res.body.blockId, '2027-06-15']);
  });
  const audit = sqlAll<{ action: string; detail: string }>(server, "SELECT action, detail FROM audit_log WHERE action = 'session.reflection'");
  expect(audit).toHaveLength(1);
  expect(JSON.parse(audit[0]!.detail)).toMatchObject({ sessionId: session.id, blockId: res.body.blockId, date: '2027-06-15' });
});

test('nobody but the chair, no other workspace\'s document, no date that is not a date: and nothing is written', async () => {
  const session = await startedSession(workshop);
  const editor = await addMember(workshop, server.origin, 'editor', 'Geen voorzitter');
  const other = await buildWorkshop(server.origin);
  const before = reflectionsIn(storedDoc(server, workshop.documentId)).length;
  const path = `/api/sessions/${session.id}/reflection`;

  expect((await editor.post(path, { documentId: workshop.documentId, date: '2027-06-15' })).status).toBe(403);
  expect((await workshop.owner.post(path, { documentId: other.documentId, date: '2027-06-15' })).status).toBe(404);
  const badDate = await workshop.owner.post(path, { documentId: workshop.documentId, date: '2027-02-30' });
  expect(badDate.status).toBe(400);
  expect(Object.keys(badDate.body.error.fields)).toEqual(['date']);
  expect((await workshop.owner.post(path, { documentId: workshop.documentId, date: '2027-06-15', createdBy: 'iemand' })).status).toBe(400);
  expect((await other.owner.post(path, { documentId: other.documentId, date: '2027-06-15' })).status).toBe(404);

  expect(reflectionsIn(storedDoc(server, workshop.documentId))).toHaveLength(before);
  expect(reflectionsIn(storedDoc(server, other.documentId))).toHaveLength(0);
});
