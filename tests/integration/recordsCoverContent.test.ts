/**
 * Issue 12, items 3 and 4: who proposed a block and what a party confirmed are the server's
 * record. Attacks by an editor of another party through a stock provider: rewriting a confirmed
 * commitment's text, moving it to another party, copying it (same id) onto new words, and
 * inserting blocks that claim to be the municipality's. Asserted in the document every replica
 * holds, the registers, the exports, the contributions and the decision history.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop, type ApiClient, type Workshop } from '../helpers/apiClient';
import { ProviderPool, storedDoc, type ConnectedProvider } from '../helpers/collab';
import { appendCommitment } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
/** Speaks for "Bewoners", the party that makes the commitments. */
let resident: ApiClient & { userId: string };
let residentsPartyId: string;
/** An editor of the municipality (the owner's party). */
let official: ApiClient & { userId: string };
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  const party = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Bewoners', kind: 'residents' });
  residentsPartyId = party.body.id;
  resident = await addMember(workshop, server.origin, 'editor', 'Bram Bewoner');
  await workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${resident.userId}`, { partyId: residentsPartyId });
  official = await addMember(workshop, server.origin, 'editor', 'Ambtenaar');
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

function blocks(doc: Y.Doc, kind: string): Y.XmlElement[] {
  return doc
    .getXmlFragment(DOCUMENT_FRAGMENT)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === kind);
}

function commitmentById(doc: Y.Doc, id: string): Y.XmlElement | undefined {
  return blocks(doc, 'commitment').find((element) => element.getAttribute('id') === id);
}

/** A document with one commitment of the residents, confirmed by a resident; both clients synced. */
async function confirmedCommitment(blockId: string): Promise<{ documentId: string; residentClient: ConnectedProvider; officialClient: ConnectedProvider }> {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: `Plan ${blockId}`, template: 'blank' });
  const documentId = created.body.id as string;
  const residentClient = pool.connect(documentId, { cookie: resident.cookie, origin: server.origin });
  const officialClient = pool.connect(documentId, { cookie: official.cookie, origin: server.origin });
  await Promise.all([waitForSync(residentClient.provider), waitForSync(officialClient.provider)]);
  appendCommitment(residentClient.doc, blockId, residentsPartyId, 'Wij openen het buurthuis elke woensdag.');
  await eventually(() => expect(commitmentById(officialClient.doc, blockId)).toBeDefined());
  const confirmed = await resident.post(`/api/documents/${documentId}/commitments/${blockId}/confirm`);
  expect(confirmed.status).toBe(200);
  await eventually(() => expect(commitmentById(officialClient.doc, blockId)?.getAttribute('status')).toBe('confirmed'));
  return { documentId, residentClient, officialClient };
}

async function registerRow(blockId: string) {
  const rows = (await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}/commitments`)).body as { blockId: string; status: string; confirmedBy: string | null }[];
  return rows.find((row) => row.blockId === blockId);
}

async function expectReturnedToProposed(documentId: string, blockId: string, clients: ConnectedProvider[]) {
  for (const client of clients) {
    await eventually(() => {
      const element = commitmentById(client.doc, blockId)!;
      expect(element.getAttribute('status')).toBe('proposed');
      expect(element.getAttribute('confirmedBy') ?? null).toBeNull();
    });
  }
  await eventually(() => expect(commitmentById(storedDoc(server, documentId), blockId)?.getAttribute('status')).toBe('proposed'));
  await eventually(async () => expect((await registerRow(blockId))?.status).toBe('proposed'));
  const markdown = await workshop.owner.get(`/api/documents/${documentId}/export?format=md`);
  expect(markdown.body).not.toMatch(/Bevestigd/);
  // The confirmation stays in the history, followed by the server's return to "proposed".
  const history = server.storage.sqlite
    .prepare('SELECT status, user_id, reason FROM commitment_decisions WHERE document_id = ? AND block_id = ? ORDER BY id')
    .all(documentId, blockId) as { status: string; user_id: string | null; reason: string | null }[];
  expect(history).toEqual([
    { status: 'confirmed', user_id: resident.userId, reason: null },
    { status: 'proposed', user_id: official.userId, reason: 'content_changed' },
  ]);
  const audit = server.storage.sqlite.prepare('SELECT action FROM audit_log WHERE document_id = ? ORDER BY id').all(documentId) as { action: string }[];
  expect(audit.map((row) => row.action)).toEqual(['commitment.confirm', 'commitment.reopened']);
}

describe('a confirmation covers what was confirmed', () => {
  test('another party rewrites the text: the commitment is proposed again everywhere', async () => {
    const { documentId, residentClient, officialClient } = await confirmedCommitment('rewrite');
    const text = commitmentById(officialClient.doc, 'rewrite')!.firstChild as Y.XmlElement;
    (text.firstChild as Y.XmlText).insert(0, 'Misschien ');
    await expectReturnedToProposed(documentId, 'rewrite', [residentClient, officialClient]);
  });

  test('another party moves it to its own party: proposed again', async () => {
    const { documentId, residentClient, officialClient } = await confirmedCommitment('move');
    commitmentById(officialClient.doc, 'move')!.setAttribute('partyId', workshop.partyId);
    await expectReturnedToProposed(documentId, 'move', [residentClient, officialClient]);
  });

  test('a copy with the same id onto new words gets a fresh id and is not confirmed; the original stays confirmed', async () => {
    const { documentId, officialClient } = await confirmedCommitment('original');
    const copy = new Y.XmlElement('commitment');
    copy.setAttribute('id', 'original');
    copy.setAttribute('partyId', residentsPartyId);
    copy.setAttribute('status', 'confirmed');
    copy.setAttribute('confirmedBy', resident.userId);
    copy.setAttribute('confirmedAt', new Date().toISOString());
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Wij betalen alle kosten van de gemeente.')]);
    copy.insert(0, [paragraph]);
    officialClient.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [copy]);

    await eventually(() => {
      const all = blocks(storedDoc(server, documentId), 'commitment');
      expect(all).toHaveLength(2);
      const [copied, original] = all as [Y.XmlElement, Y.XmlElement];
      expect(copied.getAttribute('id')).not.toBe('original');
      expect(copied.getAttribute('status')).toBe('proposed');
      expect(copied.getAttribute('confirmedBy') ?? null).toBeNull();
      expect(copied.getAttribute('createdBy')).toBe(official.userId);
      expect(original.getAttribute('id')).toBe('original');
      expect(original.getAttribute('status')).toBe('confirmed');
    });
    await eventually(async () => expect((await registerRow('original'))?.status).toBe('confirmed'));
  });

  test('the party that confirmed may still fix a comma: that too needs a new confirmation', async () => {
    const { documentId, residentClient } = await confirmedCommitment('comma');
    const text = commitmentById(residentClient.doc, 'comma')!.firstChild as Y.XmlElement;
    (text.firstChild as Y.XmlText).insert(3, ',');
    await eventually(() => expect(commitmentById(storedDoc(server, documentId), 'comma')?.getAttribute('status')).toBe('proposed'));
  });
});

describe('who proposed a block is what the server saw', () => {
  test('requirements typed by one party and signed as the municipality are credited to who typed them', async () => {
    const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Eisen', template: 'blank' });
    const documentId = created.body.id as string;
    const forger = pool.connect(documentId, { cookie: resident.cookie, origin: server.origin });
    await waitForSync(forger.provider);
    forger.doc.transact(() => {
      for (let i = 0; i < 5; i++) {
        const criterion = new Y.XmlElement('criterion');
        criterion.setAttribute('id', `eis-${i}`);
        criterion.setAttribute('kind', 'requirement');
        criterion.setAttribute('category', 'turnover');
        criterion.setAttribute('createdBy', workshop.owner.userId);
        criterion.setAttribute('createdByParty', workshop.partyId);
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText('Minimale omzet van 5 miljoen euro.')]);
        criterion.insert(0, [paragraph]);
        forger.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [criterion]);
      }
    });
    await eventually(() => {
      for (const criterion of blocks(forger.doc, 'criterion')) {
        expect(criterion.getAttribute('createdBy')).toBe(resident.userId);
        expect(criterion.getAttribute('createdByParty')).toBe(residentsPartyId);
      }
    });
    await eventually(async () => {
      const rows = (await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}/criteria`)).body as { documentId: string; createdByPartyName: string }[];
      const mine = rows.filter((row) => row.documentId === documentId);
      expect(mine).toHaveLength(5);
      expect(new Set(mine.map((row) => row.createdByPartyName))).toEqual(new Set(['Bewoners']));
    });
    const contributions = (await workshop.owner.get(`/api/documents/${documentId}/contributions`)).body as { parties: { partyName: string; blocksProposed: number }[] };
    expect(contributions.parties.find((p) => p.partyName === 'Gemeente')?.blocksProposed).toBe(0);
    expect(contributions.parties.find((p) => p.partyName === 'Bewoners')?.blocksProposed).toBe(5);

    // Changing the author afterwards is put back too.
    blocks(forger.doc, 'criterion')[0]!.setAttribute('createdByParty', workshop.partyId);
    await eventually(() => expect(blocks(storedDoc(server, documentId), 'criterion')[0]!.getAttribute('createdByParty')).toBe(residentsPartyId));
  });
});
