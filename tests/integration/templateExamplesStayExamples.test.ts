/**
 * A template's example blocks are marked `example: true` and stay out of the registers, their
 * CSV, the calendar feed and who contributed until a person edits or takes them over; then the
 * server clears the mark on every replica and the block counts. A mark a person sets on a real
 * block (or on a block they insert) is removed again, so nobody hides real work that way.
 * Real server, real SQLite file, real y-websocket clients.
 */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { WorkspaceContribution } from '../../shared/api/registers';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop, type ApiClient, type Workshop } from '../helpers/apiClient';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { blockElement } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
let resident: ApiClient & { userId: string };
let residentsPartyId: string;
let feedUrl: string;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  const { owner, workspaceId } = workshop;
  residentsPartyId = (await owner.post(`/api/workspaces/${workspaceId}/parties`, { name: 'Bewoners', kind: 'residents' })).body.id;
  resident = await addMember(workshop, server.origin, 'editor', 'Sanne');
  await owner.patch(`/api/workspaces/${workspaceId}/members/${resident.userId}`, { partyId: residentsPartyId });
  feedUrl = (await owner.post(`/api/workspaces/${workspaceId}/calendar-feed`)).body.url.replace(/^https?:\/\/[^/]+/, server.origin);
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

const registerNames = ['actions', 'commitments', 'reflections', 'criteria'] as const;
const kindOf = { actions: 'action', commitments: 'commitment', reflections: 'reflection', criteria: 'criterion' } as const;

function blocksOf(doc: Y.Doc, kind?: string): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const walk = (parent: Y.XmlElement | Y.XmlFragment) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (kind ? child.nodeName === kind : Object.values(kindOf).includes(child.nodeName as never)) found.push(child);
      walk(child);
    }
  };
  walk(doc.getXmlFragment(DOCUMENT_FRAGMENT));
  return found;
}

const byId = (doc: Y.Doc, id: string) => blocksOf(doc).find((b) => b.getAttribute('id') === id)!;
const markOf = (element: Y.XmlElement) => element.getAttribute('example') as unknown;

/** Everything a workspace shows about its blocks, as text: registers (JSON and both CSVs), feed. */
async function everywhere(): Promise<Record<string, string>> {
  const { owner, workspaceId } = workshop;
  const out: Record<string, string> = {};
  for (const name of registerNames) {
    out[name] = JSON.stringify((await owner.get(`/api/workspaces/${workspaceId}/${name}`)).body);
    out[`${name}.csv`] = String((await owner.get(`/api/workspaces/${workspaceId}/${name}?format=csv`)).body);
    out[`${name}.rfc4180`] = String((await owner.get(`/api/workspaces/${workspaceId}/${name}?format=csv&dialect=rfc4180`)).body);
  }
  out.feed = await (await fetch(feedUrl)).text();
  return out;
}

async function registerRow(name: (typeof registerNames)[number], blockId: string) {
  const res = await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}/${name}`);
  return (res.body as { blockId: string }[]).find((row) => row.blockId === blockId) as Record<string, unknown> | undefined;
}

async function contributionsOf(partyId: string): Promise<WorkspaceContribution> {
  const res = await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}/contributions`);
  const row = (res.body as WorkspaceContribution[]).find((entry) => entry.partyId === partyId);
  if (!row) throw new Error(`no contributions of party ${partyId}`);
  return row;
}

/** Feed lines unfolded (RFC 5545 folds long lines). */
const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

async function createFromTemplate(template: string, title: string): Promise<string> {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title, template });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

test("a template's examples are marked, and no register, CSV, calendar feed or contribution counts them", async () => {
  const documents = [
    await createFromTemplate('plan-van-aanpak', 'Plan De Kolk'),
    await createFromTemplate('intentieverklaring', 'Intentie De Kolk'),
    await createFromTemplate('criteria', 'Criteria De Kolk'),
  ];
  const ids: string[] = [];
  for (const documentId of documents) {
    const client = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
    await waitForSync(client.provider);
    const blocks = blocksOf(client.doc);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(markOf(block), block.toString()).toBe(true);
    ids.push(...blocks.map((b) => b.getAttribute('id')!));
  }
  // Every kind of block is among the examples.
  const kinds = new Set<string>();
  for (const documentId of documents) for (const block of blocksOf(storedDoc(server, documentId))) kinds.add(block.nodeName);
  expect([...kinds].sort()).toEqual(['action', 'commitment', 'criterion', 'reflection']);

  // An example with a date and an owner (as the server could write it: a template, a restore)
  // is still an example: the mark alone keeps it out, not the empty fields.
  const plan = documents[0]!;
  const [dated, owned] = blocksOf(storedDoc(server, plan), 'action').map((b) => b.getAttribute('id')!);
  const reflection = blocksOf(storedDoc(server, plan), 'reflection')[0]!.getAttribute('id')!;
  await server.registry.withRoom(plan, (room) =>
    room.applyServerChange((doc) => {
      byId(doc, dated!).setAttribute('due', '2031-05-01');
      byId(doc, owned!).setAttribute('ownerPartyId', residentsPartyId);
      byId(doc, reflection).setAttribute('date', '2031-06-01');
    }),
  );
  // A real action in the same document: once it is in the register, the examples were read too.
  const client = pool.connect(plan, { cookie: resident.cookie, origin: server.origin });
  await waitForSync(client.provider);
  expect(markOf(byId(client.doc, dated!))).toBe(true);
  const fragment = client.doc.getXmlFragment(DOCUMENT_FRAGMENT);
  fragment.insert(fragment.length, [blockElement('action', { id: 'real-1', due: '2031-05-02', status: 'open', funding: 'unknown' }, 'Echte actie')]);
  await eventually(async () => expect(await registerRow('actions', 'real-1')).toBeDefined());

  const shown = await everywhere();
  for (const [where, text] of Object.entries(shown)) {
    for (const id of ids) expect(text, `${where} shows example ${id}`).not.toContain(id);
    expect(text, where).not.toMatch(/Intentie De Kolk|Criteria De Kolk/);
  }
  expect(unfolded(shown.feed!)).toContain('real-1-due@werktafel');
  expect(await contributionsOf(residentsPartyId)).toMatchObject({ actionsOwned: 0, commitmentsMade: 0 });
});

test('an example whose text a person edits loses its mark on every replica and counts everywhere', async () => {
  const documentId = await createFromTemplate('plan-van-aanpak', 'Plan Noord');
  const editor = pool.connect(documentId, { cookie: resident.cookie, origin: server.origin });
  const watcher = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await Promise.all([waitForSync(editor.provider), waitForSync(watcher.provider)]);
  const action = blocksOf(editor.doc, 'action')[0]!;
  const blockId = action.getAttribute('id')!;
  const others = blocksOf(editor.doc).filter((b) => b !== action);

  // Sanne types at the start of the example's text.
  const text = (action.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.insert(0, 'Bewoners: ');
  await eventually(() => {
    for (const replica of [editor.doc, watcher.doc, storedDoc(server, documentId)]) expect(markOf(byId(replica, blockId))).toBeUndefined();
  });
  // Only that block: the other examples keep their mark.
  for (const other of others) expect(markOf(other)).toBe(true);

  const row = await eventually(async () => {
    const found = await registerRow('actions', blockId);
    expect(found).toBeDefined();
    return found!;
  });
  expect(String(row.text)).toMatch(/^Bewoners: /);
  const shown = await everywhere();
  expect(shown.actions).toContain(blockId);
  expect(shown['actions.csv']).toContain(blockId);
  expect(shown['actions.rfc4180']).toContain(blockId);
  expect(shown.feed).not.toContain(blockId);
  for (const other of others) expect(JSON.stringify(shown)).not.toContain(other.getAttribute('id')!);

  // Once it has a date and an owner it is in the calendar feed and counts for that party.
  const before = await contributionsOf(residentsPartyId);
  editor.doc.transact(() => {
    action.setAttribute('due', '2031-09-15');
    action.setAttribute('ownerPartyId', residentsPartyId);
  });
  await eventually(async () => expect(unfolded(await (await fetch(feedUrl)).text())).toContain(`${blockId}-due@werktafel`));
  expect(await contributionsOf(residentsPartyId)).toMatchObject({ actionsOwned: before.actionsOwned + 1 });
});

test('taking an example over (an owner, a party, a date) clears its mark; clearing it by hand is allowed', async () => {
  const plan = await createFromTemplate('plan-van-aanpak', 'Plan Zuid');
  const intent = await createFromTemplate('intentieverklaring', 'Intentie Zuid');
  const planClient = pool.connect(plan, { cookie: resident.cookie, origin: server.origin });
  const intentClient = pool.connect(intent, { cookie: resident.cookie, origin: server.origin });
  const watcher = pool.connect(plan, { cookie: workshop.owner.cookie, origin: server.origin });
  await Promise.all([planClient, intentClient, watcher].map((c) => waitForSync(c.provider)));
  const [first, second, third] = blocksOf(planClient.doc, 'action');
  const reflection = blocksOf(planClient.doc, 'reflection')[0]!;
  const commitment = blocksOf(intentClient.doc, 'commitment')[0]!;
  const before = await contributionsOf(residentsPartyId);

  // The owner party of one action, a date on a reflection, a party for a commitment.
  second!.setAttribute('ownerPartyId', residentsPartyId);
  reflection.setAttribute('date', '2031-10-01');
  commitment.setAttribute('partyId', residentsPartyId);
  // Setting a field to the value it already has changes nothing: still an example.
  first!.setAttribute('status', first!.getAttribute('status')!);
  // Clearing the mark by hand: the person could edit the block anyway.
  third!.removeAttribute('example');

  const id = (element: Y.XmlElement) => element.getAttribute('id')!;
  await eventually(() => {
    for (const replica of [planClient.doc, watcher.doc, storedDoc(server, plan)]) {
      expect(markOf(byId(replica, id(second!)))).toBeUndefined();
      expect(markOf(byId(replica, id(reflection)))).toBeUndefined();
    }
    expect(markOf(byId(storedDoc(server, intent), id(commitment)))).toBeUndefined();
    expect(markOf(commitment)).toBeUndefined();
  });
  await eventually(async () => {
    expect(await registerRow('actions', id(second!))).toMatchObject({ ownerPartyId: residentsPartyId, ownerPartyName: 'Bewoners' });
    expect(await registerRow('actions', id(third!))).toBeDefined();
    expect(await registerRow('reflections', id(reflection))).toMatchObject({ date: '2031-10-01' });
    expect(await registerRow('commitments', id(commitment))).toMatchObject({ partyId: residentsPartyId, status: 'proposed' });
  });
  expect(await registerRow('actions', id(first!))).toBeUndefined();
  expect(markOf(byId(watcher.doc, id(first!)))).toBe(true);
  expect(markOf(byId(watcher.doc, id(third!)))).toBeUndefined();
  expect(unfolded(await (await fetch(feedUrl)).text())).toContain(`${id(reflection)}@werktafel`);
  expect(await contributionsOf(residentsPartyId)).toMatchObject({
    actionsOwned: before.actionsOwned + 1,
    commitmentsMade: before.commitmentsMade + 1,
  });
});

test('a mark a person sets on a real block, or on a block they insert, is removed and the block stays counted', async () => {
  const documentId = await createFromTemplate('plan-van-aanpak', 'Plan West');
  const forger = pool.connect(documentId, { cookie: resident.cookie, origin: server.origin });
  const watcher = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await Promise.all([waitForSync(forger.provider), waitForSync(watcher.provider)]);
  const fragment = forger.doc.getXmlFragment(DOCUMENT_FRAGMENT);
  fragment.insert(fragment.length, [
    blockElement('action', { id: 'owned-1', ownerPartyId: residentsPartyId, due: '2031-11-01', status: 'open', funding: 'extra' }, 'Buurtkamer openen'),
  ]);
  await eventually(async () => expect(await registerRow('actions', 'owned-1')).toBeDefined());
  const before = await contributionsOf(residentsPartyId);

  // The forger marks the real action as an example, and inserts a new action already marked,
  // and a copy of an example (same id, still live): none may hide from the registers.
  const example = blocksOf(forger.doc, 'action')[0]!;
  const copy = blockElement('action', { id: example.getAttribute('id')!, status: 'open', funding: 'unknown' }, 'Kopie');
  copy.setAttribute('example', true as never);
  const fresh = blockElement('action', { id: 'hidden-1', ownerPartyId: residentsPartyId, status: 'open', funding: 'unknown' }, 'Verstopt');
  fresh.setAttribute('example', true as never);
  forger.doc.transact(() => {
    byId(forger.doc, 'owned-1').setAttribute('example', true as never);
    fragment.insert(fragment.length, [fresh, copy]);
  });
  await eventually(() => {
    for (const replica of [forger.doc, watcher.doc, storedDoc(server, documentId)]) {
      expect(markOf(byId(replica, 'owned-1'))).toBeUndefined();
      expect(markOf(byId(replica, 'hidden-1'))).toBeUndefined();
      // The copy got a fresh id from the server and lost the mark.
      const copies = blocksOf(replica, 'action').filter((b) => b.toString().includes('Kopie'));
      expect(copies).toHaveLength(1);
      expect(markOf(copies[0]!)).toBeUndefined();
      expect(copies[0]!.getAttribute('id')).not.toBe(example.getAttribute('id'));
    }
  });
  // The original example keeps its mark.
  expect(markOf(byId(watcher.doc, example.getAttribute('id')!))).toBe(true);
  await eventually(async () => {
    expect(await registerRow('actions', 'owned-1')).toMatchObject({ ownerPartyName: 'Bewoners' });
    expect(await registerRow('actions', 'hidden-1')).toBeDefined();
  });
  const shown = await everywhere();
  expect(shown['actions.csv']).toContain('owned-1');
  expect(shown['actions.rfc4180']).toContain('owned-1');
  expect(unfolded(shown.feed!)).toContain('owned-1-due@werktafel');
  expect(shown.actions).not.toContain(example.getAttribute('id')!);
  expect(await contributionsOf(residentsPartyId)).toMatchObject({ actionsOwned: before.actionsOwned + 1 });
});

test('an example deleted and brought back unchanged (undo) is still an example', async () => {
  const documentId = await createFromTemplate('plan-van-aanpak', 'Plan Oost');
  const client = pool.connect(documentId, { cookie: resident.cookie, origin: server.origin });
  const watcher = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await Promise.all([waitForSync(client.provider), waitForSync(watcher.provider)]);
  const fragment = client.doc.getXmlFragment(DOCUMENT_FRAGMENT);
  const undo = new Y.UndoManager(fragment);
  const reflection = blocksOf(client.doc, 'reflection')[0]!;
  const blockId = reflection.getAttribute('id')!;
  const index = fragment.toArray().indexOf(reflection);
  fragment.delete(index, 1);
  await eventually(() => expect(blocksOf(watcher.doc).some((b) => b.getAttribute('id') === blockId)).toBe(false));
  undo.undo();
  await eventually(() => expect(markOf(byId(watcher.doc, blockId))).toBe(true));
  // A real action written after the undo: once it is in the register, the undo was read too.
  fragment.insert(fragment.length, [blockElement('action', { id: 'after-undo', status: 'open', funding: 'unknown' }, 'Daarna')]);
  await eventually(async () => expect(await registerRow('actions', 'after-undo')).toBeDefined());
  expect(markOf(byId(client.doc, blockId))).toBe(true);
  expect(markOf(byId(storedDoc(server, documentId), blockId))).toBe(true);
  expect(await registerRow('reflections', blockId)).toBeUndefined();
  undo.destroy();
});

test("a restore is the server's change: a version's examples come back as examples, with their text", async () => {
  const documentId = await createFromTemplate('plan-van-aanpak', 'Plan Centrum');
  const saved = await workshop.owner.post(`/api/documents/${documentId}/versions`, { label: 'Zoals het sjabloon het gaf' });
  expect(saved.status).toBe(201);
  const client = pool.connect(documentId, { cookie: resident.cookie, origin: server.origin });
  await waitForSync(client.provider);
  const action = blocksOf(client.doc, 'action')[0]!;
  const blockId = action.getAttribute('id')!;
  action.setAttribute('ownerPartyId', residentsPartyId);
  await eventually(async () => expect(await registerRow('actions', blockId)).toMatchObject({ ownerPartyName: 'Bewoners' }));

  const restored = await resident.post(`/api/documents/${documentId}/versions/${saved.body.id}/restore`);
  expect(restored.status).toBe(200);
  await eventually(() => {
    for (const replica of [client.doc, storedDoc(server, documentId)]) {
      expect(markOf(byId(replica, blockId))).toBe(true);
      expect(byId(replica, blockId).getAttribute('ownerPartyId') ?? null).toBeNull();
    }
  });
  await eventually(async () => expect(await registerRow('actions', blockId)).toBeUndefined());
  // Taken over again after the restore: the restored mark is on record and goes like any other.
  byId(client.doc, blockId).setAttribute('ownerPartyId', residentsPartyId);
  await eventually(async () => expect(await registerRow('actions', blockId)).toMatchObject({ ownerPartyName: 'Bewoners' }));
  expect(markOf(byId(client.doc, blockId))).toBeUndefined();
});
