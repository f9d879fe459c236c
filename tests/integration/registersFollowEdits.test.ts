import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
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

function blocksOf(doc: Y.Doc, kind: string): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const walk = (parent: Y.XmlElement | Y.XmlFragment) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === kind) found.push(child);
      walk(child);
    }
  };
  walk(doc.getXmlFragment(DOCUMENT_FRAGMENT));
  return found;
}

test("an action's status and owner changed over the socket reach the register within a second (taking the example over)", async () => {
  const { owner, workspaceId, partyId } = workshop;
  const created = await owner.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Plan van aanpak', template: 'plan-van-aanpak' });
  expect(created.status).toBe(201);
  // The template's actions are examples: none is in the register until someone takes it over.
  const before = await owner.get(`/api/workspaces/${workspaceId}/actions`);
  expect(before.body.filter((a: { documentId: string }) => a.documentId === created.body.id)).toEqual([]);

  const client = pool.connect(created.body.id, { cookie: owner.cookie, origin: server.origin });
  await waitForSync(client.provider);
  const action = blocksOf(client.doc, 'action')[0]!;
  const blockId = action.getAttribute('id');
  client.doc.transact(() => {
    action.setAttribute('status', 'done');
    action.setAttribute('ownerPartyId', partyId);
  });
  const changedAt = Date.now();

  const entry = await eventually(async () => {
    const res = await owner.get(`/api/workspaces/${workspaceId}/actions`);
    const row = res.body.find((a: { blockId: string }) => a.blockId === blockId);
    expect(row).toMatchObject({ status: 'done', ownerPartyId: partyId, ownerPartyName: 'Gemeente', documentId: created.body.id });
    return row;
  }, 1_000, 25);
  expect(entry.text.length).toBeGreaterThan(0);
  expect(Date.now() - changedAt).toBeLessThan(1_000);

  const csv = await owner.get(`/api/workspaces/${workspaceId}/actions?format=csv`);
  expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  expect(String(csv.body)).toContain(blockId as string);
});

test('a confirmation forged over the socket by another party is reverted everywhere and never reaches the register', async () => {
  const { owner, workspaceId } = workshop;
  const residents = await owner.post(`/api/workspaces/${workspaceId}/parties`, { name: 'Bewoners', kind: 'residents' });
  const doc = await owner.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Intentieverklaring', template: 'blank' });
  const resident = await addMember(workshop, server.origin, 'editor', 'Bewoner');
  await owner.patch(`/api/workspaces/${workspaceId}/members/${resident.userId}`, { partyId: residents.body.id });

  // The municipality's owner writes a commitment for the municipality party.
  const ownerClient = pool.connect(doc.body.id, { cookie: owner.cookie, origin: server.origin });
  const residentClient = pool.connect(doc.body.id, { cookie: resident.cookie, origin: server.origin });
  await Promise.all([waitForSync(ownerClient.provider), waitForSync(residentClient.provider)]);
  const commitment = new Y.XmlElement('commitment');
  commitment.setAttribute('id', 'commit-1');
  commitment.setAttribute('partyId', workshop.partyId);
  commitment.setAttribute('status', 'proposed');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('De gemeente stelt de buurtkamer beschikbaar')]);
  commitment.insert(0, [paragraph]);
  ownerClient.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [commitment]);
  await eventually(() => expect(blocksOf(residentClient.doc, 'commitment')).toHaveLength(1));

  // The resident forges a confirmation on the municipality's behalf.
  const forged = blocksOf(residentClient.doc, 'commitment')[0]!;
  residentClient.doc.transact(() => {
    forged.setAttribute('status', 'confirmed');
    forged.setAttribute('confirmedBy', resident.userId);
    forged.setAttribute('confirmedAt', new Date().toISOString());
  });

  // Every replica, the forger's included, converges back to "proposed".
  await eventually(() => {
    for (const replica of [ownerClient.doc, residentClient.doc]) {
      const element = blocksOf(replica, 'commitment')[0]!;
      expect(element.getAttribute('status')).toBe('proposed');
      expect(element.getAttribute('confirmedBy')).toBeUndefined();
    }
  });
  // The revert runs in the same tick as the forged update, before the debounced register read.
  const row = await eventually(async () => {
    const register = await owner.get(`/api/workspaces/${workspaceId}/commitments`);
    const found = register.body.find((r: { blockId: string }) => r.blockId === 'commit-1');
    expect(found).toBeDefined();
    return found;
  });
  expect(row).toMatchObject({ status: 'proposed' });
  expect(row.confirmedBy ?? null).toBeNull();

  // Through the API the resident may not confirm either; the municipality's owner may.
  const denied = await resident.post(`/api/documents/${doc.body.id}/commitments/commit-1/confirm`);
  expect(denied.status).toBe(403);
  const confirmed = await owner.post(`/api/documents/${doc.body.id}/commitments/commit-1/confirm`);
  expect(confirmed.status).toBe(200);
  await eventually(() => expect(blocksOf(residentClient.doc, 'commitment')[0]!.getAttribute('status')).toBe('confirmed'));
  await eventually(async () => {
    const after = await owner.get(`/api/workspaces/${workspaceId}/commitments`);
    expect(after.body.find((r: { blockId: string }) => r.blockId === 'commit-1')).toMatchObject({
      status: 'confirmed',
      confirmedBy: owner.userId,
      confirmedByName: 'Eigenaar',
    });
  });
});
