/**
 * Issue 13: the instance that answers the request creating a document (from a template, or a
 * session's minutes) stores its first state without keeping its lease; the instance that the
 * document's first socket reaches becomes its owner.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildWorkshop, type Workshop } from '../helpers/apiClient';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { openRawSocket, storedDoc } from '../helpers/collab';
import { eventually } from '../helpers/providers';
import { startedSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlAll } from '../helpers/testSql';

let a: TestServer;
let b: TestServer;
let workshop: Workshop;

beforeAll(async () => {
  a = await startTestServer({ INSTANCE_ID: 'first-a' });
  b = await startTestServer({ INSTANCE_ID: 'first-b', DATABASE_URL: a.databaseUrl! });
  workshop = await buildWorkshop(a.origin);
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

const storedFragment = (documentId: string) => storedDoc(a, documentId).getXmlFragment(DOCUMENT_FRAGMENT).toString();
const leaseOf = (documentId: string) => sqlAll<{ instance_id: string }>(a, 'SELECT instance_id FROM document_leases WHERE document_id = ?', documentId);

test('a document made from a template through A is owned by the instance its first socket reaches', async () => {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Plan van aanpak', template: 'plan-van-aanpak' });
  expect(created.status).toBe(201);
  const documentId = created.body.id as string;
  // The template is stored, and nobody holds the document.
  expect(storedFragment(documentId)).toContain('<');
  expect(leaseOf(documentId)).toEqual([]);

  const socket = await openRawSocket(b.origin, documentId, workshop.owner.cookie);
  await eventually(() => expect(leaseOf(documentId)).toEqual([{ instance_id: 'first-b' }]));
  expect(b.registry.hasRoom(documentId)).toBe(true);
  expect(a.registry.hasRoom(documentId)).toBe(false);
  socket.socket.close();
  await socket.closed;
});

test("a session's minutes written through A leave their document unclaimed", async () => {
  const session = await startedSession(workshop, 'blank');
  const ended = await workshop.owner.post(`/api/sessions/${session.id}/end`);
  expect(ended.status).toBe(201);
  const minutesId = ended.body.id as string;
  expect(ended.body.session.minutesDocumentId).toBe(minutesId);
  expect(storedFragment(minutesId)).toContain('<');
  expect(leaseOf(minutesId)).toEqual([]);
});
