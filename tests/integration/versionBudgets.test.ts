/**
 * Budgets of versions (issue 12, item 6): an unchanged document gets no second copy (named or
 * automatic), automatic versions thin out with age while named, before-restore and adopted
 * ones stay, owners delete versions no adoption uses, and the workspace tells its owners how
 * much it stores. Each test acts through the API or a real socket and reads SQLite afterwards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool } from '../helpers/collab';
import { appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { editAndWaitStored } from '../helpers/storedEdits';

const pool = new ProviderPool();
afterEach(() => pool.destroyAll());

interface StoredVersion {
  id: string;
  label: string;
  kind: string;
  created_at: number;
  bytes: number;
}

const versionRows = (server: TestServer, documentId: string) =>
  server.storage.sqlite
    .prepare<[string], StoredVersion>('SELECT id, label, kind, created_at, length(state) AS bytes FROM document_versions WHERE document_id = ? ORDER BY created_at, seq')
    .all(documentId);

const auditActions = async (server: TestServer, documentId: string) => (await server.repos.auditLog.forDocument(documentId)).map((r) => ({ action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown> }));

const firstText = (doc: Y.Doc) => (doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;

describe('with automatic versions only after ten quiet minutes', () => {
  let server: TestServer;
  let workshop: Workshop;
  beforeAll(async () => {
    server = await startTestServer();
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => server.stop());

  test('a version identical to the one before is not stored again, even when the Yjs bytes differ', async () => {
    const { owner, documentId } = workshop;
    const writer = pool.connect(documentId, { cookie: owner.cookie, origin: server.origin });
    await waitForSync(writer.provider);
    await editAndWaitStored(server, documentId, writer.doc, (d) => appendParagraph(d, 'Eerste opzet van de uitvraag'));

    const first = await owner.post(`/api/documents/${documentId}/versions`, { label: 'Concept 1' });
    expect(first.status).toBe(201);
    const again = await owner.post(`/api/documents/${documentId}/versions`, { label: 'Concept 1 nogmaals' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, label: 'Concept 1', kind: 'manual' });
    expect(versionRows(server, documentId)).toHaveLength(1);

    // Typed and taken back: the same text, other bytes.
    const typeAndTakeBack = (d: Y.Doc) => {
      firstText(d).insert(0, 'x');
      firstText(d).delete(0, 1);
    };
    await editAndWaitStored(server, documentId, writer.doc, typeAndTakeBack, 2);
    const now = Y.encodeStateAsUpdate(writer.doc);
    const kept = server.storage.sqlite.prepare<[string], { state: Buffer }>('SELECT state FROM document_versions WHERE id = ?').get(first.body.id)!;
    expect(Buffer.from(now).equals(Buffer.from(kept.state))).toBe(false);
    const unchanged = await owner.post(`/api/documents/${documentId}/versions`, { label: 'Na getyp en terugdraaien' });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.id).toBe(first.body.id);
    expect(versionRows(server, documentId)).toHaveLength(1);

    await editAndWaitStored(server, documentId, writer.doc, (d) => appendParagraph(d, 'Een tweede alinea'));
    const second = await owner.post(`/api/documents/${documentId}/versions`, { label: 'Concept 2' });
    expect(second.status).toBe(201);
    expect(versionRows(server, documentId).map((v) => v.label)).toEqual(['Concept 1', 'Concept 2']);
    // Only what was stored is in the audit log.
    expect((await auditActions(server, documentId)).filter((a) => a.action === 'version.create').map((a) => a.detail.label)).toEqual(['Concept 1', 'Concept 2']);
  });

  test('an owner deletes a version no adoption uses; others may not, and an adopted one stays', async () => {
    const { owner, documentId, partyId } = workshop;
    const editor = await addMember(workshop, server.origin, 'editor', 'Schrijver');
    const writer = pool.connect(documentId, { cookie: owner.cookie, origin: server.origin });
    await waitForSync(writer.provider);
    await editAndWaitStored(server, documentId, writer.doc, (d) => appendParagraph(d, 'Tekst voor de versie die weg mag'));
    const doomed = (await owner.post(`/api/documents/${documentId}/versions`, { label: 'Mag weg' })).body;
    await editAndWaitStored(server, documentId, writer.doc, (d) => appendParagraph(d, 'Tekst voor de versie ter vaststelling'));
    const adopted = (await owner.post(`/api/documents/${documentId}/versions`, { label: 'Ter vaststelling' })).body;
    expect((await owner.post(`/api/documents/${documentId}/versions/${adopted.id}/adoption`, { partyIds: [partyId] })).status).toBe(201);

    expect((await editor.delete(`/api/documents/${documentId}/versions/${doomed.id}`)).status).toBe(403);
    expect(versionRows(server, documentId).map((v) => v.id)).toContain(doomed.id);

    const refused = await owner.delete(`/api/documents/${documentId}/versions/${adopted.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('version_in_adoption');
    expect(versionRows(server, documentId).map((v) => v.id)).toContain(adopted.id);

    const deleted = await owner.delete(`/api/documents/${documentId}/versions/${doomed.id}`);
    expect(deleted.status).toBe(204);
    expect(versionRows(server, documentId).map((v) => v.id)).not.toContain(doomed.id);
    expect(await auditActions(server, documentId)).toContainEqual({
      action: 'version.delete',
      detail: { versionId: doomed.id, label: 'Mag weg', kind: 'manual' },
    });
    // Gone everywhere: reading, comparing, exporting and deleting it again.
    for (const path of [`versions/${doomed.id}`, `versions/${doomed.id}/diff?against=current`, `export?format=md&version=${doomed.id}`]) {
      expect((await owner.get(`/api/documents/${documentId}/${path}`)).status, path).toBe(404);
    }
    expect((await owner.delete(`/api/documents/${documentId}/versions/${doomed.id}`)).status).toBe(404);
  });

  test('owners see the bytes the workspace stores for documents and versions; others do not', async () => {
    const { owner, workspaceId, documentId } = workshop;
    const sum = (sql: string) => server.storage.sqlite.prepare<[string], { n: number }>(sql).get(workspaceId)!.n;
    const expected = () => ({
      versionsBytes: sum('SELECT coalesce(sum(length(v.state)), 0) AS n FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.workspace_id = ?'),
      documentsBytes:
        sum('SELECT coalesce(sum(length(s.state)), 0) AS n FROM document_snapshots s JOIN documents d ON d.id = s.document_id WHERE d.workspace_id = ?') +
        sum('SELECT coalesce(sum(length(u.update_bytes)), 0) AS n FROM document_updates u JOIN documents d ON d.id = u.document_id WHERE d.workspace_id = ?'),
    });
    const before = (await owner.get(`/api/workspaces/${workspaceId}`)).body.storage;
    expect(before).toEqual(expected());
    expect(before.versionsBytes).toBeGreaterThan(0);
    expect(before.documentsBytes).toBeGreaterThan(0);

    const writer = pool.connect(documentId, { cookie: owner.cookie, origin: server.origin });
    await waitForSync(writer.provider);
    await editAndWaitStored(server, documentId, writer.doc, (d) => appendParagraph(d, 'Nog een alinea, zodat er een nieuwe versie komt'));
    const version = (await owner.post(`/api/documents/${documentId}/versions`, { label: 'Groter' })).body;
    const grown = (await owner.get(`/api/workspaces/${workspaceId}`)).body.storage;
    const versionBytes = versionRows(server, documentId).find((v) => v.id === version.id)!.bytes;
    expect(grown.versionsBytes).toBe(before.versionsBytes + versionBytes);
    expect((await owner.delete(`/api/documents/${documentId}/versions/${version.id}`)).status).toBe(204);
    expect((await owner.get(`/api/workspaces/${workspaceId}`)).body.storage.versionsBytes).toBe(before.versionsBytes);

    for (const role of ['editor', 'viewer']) {
      const member = await addMember(workshop, server.origin, role);
      const seen = await member.get(`/api/workspaces/${workspaceId}`);
      expect(seen.status).toBe(200);
      expect(seen.body.storage, role).toBeUndefined();
      expect(seen.body.abilities.deleteVersion, role).toBe(false);
    }
  });
});

describe('with automatic versions after 200 ms of quiet', () => {
  let server: TestServer;
  let workshop: Workshop;
  beforeAll(async () => {
    server = await startTestServer({ AUTO_VERSION_QUIET_MS: '200' });
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => server.stop());

  const notStoredAgain = () => server.log.filter((r) => r.msg.startsWith('version not stored again')).length;

  test('an unchanged document gets no second automatic version, and a named version replaces its automatic copy', async () => {
    const { owner, documentId } = workshop;
    const writer = pool.connect(documentId, { cookie: owner.cookie, origin: server.origin });
    await waitForSync(writer.provider);
    appendParagraph(writer.doc, 'Tekst die automatisch bewaard wordt');
    await eventually(() => expect(versionRows(server, documentId).map((v) => v.kind)).toEqual(['auto']));
    const auto = versionRows(server, documentId)[0]!;

    const skippedBefore = notStoredAgain();
    firstText(writer.doc).insert(0, 'x');
    firstText(writer.doc).delete(0, 1);
    await eventually(() => expect(notStoredAgain()).toBe(skippedBefore + 1));
    expect(versionRows(server, documentId)).toHaveLength(1);

    const named = await owner.post(`/api/documents/${documentId}/versions`, { label: 'Vastgelegd concept' });
    expect(named.status).toBe(201);
    expect(versionRows(server, documentId).map((v) => [v.id, v.kind])).toEqual([[named.body.id, 'manual']]);
    expect(await auditActions(server, documentId)).toContainEqual({
      action: 'version.create',
      detail: { versionId: named.body.id, label: 'Vastgelegd concept', replacedVersionId: auto.id },
    });
  });

  test('a new automatic version thins older automatic ones; named, before-restore and adopted versions stay', async () => {
    const { owner, partyId } = workshop;
    const documentId = (await owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Uitdunnen', template: 'blank' })).body.id;
    const HOUR = 3_600_000;
    const now = Date.now();
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    const past = async (label: string, kind: 'auto' | 'manual' | 'before_restore', createdAt: number) =>
      (await server.repos.versions.create({ document_id: documentId, label, kind, state: empty, attribution: '[]', created_by: null, created_at: createdAt })).id;
    // Two in one clock hour, about 30 hours ago.
    const hourStart = Math.floor((now - 30 * HOUR) / HOUR) * HOUR;
    // Noon UTC ten days ago, and earlier that day: one day in Amsterdam too.
    const tenDaysAgo = new Date(now - 10 * 24 * HOUR);
    const noon = Date.UTC(tenDaysAgo.getUTCFullYear(), tenDaysAgo.getUTCMonth(), tenDaysAgo.getUTCDate(), 12);
    const ids = {
      recentA: await past('recent A', 'auto', now - 2 * HOUR),
      recentB: await past('recent B', 'auto', now - 3 * HOUR),
      hourNewer: await past('uur, later', 'auto', hourStart + 40 * 60_000),
      hourOlder: await past('uur, eerder', 'auto', hourStart + 10 * 60_000),
      dayNewer: await past('dag, later', 'auto', noon),
      dayOlder: await past('dag, eerder', 'auto', noon - 2 * HOUR),
      named: await past('benoemd', 'manual', noon - 3 * HOUR),
      backup: await past('voor terugzetten', 'before_restore', noon - 4 * HOUR),
      adopted: await past('ter vaststelling', 'auto', noon - 5 * HOUR),
    };
    await server.repos.adoptions.createRequest({ version_id: ids.adopted, party_ids: JSON.stringify([partyId]), requested_by: owner.userId, requested_at: now });

    const writer = pool.connect(documentId, { cookie: owner.cookie, origin: server.origin });
    await waitForSync(writer.provider);
    appendParagraph(writer.doc, 'Nieuwe tekst: een nieuwe automatische versie');
    await eventually(() => expect(versionRows(server, documentId)).toHaveLength(8));
    const left = versionRows(server, documentId).map((v) => v.id);
    expect(left).not.toContain(ids.hourOlder);
    expect(left).not.toContain(ids.dayOlder);
    for (const kept of [ids.recentA, ids.recentB, ids.hourNewer, ids.dayNewer, ids.named, ids.backup, ids.adopted]) expect(left).toContain(kept);
    expect(versionRows(server, documentId).at(-1)!.kind).toBe('auto');
  });
});
