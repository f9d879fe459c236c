/**
 * The caps on diffs, version reads and exports: too much changed, too many stored bytes, too
 * long on the worker. Each answers 422 with its code and a Dutch sentence, and the server goes
 * on serving (the next request is answered, a timed-out worker was terminated).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool } from '../helpers/collab';
import { waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { editAndWaitStored } from '../helpers/storedEdits';

const pool = new ProviderPool();
afterEach(() => pool.destroyAll());

/** Replaces the whole document with `count` paragraphs and waits until the server stored it. */
async function writeParagraphs(server: TestServer, workshop: Workshop, count: number, text: (i: number) => string): Promise<void> {
  const client = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(client.provider);
  const replace = (doc: Y.Doc) =>
    doc.transact(() => {
      const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
      fragment.delete(0, fragment.length);
      fragment.insert(
        0,
        Array.from({ length: count }, (_, i) => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(text(i))]);
          return paragraph;
        }),
      );
    });
  await editAndWaitStored(server, workshop.documentId, client.doc, replace, 1, 20_000);
  client.provider.destroy();
}

describe('with the default caps', () => {
  let server: TestServer;
  let workshop: Workshop;
  beforeAll(async () => {
    server = await startTestServer();
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => server.stop());

  test('a diff where too much changed answers 422 diff_too_large; a smaller one is computed', async () => {
    const { owner, documentId } = workshop;
    await writeParagraphs(server, workshop, 4_100, (i) => `Oude alinea ${i}`);
    const version = (await owner.post(`/api/documents/${documentId}/versions`, { label: 'Oud' })).body;
    await writeParagraphs(server, workshop, 4_100, (i) => `Nieuwe alinea ${i}`);

    const refused = await owner.get(`/api/documents/${documentId}/versions/${version.id}/diff?against=current`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('diff_too_large');
    expect(refused.body.error.message).toMatch(/^Deze vergelijking is te groot om te maken: er zijn te veel passages veranderd \(4100 tegen 4100\)\./);

    // The same document with one paragraph changed at either end is small work.
    const small = (await owner.post(`/api/documents/${documentId}/versions`, { label: 'Nieuw' })).body;
    const client = pool.connect(documentId, { cookie: owner.cookie, origin: server.origin });
    await waitForSync(client.provider);
    await editAndWaitStored(server, documentId, client.doc, (d) => ((d.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Gewijzigd: '));
    const computed = await owner.get(`/api/documents/${documentId}/versions/${small.id}/diff?against=current`);
    expect(computed.status).toBe(200);
    expect(computed.body.entries).toHaveLength(1);
    expect(computed.body.entries[0].summary).toBe("tekst 'Gewijzigd: Nieuwe alinea 0' gewijzigd");
  });
});

describe('with 64 KiB of stored bytes as the most a diff or export takes on', () => {
  let server: TestServer;
  let workshop: Workshop;
  beforeAll(async () => {
    server = await startTestServer({ MAX_DIFF_EXPORT_BYTES: String(64 * 1024) });
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => server.stop());

  test('a larger document is refused before any worker is asked, with a message that says how large', async () => {
    const { owner, documentId } = workshop;
    await writeParagraphs(server, workshop, 3_000, (i) => `Alinea ${i} van een lang plan van aanpak`);
    const version = (await owner.post(`/api/documents/${documentId}/versions`, { label: 'Lang' })).body;

    const exported = await owner.get(`/api/documents/${documentId}/export?format=pdf`);
    expect(exported.status).toBe(422);
    expect(exported.body.error).toMatchObject({ code: 'export_too_large' });
    expect(exported.body.error.message).toMatch(/^Deze export als PDF is te groot: [\d,]+ MB aan tekst, de grens is 0,1 MB\. Markdown en HTML zijn lichter/);
    const odt = await owner.get(`/api/documents/${documentId}/export?format=odt`);
    expect(odt.status).toBe(422);
    expect(odt.body.error.message).toMatch(/^Deze export als ODT is te groot: .* Markdown en HTML zijn lichter/);
    const diff = await owner.get(`/api/documents/${documentId}/versions/${version.id}/diff?against=current`);
    expect(diff.status).toBe(422);
    expect(diff.body.error.code).toBe('diff_too_large');
    const opened = await owner.get(`/api/documents/${documentId}/versions/${version.id}`);
    expect(opened.status).toBe(422);
    expect(opened.body.error.code).toBe('version_too_large');
    expect(server.log.filter((r) => r.msg === 'worker ready')).toHaveLength(0);
  });
});

describe('with workers given 1 ms per job', () => {
  let server: TestServer;
  let workshop: Workshop;
  beforeAll(async () => {
    server = await startTestServer({ WORKER_TIMEOUT_MS: '1' });
    workshop = await buildWorkshop(server.origin);
  });
  afterAll(async () => server.stop());

  test('an export that runs longer is stopped, its worker terminated, and the server answers on', async () => {
    const { owner, documentId } = workshop;
    await writeParagraphs(server, workshop, 2_000, (i) => `Alinea ${i} van een plan dat als PDF te lang duurt`);
    const exported = await owner.get(`/api/documents/${documentId}/export?format=pdf`);
    expect(exported.status).toBe(422);
    expect(exported.body.error.code).toBe('export_too_large');
    expect(exported.body.error.message).toBe('Deze export als PDF duurde langer dan 1 ms en is afgebroken. Markdown en HTML zijn lichter; probeer een van die.');
    expect(server.log.filter((r) => r.msg === 'worker job timed out: terminating its worker')).toHaveLength(1);
    expect((await owner.get('/api/health')).status).toBe(200);
    expect((await owner.get(`/api/documents/${documentId}`)).status).toBe(200);
  });
});
