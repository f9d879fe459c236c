/**
 * Issue 12, item 8: a stored version holding a node type this build does not know (written by
 * an older or newer build, or by an integration) never blocks a restore: unknown nodes are
 * unwrapped, their text kept.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

test('a version with an unknown node type restores, keeping its text', async () => {
  const doc = new Y.Doc();
  const unknown = new Y.XmlElement('marquee');
  unknown.setAttribute('scrollamount', '3');
  unknown.insert(0, [new Y.XmlText('Tekst in een onbekend blok')]);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Gewone alinea')]);
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [unknown, paragraph]);
  const version = await server.repos.versions.create({
    document_id: workshop.documentId,
    label: 'Van een andere versie van werktafel',
    kind: 'manual',
    state: Y.encodeStateAsUpdate(doc),
    attribution: '[]',
    created_by: workshop.owner.userId,
  });

  const restored = await workshop.owner.post(`/api/documents/${workshop.documentId}/versions/${version.id}/restore`);
  expect(restored.status).toBe(200);
  const reader = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(reader.provider);
  await eventually(() => {
    const xml = reader.doc.getXmlFragment(DOCUMENT_FRAGMENT).toString();
    expect(xml).toContain('Tekst in een onbekend blok');
    expect(xml).toContain('Gewone alinea');
    expect(xml).not.toContain('marquee');
  });
});
