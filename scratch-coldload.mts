import fs from 'node:fs';
import * as Y from 'yjs';
import { performance } from 'node:perf_hooks';
import { startTestServer } from './tests/helpers/startTestServer';
import { buildWorkshop } from './tests/helpers/apiClient';
import { rawSocket } from './tests/helpers/providers';
import { encodeSyncStep1 } from './server/collab/codec';

const state = fs.readFileSync('/tmp/werktafel-bench-fixtures/typed-260000-v1.state');
const server = await startTestServer({}, {
  wrapDocumentLog: (log) => ({
    ...log,
    read: async (id) => { const t = performance.now(); const r = await log.read(id); times.read = performance.now() - t; return r; },
    append: log.append, compact: log.compact, documentsWithLog: log.documentsWithLog,
  }),
});
const times: Record<string, number> = {};
const w = await buildWorkshop(server.origin);
const results: number[] = [];
for (let i = 0; i < 12; i++) {
  const doc = await w.owner.post(`/api/workspaces/${w.workspaceId}/documents`, { title: 'x', template: 'blank' });
  await server.storage.log.compact(doc.body.id, state, 0);
  const t0 = performance.now();
  const ws = rawSocket(server.origin, doc.body.id, w.owner.cookie);
  let opened = 0;
  await new Promise<void>((resolve) => {
    ws.on('open', () => { opened = performance.now() - t0; ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))); });
    let bytes = 0;
    ws.on('message', (d: Buffer) => { bytes += d.length; if (bytes > state.length * 0.9) resolve(); });
  });
  const total = performance.now() - t0;
  results.push(total);
  console.log(`open ${opened.toFixed(1)} total ${total.toFixed(1)} read ${times.read?.toFixed(1)}`);
  ws.close();
  await new Promise((r) => setTimeout(r, 200));
}
await server.stop();
