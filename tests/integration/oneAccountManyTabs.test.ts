/**
 * One account on many connections (a person's tabs, or a shared account on the laptops of a
 * community centre). The stock y-websocket client echoes every presence it hears back to the
 * server; those echoes once moved the ownership of every presence of that account onto the
 * connection that echoed last, which was then closed for holding too many (4413), over and over
 * (found by the benchmark at 50 clients). Each connection keeps its own presence, everyone sees
 * everyone, nobody is closed, and every keystroke arrives.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool, recordCloseCodes, setMarker, storedText } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer({ MAX_CONNECTIONS_PER_USER: '100' });
  workshop = await buildWorkshop(server.origin);
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

// More than a connection may ever announce (32): the old echo take-over piled them up on one.
const TABS = 36;

test(`${TABS} connections of one account keep their presences and their edits`, async () => {
  const tabs = Array.from({ length: TABS }, () => pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin }));
  await Promise.all(tabs.map((tab) => waitForSync(tab.provider)));
  const codes = tabs.map((tab) => recordCloseCodes(tab.provider));
  tabs.forEach((tab, i) => setMarker(tab.provider, `tab-${i}`));
  // Everyone sees all the others' presences (echoes flying back and forth meanwhile).
  await eventually(() => {
    for (const tab of tabs) expect(tab.provider.awareness.getStates().size).toBe(TABS);
  }, 10_000);
  // A few rounds of presence changes and typing, as cursors move while people write.
  for (let round = 0; round < 3; round++) {
    tabs.forEach((tab, i) => {
      setMarker(tab.provider, `tab-${i}-round-${round}`);
      tab.doc.getText('t').insert(0, `${i}.${round};`);
    });
    await eventually(() => expect(storedText(server, workshop.documentId).split(';').length - 1).toBe(TABS * (round + 1)));
  }
  await eventually(() => {
    for (const tab of tabs) expect(tab.provider.awareness.getStates().size).toBe(TABS);
  });
  expect(codes.flat()).toEqual([]);
  await eventually(() => {
    for (const tab of tabs) expect(tab.text()).toBe(storedText(server, workshop.documentId));
  });
});
