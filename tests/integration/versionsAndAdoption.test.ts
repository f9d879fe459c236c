import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, signUp, type Workshop } from '../helpers/apiClient';
import { ProviderPool } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';

let server: TestServer;
let workshop: Workshop;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

/** Appends a paragraph the way the editor stores one. */
function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
}

const fragmentText = (doc: Y.Doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT).toString();

test('save, open read-only, diff and restore a version while another editor watches', async () => {
  const { owner, documentId } = workshop;
  const editor = await addMember(workshop, server.origin, 'editor', 'Schrijver');
  const a = pool.connect(documentId, { cookie: owner.cookie, origin: server.origin });
  const b = pool.connect(documentId, { cookie: editor.cookie, origin: server.origin });
  await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);

  appendParagraph(a.doc, 'Eerste versie van de uitvraag');
  await eventually(() => expect(fragmentText(b.doc)).toContain('Eerste versie'));
  const saved = await owner.post(`/api/documents/${documentId}/versions`, { label: 'Concept voor bijeenkomst 2' });
  expect(saved.status).toBe(201);
  expect(saved.body).toMatchObject({ label: 'Concept voor bijeenkomst 2', kind: 'manual', createdByName: 'Eigenaar' });

  appendParagraph(b.doc, 'Later toegevoegd door de bewoner');
  await eventually(() => expect(fragmentText(a.doc)).toContain('Later toegevoegd'));

  const opened = await editor.get(`/api/documents/${documentId}/versions/${saved.body.id}`);
  expect(opened.status).toBe(200);
  expect(JSON.stringify(opened.body.content)).toContain('Eerste versie van de uitvraag');
  expect(JSON.stringify(opened.body.content)).not.toContain('Later toegevoegd');

  const diff = await owner.get(`/api/documents/${documentId}/versions/${saved.body.id}/diff?against=current`);
  expect(diff.status).toBe(200);
  const inserted = diff.body.entries.filter((e: { op: string }) => e.op === 'insert');
  expect(inserted.map((e: { segments: { text: string }[] }) => e.segments.map((s) => s.text).join(''))).toContain('Later toegevoegd door de bewoner');

  const restore = await editor.post(`/api/documents/${documentId}/versions/${saved.body.id}/restore`);
  expect(restore.status).toBe(200);
  // Both replicas see the restore live, as a new change.
  await eventually(() => {
    for (const replica of [a.doc, b.doc]) {
      expect(fragmentText(replica)).toContain('Eerste versie');
      expect(fragmentText(replica)).not.toContain('Later toegevoegd');
    }
  });
  const list = await owner.get(`/api/documents/${documentId}/versions`);
  const kinds = list.body.map((v: { kind: string }) => v.kind);
  expect(kinds).toContain('before_restore');
  // The version kept before the restore still holds the later text: nothing was rewritten.
  const backup = await owner.get(`/api/documents/${documentId}/versions/${restore.body.backupVersionId}`);
  expect(JSON.stringify(backup.body.content)).toContain('Later toegevoegd');

  const viewer = await addMember(workshop, server.origin, 'viewer', 'Lezer');
  expect((await viewer.post(`/api/documents/${documentId}/versions`, { label: 'mag niet' })).status).toBe(403);
  expect((await viewer.post(`/api/documents/${documentId}/versions/${saved.body.id}/restore`)).status).toBe(403);
});

test('adoption with two parties: a decline with a reason, then both sign and the version is adopted', async () => {
  const { owner, workspaceId, documentId, partyId: municipality } = workshop;
  const residents = (await owner.post(`/api/workspaces/${workspaceId}/parties`, { name: 'Bewoners', kind: 'residents' })).body.id;
  const care = (await owner.post(`/api/workspaces/${workspaceId}/parties`, { name: 'Zorgorganisatie', kind: 'care_welfare' })).body.id;
  const resident = await addMember(workshop, server.origin, 'editor', 'Bewoner');
  await owner.patch(`/api/workspaces/${workspaceId}/members/${resident.userId}`, { partyId: residents });
  const carer = await addMember(workshop, server.origin, 'commenter', 'Zorg');
  await owner.patch(`/api/workspaces/${workspaceId}/members/${carer.userId}`, { partyId: care });

  const version = (await owner.post(`/api/documents/${documentId}/versions`, { label: 'Plan ter vaststelling' })).body;
  expect((await resident.post(`/api/documents/${documentId}/versions/${version.id}/adoption`, { partyIds: [municipality, residents] })).status).toBe(403);
  const requested = await owner.post(`/api/documents/${documentId}/versions/${version.id}/adoption`, { partyIds: [municipality, residents] });
  expect(requested.status).toBe(201);
  expect(requested.body.status).toBe('pending');

  // A member of a party that need not sign, and someone outside the workspace, cannot sign.
  expect((await carer.post(`/api/documents/${documentId}/versions/${version.id}/adoption/sign`, { decision: 'sign' })).status).toBe(403);
  const outsider = await signUp(server.origin, 'Buitenstaander');
  expect((await outsider.post(`/api/documents/${documentId}/versions/${version.id}/adoption/sign`, { decision: 'sign' })).status).toBe(404);

  const noReason = await resident.post(`/api/documents/${documentId}/versions/${version.id}/adoption/sign`, { decision: 'decline' });
  expect(noReason.status).toBe(400);
  expect(noReason.body.error.fields.reason).toBeDefined();
  const declined = await resident.post(`/api/documents/${documentId}/versions/${version.id}/adoption/sign`, { decision: 'decline', reason: 'De bewoners willen eerst de planning zien.' });
  expect(declined.status).toBe(200);
  expect(declined.body.parties.find((p: { partyId: string }) => p.partyId === residents)).toMatchObject({ status: 'declined', reason: 'De bewoners willen eerst de planning zien.', userName: 'Bewoner' });

  const municipalSigned = await owner.post(`/api/documents/${documentId}/versions/${version.id}/adoption/sign`, { decision: 'sign' });
  expect(municipalSigned.body.status).toBe('pending');
  expect((await owner.post(`/api/documents/${documentId}/versions/${version.id}/adoption/sign`, { decision: 'sign' })).status).toBe(409);
  const adopted = await resident.post(`/api/documents/${documentId}/versions/${version.id}/adoption/sign`, { decision: 'sign' });
  expect(adopted.body.status).toBe('adopted');
  expect(adopted.body.parties.map((p: { status: string }) => p.status)).toEqual(['signed', 'signed']);

  const list = await carer.get(`/api/documents/${documentId}/versions`);
  expect(list.body.find((v: { id: string }) => v.id === version.id).adoption.status).toBe('adopted');
  const audit = (await server.repos.auditLog.forDocument(documentId)).map((r) => r.action);
  expect(audit).toEqual(expect.arrayContaining(['adoption.request', 'adoption.declined', 'adoption.signed', 'adoption.adopted']));
});
