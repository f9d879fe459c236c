import { afterAll, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterAll(async () => server.stop());

test('two editors typing at the same time converge to the same text', async () => {
  const editor = await addMember(workshop, server.origin, 'editor', 'Bewoner');
  const a = connectProvider(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  const b = connectProvider(workshop.documentId, { cookie: editor.cookie, origin: server.origin });
  await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);

  a.doc.getText('t').insert(0, 'Gemeente schrijft. ');
  b.doc.getText('t').insert(0, 'Bewoner schrijft. ');

  await eventually(() => {
    expect(a.text()).toBe(b.text());
    expect(a.text()).toContain('Gemeente schrijft.');
    expect(a.text()).toContain('Bewoner schrijft.');
  });
  a.provider.destroy();
  b.provider.destroy();
});
