import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { addMember, buildWorkshop, signUp, type Workshop } from '../helpers/apiClient';
import { attemptUpgrade, ProviderPool, storedText } from '../helpers/collab';
import { eventually, upgradeStatus, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

const secret = 'GEHEIM-VOORSTEL-4711';

let server: TestServer;
let workshop: Workshop;
let otherWorkshop: Workshop;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  otherWorkshop = await buildWorkshop(server.origin);
  // The document has content, so a refused upgrade that leaked bytes would show it.
  const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  writer.doc.getText('t').insert(0, secret);
  await eventually(() => expect(storedText(server, workshop.documentId)).toBe(secret));
  pool.destroyAll();
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

describe('refused upgrades', () => {
  const cases: [string, number, () => Promise<{ cookie: string | null; documentId?: string; sendOrigin?: string }>][] = [
    ['no session cookie', 401, async () => ({ cookie: null })],
    ['a cookie of a session that does not exist', 401, async () => ({ cookie: 'session=bestaatniet' })],
    ['a signed-in non-member', 403, async () => ({ cookie: (await signUp(server.origin, 'Buitenstaander')).cookie })],
    ['the owner of another workspace', 403, async () => ({ cookie: otherWorkshop.owner.cookie })],
    ['a member with a foreign Origin', 403, async () => ({ cookie: workshop.owner.cookie, sendOrigin: 'https://evil.example' })],
    ['no cookie and a foreign Origin', 403, async () => ({ cookie: null, sendOrigin: 'https://evil.example' })],
    ['a member asking for an unknown document id', 403, async () => ({ cookie: workshop.owner.cookie, documentId: 'onbekenddocument0000000' })],
    ['a member asking for a document of another workspace', 403, async () => ({ cookie: workshop.owner.cookie, documentId: otherWorkshop.documentId })],
  ];

  test.each(cases)('%s gets %i and not a single byte of the document', async (_name, status, arrange) => {
    const { cookie, documentId = workshop.documentId, sendOrigin = server.origin } = await arrange();
    const result = await attemptUpgrade(server.origin, documentId, cookie, sendOrigin);
    expect(result.status).toBe(status);
    expect(result.opened).toBe(false);
    expect(result.frames).toBe(0);
    expect(result.body.toString('latin1')).not.toContain(secret);
  });
});

test('members of every role get 101 and the content', async () => {
  const viewer = await addMember(workshop, server.origin, 'viewer');
  const editor = await addMember(workshop, server.origin, 'editor');
  for (const cookie of [workshop.owner.cookie, editor.cookie, viewer.cookie]) {
    expect(await upgradeStatus(server.origin, workshop.documentId, cookie)).toBe(101);
  }
  const reader = pool.connect(workshop.documentId, { cookie: viewer.cookie, origin: server.origin });
  await waitForSync(reader.provider);
  expect(reader.text()).toBe(secret);
});

test('a refused upgrade does not even load the document', async () => {
  await eventually(() => expect(server.registry.roomCount()).toBe(0));
  expect(await upgradeStatus(server.origin, workshop.documentId, otherWorkshop.owner.cookie)).toBe(403);
  expect(server.registry.roomCount()).toBe(0);
});
