import * as Y from 'yjs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop, signUp, type Workshop } from '../helpers/apiClient';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterAll(async () => server.stop());

function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
}

test('the export API serves every format, and a version export differs where the document changed since', async () => {
  const { owner, workspaceId } = workshop;
  const created = await owner.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Plan van aanpak De Kolk', template: 'plan-van-aanpak' });
  const documentId = created.body.id;
  const client = connectProvider(documentId, { cookie: owner.cookie, origin: server.origin });
  await waitForSync(client.provider);
  appendParagraph(client.doc, 'Tekst van voor de bijeenkomst');
  await eventually(async () => {
    const md = await owner.get(`/api/documents/${documentId}/export?format=md`);
    expect(md.body).toContain('Tekst van voor de bijeenkomst');
  });
  const version = await owner.post(`/api/documents/${documentId}/versions`, { label: 'Concept 1' });
  appendParagraph(client.doc, 'Na de bijeenkomst toegevoegd');

  await eventually(async () => {
    const current = await owner.get(`/api/documents/${documentId}/export?format=md`);
    expect(current.body).toContain('Na de bijeenkomst toegevoegd');
  });
  const old = await owner.get(`/api/documents/${documentId}/export?format=md&version=${version.body.id}`);
  expect(old.status).toBe(200);
  expect(old.body).toContain('Tekst van voor de bijeenkomst');
  expect(old.body).not.toContain('Na de bijeenkomst toegevoegd');
  expect(old.headers.get('content-disposition')).toMatch(/filename="plan-van-aanpak-de-kolk-concept-1\.md"/);

  for (const [format, type] of [['docx', 'officedocument'], ['odt', 'application/vnd.oasis.opendocument.text'], ['pdf', 'application/pdf'], ['html', 'text/html']] as const) {
    const res = await fetch(`${server.origin}/api/documents/${documentId}/export?format=${format}`, { headers: { cookie: owner.cookie! } });
    expect(res.status, format).toBe(200);
    expect(res.headers.get('content-type'), format).toContain(type);
    expect((await res.arrayBuffer()).byteLength, format).toBeGreaterThan(500);
  }
  expect((await owner.get(`/api/documents/${documentId}/export?format=exe`)).status).toBe(400);
  const viewer = await addMember(workshop, server.origin, 'viewer', 'Lezer');
  expect((await fetch(`${server.origin}/api/documents/${documentId}/export?format=md`, { headers: { cookie: viewer.cookie! } })).status).toBe(200);
  const outsider = await signUp(server.origin, 'Buiten');
  expect((await outsider.get(`/api/documents/${documentId}/export?format=md`)).status).toBe(404);
  client.provider.destroy();
});
