import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { CloseCode } from '../../shared/collab/protocol';
import { addMember, ApiClient, buildWorkshop } from '../helpers/apiClient';
import { ProviderPool, recordCloseCodes, seesMarker, setMarker, storedText, updateRowsBy } from '../helpers/collab';
import { eventually, upgradeStatus, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

/**
 * "Promptly": the request itself pushes the close. Well under the 10 s keepalive sweep, so a
 * close found only by a periodic check would fail this.
 */
const PROMPT_MS = 2_000;

test('removing an editor closes their open socket with accessRevoked, and they cannot come back', async () => {
  const workshop = await buildWorkshop(server.origin);
  const editor = await addMember(workshop, server.origin, 'editor', 'Vertrekker');
  const { origin } = server;
  const owner = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin });
  const removed = pool.connect(workshop.documentId, { cookie: editor.cookie, origin });
  await Promise.all([waitForSync(owner.provider), waitForSync(removed.provider)]);
  setMarker(removed.provider, 'vertrekker-aanwezig');
  await eventually(() => expect(seesMarker(owner.provider, 'vertrekker-aanwezig')).toBe(true));
  const removedCodes = recordCloseCodes(removed.provider);
  const ownerCodes = recordCloseCodes(owner.provider);

  const response = await workshop.owner.delete(`/api/workspaces/${workshop.workspaceId}/members/${editor.userId}`);
  expect(response.status).toBe(204);

  await eventually(() => expect(removedCodes).toEqual([CloseCode.accessRevoked]), PROMPT_MS);
  // Its presence is gone for the others, and their own connection is untouched.
  await eventually(() => expect(seesMarker(owner.provider, 'vertrekker-aanwezig')).toBe(false), PROMPT_MS);
  expect(ownerCodes).toEqual([]);
  expect(owner.provider.wsconnected).toBe(true);
  // A 44xx close is final for the stock provider: it does not try again on its own.
  expect(removed.provider.shouldConnect).toBe(false);

  expect(await upgradeStatus(origin, workshop.documentId, editor.cookie)).toBe(403);

  // Whatever the removed client types now goes nowhere.
  removed.doc.getText('t').insert(0, 'NA-VERWIJDERING');
  owner.doc.getText('t').insert(0, 'eigenaar ');
  await eventually(() => expect(storedText(server, workshop.documentId)).toBe('eigenaar '));
  expect(updateRowsBy(server, workshop.documentId, editor.userId)).toBe(0);
});

test('a role change from editor to viewer closes with roleChanged; after the automatic reconnect edits are no longer relayed', async () => {
  const workshop = await buildWorkshop(server.origin);
  const member = await addMember(workshop, server.origin, 'editor', 'Wisselaar');
  const { origin } = server;
  const owner = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin });
  const changed = pool.connect(workshop.documentId, { cookie: member.cookie, origin });
  await Promise.all([waitForSync(owner.provider), waitForSync(changed.provider)]);

  changed.doc.getText('t').insert(0, 'als schrijver. ');
  await eventually(() => expect(owner.text()).toBe('als schrijver. '));
  const codes = recordCloseCodes(changed.provider);
  let reconnects = 0;
  changed.provider.on('status', ({ status }) => {
    if (status === 'connected') reconnects += 1;
  });

  const response = await workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${member.userId}`, { role: 'viewer' });
  expect(response.status).toBe(200);
  await eventually(() => expect(codes).toEqual([CloseCode.roleChanged]), PROMPT_MS);

  // The stock provider reconnects by itself and is read-only from now on.
  await eventually(() => {
    expect(reconnects).toBe(1);
    expect(changed.provider.synced).toBe(true);
  });
  const rowsBefore = updateRowsBy(server, workshop.documentId, member.userId);
  changed.doc.getText('t').insert(0, 'ALS-KIJKER ');
  setMarker(changed.provider, 'na-kijkeredit');
  await eventually(() => expect(seesMarker(owner.provider, 'na-kijkeredit')).toBe(true));

  expect(owner.text()).toBe('als schrijver. ');
  expect(updateRowsBy(server, workshop.documentId, member.userId)).toBe(rowsBefore);
  expect(storedText(server, workshop.documentId)).toBe('als schrijver. ');
  // The viewer still receives the owner's edits.
  owner.doc.getText('t').insert(0, 'eigenaar: ');
  await eventually(() => expect(changed.text()).toContain('eigenaar: '));
});

test('signing out closes the sockets of that session with sessionEnded, not those of other sessions', async () => {
  const workshop = await buildWorkshop(server.origin);
  const editor = await addMember(workshop, server.origin, 'editor', 'Twee apparaten');
  const { email } = (await editor.get<{ email: string }>('/api/me')).body;
  const laptop = new ApiClient(server.origin);
  expect((await laptop.post('/api/auth/login', { email, password: 'een-lang-wachtwoord' })).status).toBe(200);
  expect(laptop.cookie).not.toBe(editor.cookie);

  const { origin } = server;
  const phoneSocket = pool.connect(workshop.documentId, { cookie: editor.cookie, origin });
  const laptopSocket = pool.connect(workshop.documentId, { cookie: laptop.cookie, origin });
  await Promise.all([waitForSync(phoneSocket.provider), waitForSync(laptopSocket.provider)]);
  const phoneCodes = recordCloseCodes(phoneSocket.provider);
  const laptopCodes = recordCloseCodes(laptopSocket.provider);
  const phoneCookie = editor.cookie;

  expect((await editor.post('/api/auth/logout')).status).toBe(204);
  await eventually(() => expect(phoneCodes).toEqual([CloseCode.sessionEnded]), PROMPT_MS);
  expect(phoneSocket.provider.shouldConnect).toBe(false);
  expect(await upgradeStatus(origin, workshop.documentId, phoneCookie)).toBe(401);

  // The other session carries on and can still write.
  expect(laptopCodes).toEqual([]);
  laptopSocket.doc.getText('t').insert(0, 'nog ingelogd');
  await eventually(() => expect(storedText(server, workshop.documentId)).toBe('nog ingelogd'));
});
