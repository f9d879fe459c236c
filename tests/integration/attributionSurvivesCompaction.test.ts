import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterAll, expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { ApiClient, addMember, buildWorkshop } from '../helpers/apiClient';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { makeDataDir, spawnServerProcess, type ServerProcess } from '../helpers/startTestServer';

let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop();
});

function typeInto(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
}

test('attribution is recorded per update per party and survives compaction and a restart', async () => {
  const dataDir = makeDataDir();
  server = await spawnServerProcess(dataDir, { COMPACT_AFTER_UPDATES: '5' });
  const workshop = await buildWorkshop(server.origin);
  const { owner, workspaceId, documentId } = workshop;
  const residents = (await owner.post(`/api/workspaces/${workspaceId}/parties`, { name: 'Bewoners', kind: 'residents' })).body.id;
  const resident = await addMember(workshop, server.origin, 'editor', 'Bewoner');
  await owner.patch(`/api/workspaces/${workspaceId}/members/${resident.userId}`, { partyId: residents });

  const a = connectProvider(documentId, { cookie: owner.cookie, origin: server.origin });
  const b = connectProvider(documentId, { cookie: resident.cookie, origin: server.origin });
  await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);
  // 12 updates from the municipality (10 characters each), 6 from the residents (5 each):
  // enough to pass the compaction threshold of 5 rows several times.
  for (let i = 0; i < 12; i++) typeInto(a.doc, 'gemeente!!');
  for (let i = 0; i < 6; i++) typeInto(b.doc, 'buurt');
  await eventually(() => expect(b.doc.getXmlFragment(DOCUMENT_FRAGMENT).length).toBe(18));
  await eventually(() => expect(a.doc.getXmlFragment(DOCUMENT_FRAGMENT).length).toBe(18));

  const expectTotals = async (client: ApiClient) => {
    const res = await client.get(`/api/documents/${documentId}/contributions`);
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.parties.map((p: { partyName: string; charsInserted: number }) => [p.partyName, p.charsInserted]));
    expect(byName).toEqual({ Gemeente: 120, Bewoners: 30 });
  };
  await eventually(() => expectTotals(owner));
  a.provider.destroy();
  b.provider.destroy();

  // Restart on the same data: the log rows are compacted away, the summary is in SQLite.
  await server.stop();
  const db = new Database(path.join(dataDir, 'werktafel.db'), { readonly: true });
  expect(db.prepare('SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?').get(documentId)).toEqual({ n: 0 });
  expect(db.prepare('SELECT COUNT(*) AS n FROM document_snapshots WHERE document_id = ?').get(documentId)).toEqual({ n: 1 });
  db.close();
  server = await spawnServerProcess(dataDir);
  const again = new ApiClient(server.origin);
  again.cookie = owner.cookie;
  await expectTotals(again);
  const authors = await again.get(`/api/documents/${documentId}/authors`);
  expect(authors.body.map((r: { partyName: string }) => r.partyName).sort()).toEqual(['Bewoners', 'Gemeente']);
});
