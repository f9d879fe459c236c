/**
 * Issue 14, item 7: guests do not edit documents "unless the chair allows it for a step". While
 * the current step lets guests write, a guest's edit over a stock provider is stored and relayed
 * like anyone's; outside it (another step, or the flag taken off) the same edit is refused. The
 * guest's open socket is told to reconnect (4001) whenever that turns, and the document's
 * abilities say what holds. The chair's lock still holds over guests who may write.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { CloseCode } from '../../shared/collab/protocol';
import { ApiClient, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool, recordCloseCodes, storedText, updateRowsBy } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startedSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
let workshop: Workshop;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

type Step = { id: string; title: string; instruction: string; minutes: number; kind: string; guestsWrite: boolean };

test('a guest writes only while the current step lets guests write', async () => {
  const session = await startedSession(workshop);
  const code = (await workshop.owner.post(`/api/sessions/${session.id}/join-codes`, { partyId: workshop.partyId })).body.code as string;
  const guest = new ApiClient(server.origin);
  const joined = await guest.post('/api/join', { code, name: 'Schrijvende bewoner' });
  expect(joined.status).toBe(201);
  const guestId = joined.body.userId as string;
  const abilities = async () => (await guest.get(`/api/documents/${workshop.documentId}`)).body.abilities.writeDocument as boolean;
  const steps = (await workshop.owner.get(`/api/sessions/${session.id}`)).body.steps as Step[];
  const setGuestsWrite = (stepId: string, on: boolean) =>
    workshop.owner.patch(`/api/sessions/${session.id}`, { steps: steps.map((s) => ({ id: s.id, title: s.title, instruction: s.instruction, minutes: s.minutes, kind: s.kind, guestsWrite: s.id === stepId ? on : false })) });

  // The first step does not let guests write: refused as a plain edit from one who only suggests.
  expect(await abilities()).toBe(false);
  const refused = pool.connect(workshop.documentId, { cookie: guest.cookie, origin: server.origin });
  await waitForSync(refused.provider);
  const refusedCloses = recordCloseCodes(refused.provider);
  refused.doc.getText('t').insert(0, 'NIET-TOEGESTAAN ');
  await eventually(() => expect(refusedCloses).toContain(CloseCode.suggestionsOnly));
  refused.provider.destroy();
  expect(updateRowsBy(server, workshop.documentId, guestId)).toBe(0);

  // The chair lets guests write in the current step: the guest's open socket reconnects.
  const open = pool.connect(workshop.documentId, { cookie: guest.cookie, origin: server.origin });
  await waitForSync(open.provider);
  const openCloses = recordCloseCodes(open.provider);
  expect((await setGuestsWrite(steps[0]!.id, true)).status).toBe(200);
  await eventually(() => expect(openCloses).toContain(CloseCode.roleChanged));
  expect(await abilities()).toBe(true);
  await waitForSync(open.provider);
  open.doc.getText('t').insert(0, 'DOOR-DE-GAST ');
  await eventually(() => expect(storedText(server, workshop.documentId)).toContain('DOOR-DE-GAST'));
  expect(updateRowsBy(server, workshop.documentId, guestId)).toBeGreaterThan(0);
  expect(storedText(server, workshop.documentId)).not.toContain('NIET-TOEGESTAAN');

  // The chair's lock holds over them too.
  expect((await workshop.owner.patch(`/api/sessions/${session.id}/state`, { locked: true })).status).toBe(200);
  const lockCloses = recordCloseCodes(open.provider);
  open.doc.getText('t').insert(0, 'TIJDENS-SLOT ');
  await eventually(() => expect(lockCloses).toContain(CloseCode.documentLocked));
  open.provider.destroy();
  expect((await workshop.owner.patch(`/api/sessions/${session.id}/state`, { locked: false })).status).toBe(200);

  // The next step does not let guests write: told to reconnect, and refused again.
  const later = pool.connect(workshop.documentId, { cookie: guest.cookie, origin: server.origin });
  await waitForSync(later.provider);
  const laterCloses = recordCloseCodes(later.provider);
  expect((await workshop.owner.patch(`/api/sessions/${session.id}/state`, { stepId: steps[1]!.id })).status).toBe(200);
  await eventually(() => expect(laterCloses).toContain(CloseCode.roleChanged));
  expect(await abilities()).toBe(false);
  await waitForSync(later.provider);
  later.doc.getText('t').insert(0, 'NA-DE-STAP ');
  await eventually(() => expect(laterCloses).toContain(CloseCode.suggestionsOnly));
  expect(storedText(server, workshop.documentId)).not.toContain('NA-DE-STAP');
  expect(storedText(server, workshop.documentId)).not.toContain('TIJDENS-SLOT');
});
