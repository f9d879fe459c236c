import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool, seesMarker, setMarker, storedText, updateRowsBy } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

async function workshopWithReaders(): Promise<{ workshop: Workshop; editor: { cookie: string | null; userId: string }; readers: { role: string; cookie: string | null; userId: string }[] }> {
  const workshop = await buildWorkshop(server.origin);
  const editor = await addMember(workshop, server.origin, 'editor', 'Schrijver');
  const viewer = await addMember(workshop, server.origin, 'viewer', 'Kijker');
  const commenter = await addMember(workshop, server.origin, 'commenter', 'Commentator');
  return {
    workshop,
    editor,
    readers: [
      { role: 'viewer', cookie: viewer.cookie, userId: viewer.userId },
      { role: 'commenter', cookie: commenter.cookie, userId: commenter.userId },
    ],
  };
}

// A commenter's plain update is refused with a close code instead (suggestion mode, issue 15):
// tests/integration/suggestionsWriteFilter.test.ts.
test.each(['viewer'])('an update typed by a %s is neither relayed nor stored, yet it receives edits and awareness', async (role) => {
  const { workshop, editor, readers } = await workshopWithReaders();
  const reader = readers.find((r) => r.role === role)!;
  const { origin } = server;
  const e = pool.connect(workshop.documentId, { cookie: editor.cookie, origin });
  const r = pool.connect(workshop.documentId, { cookie: reader.cookie, origin });
  await Promise.all([waitForSync(e.provider), waitForSync(r.provider)]);

  r.doc.getText('t').insert(0, `GELEZEN-${role}`);
  // Sent after the update on the same socket: once the editor sees it, the server has handled the update.
  setMarker(r.provider, 'na-de-poging');
  await eventually(() => expect(seesMarker(e.provider, 'na-de-poging')).toBe(true));
  expect(e.text()).not.toContain('GELEZEN');

  // The reader still receives the editor's edits and presence.
  e.doc.getText('t').insert(0, 'Door de schrijver. ');
  setMarker(e.provider, 'schrijver-hier');
  await eventually(() => {
    expect(r.text()).toContain('Door de schrijver.');
    expect(seesMarker(r.provider, 'schrijver-hier')).toBe(true);
  });

  expect(updateRowsBy(server, workshop.documentId, reader.userId)).toBe(0);
  expect(storedText(server, workshop.documentId)).toBe('Door de schrijver. ');

  // And after a reload from disk nobody ever sees it.
  pool.destroyAll();
  await eventually(() => expect(server.registry.roomCount()).toBe(0));
  const fresh = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin });
  await waitForSync(fresh.provider);
  expect(fresh.text()).toBe('Door de schrijver. ');
});

test.each(['viewer'])('the sync step 2 a %s sends with offline content on connect is dropped', async (role) => {
  const { workshop, editor, readers } = await workshopWithReaders();
  const reader = readers.find((r) => r.role === role)!;
  const { origin } = server;
  const e = pool.connect(workshop.documentId, { cookie: editor.cookie, origin });
  await waitForSync(e.provider);

  const offline = new Y.Doc();
  offline.getText('t').insert(0, 'OFFLINE-GESCHREVEN');
  // The provider answers the server's sync step 1 with a step 2 holding this content.
  const r = pool.connect(workshop.documentId, { cookie: reader.cookie, origin }, offline);
  await waitForSync(r.provider);
  setMarker(r.provider, 'verbonden');
  await eventually(() => expect(seesMarker(e.provider, 'verbonden')).toBe(true));

  expect(e.text()).toBe('');
  expect(updateRowsBy(server, workshop.documentId, reader.userId)).toBe(0);
  expect(storedText(server, workshop.documentId)).toBe('');

  // A client that joins later does not get it through the server's state either.
  const later = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin });
  await waitForSync(later.provider);
  expect(later.text()).toBe('');
});
