/**
 * Issue 16: names from every European script survive the export through the real server (the PDF
 * embeds a Unicode font rather than folding to Windows-1252), the PDF is tagged in the export's
 * language for screen readers, and the ODT download carries the same text and language.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { buildWorkshop, type Workshop } from '../helpers/apiClient';
import { all, firstZipEntry, ns, readOdt, textOf } from '../helpers/odt';
import { hasPoppler, pdfCatalog, pdfStructure, pdfText, structureTypes } from '../helpers/pdf';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

const names = ['Łukasz Nowak', 'Ömer Yılmaz', 'Nguyễn Thị Hoa'];
const title = `Afspraken met ${names[0]}`;

let server: TestServer;
let workshop: Workshop;
let documentId: string;

function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
}

async function download(format: string): Promise<Response> {
  return fetch(`${server.origin}/api/documents/${documentId}/export?format=${format}`, { headers: { cookie: workshop.owner.cookie! } });
}

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title, template: 'plan-van-aanpak' });
  documentId = created.body.id;
  const client = connectProvider(documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(client.provider);
  appendParagraph(client.doc, `Trekkers: ${names[1]} en ${names[2]}.`);
  await eventually(async () => {
    expect((await workshop.owner.get(`/api/documents/${documentId}/export?format=md`)).body).toContain(names[2]);
  });
  client.provider.destroy();
});
afterAll(async () => server.stop());

test('the PDF holds Polish, Turkish and Vietnamese names as written, and is tagged in Dutch', async (ctx) => {
  if (!hasPoppler) {
    if (process.env.CI) throw new Error('poppler-utils (pdftotext, pdfinfo) is missing; .ci/run installs it.');
    ctx.skip();
  }
  const res = await download('pdf');
  expect(res.status).toBe(200);
  const body = Buffer.from(await res.arrayBuffer());

  const text = pdfText(body);
  for (const name of names) expect(text).toContain(name);
  expect(pdfCatalog(body)).toEqual({ lang: 'nl-NL', marked: true, structTreeRoot: true });

  const tree = pdfStructure(body);
  const types = new Set(structureTypes(tree));
  for (const type of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD']) expect(types, type).toContain(type);
  expect(tree).toMatch(new RegExp(`H1 \\(block\\)\\n\\s+"${title}"`));
  expect(tree).toContain(`"Trekkers: ${names[1]} en ${names[2]}."`);
  // Page numbers are page furniture (artifacts), not read out between paragraphs.
  expect(tree).not.toMatch(/pagina \d+ van \d+/);
});

test('the ODT download is an OpenDocument text with the names and the language', async () => {
  const res = await download('odt');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.oasis.opendocument.text');
  expect(res.headers.get('content-disposition')).toBe('attachment; filename="afspraken-met-lukasz-nowak.odt"');
  const body = Buffer.from(await res.arrayBuffer());
  expect(firstZipEntry(body)).toMatchObject({ name: 'mimetype', method: 0 });
  const { content, meta } = await readOdt(body);
  const paragraphs = all(content, ns.text, 'p').map(textOf);
  expect(paragraphs[0]).toBe(title);
  expect(paragraphs).toContain(`Trekkers: ${names[1]} en ${names[2]}.`);
  expect(textOf(all(meta, ns.dc, 'language')[0]!)).toBe('nl-NL');
  expect(textOf(all(meta, ns.dc, 'title')[0]!)).toBe(title);
});
