/**
 * A werksessie never holds a workspace hostage: when its chair is gone (removed here), an owner
 * takes the chair and lifts the lock; nobody else may. What a party said is recorded while the
 * session runs, by the chair or a member of that party who takes part, never by a viewer and
 * never after the session ended. Each step asserts the server's state afterwards.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { CloseCode } from '../../shared/collab/protocol';
import { addMember, buildWorkshop, signUp, type Workshop } from '../helpers/apiClient';
import { openRawSocket, ProviderPool, storedText } from '../helpers/collab';
import { syncUpdateFrame, textInsertUpdate } from '../helpers/frames';
import { eventually } from '../helpers/providers';
import { partyWithMember } from '../helpers/sessions';
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

test('a removed chair\'s lock is lifted by an owner taking the chair; another editor may not take it', async () => {
  const chair = await addMember(workshop, server.origin, 'editor', 'Voorzitter die vertrekt');
  const editor = await addMember(workshop, server.origin, 'editor', 'Andere redacteur');
  const created = await chair.post(`/api/workspaces/${workshop.workspaceId}/sessions`, { title: 'Sessie', template: 'verkenning' });
  const sessionId = created.body.id as string;
  expect((await chair.post(`/api/sessions/${sessionId}/start`)).status).toBe(200);
  expect((await chair.patch(`/api/sessions/${sessionId}/state`, { locked: true })).body.locked).toBe(true);
  expect((await workshop.owner.request('DELETE', `/api/workspaces/${workshop.workspaceId}/members/${chair.userId}`)).status).toBe(204);

  // Still locked: the editor's write is refused.
  const refused = await openRawSocket(server.origin, workshop.documentId, editor.cookie);
  refused.socket.send(syncUpdateFrame(textInsertUpdate('TIJDENS-SLOT')));
  expect((await refused.closed).code).toBe(CloseCode.documentLocked);

  // Another editor cannot take the chair; the session is unchanged.
  const grab = await editor.post(`/api/sessions/${sessionId}/chair`, { userId: editor.userId });
  expect(grab.status).toBe(403);
  expect((await workshop.owner.get(`/api/sessions/${sessionId}`)).body).toMatchObject({ chairUserId: chair.userId, locked: true });

  // An owner takes it and lifts the lock.
  const taken = await workshop.owner.post(`/api/sessions/${sessionId}/chair`, { userId: workshop.owner.userId });
  expect(taken.status).toBe(200);
  expect(taken.body.chairUserId).toBe(workshop.owner.userId);
  expect((await workshop.owner.patch(`/api/sessions/${sessionId}/state`, { locked: false })).body.locked).toBe(false);

  const writes = await openRawSocket(server.origin, workshop.documentId, editor.cookie);
  writes.socket.send(syncUpdateFrame(textInsertUpdate('NA-OVERNAME')));
  await eventually(() => expect(storedText(server, workshop.documentId)).toContain('NA-OVERNAME'));
  expect(storedText(server, workshop.documentId)).not.toContain('TIJDENS-SLOT');
  writes.socket.close();
});

test('what a party said: its viewer may not record it, and nobody may once the session ended', async () => {
  const residents = await partyWithMember(workshop, server.origin, 'Bewoners Noord', 'commenter');
  const viewerInvite = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/invites`, { role: 'viewer', partyId: residents.partyId });
  const viewer = await signUp(server.origin, 'Kijker van Bewoners');
  expect((await viewer.post(`/api/invites/${viewerInvite.body.token}/accept`)).status).toBe(200);

  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/sessions`, { title: 'Ronde', template: 'verkenning' });
  const sessionId = created.body.id as string;
  const started = await workshop.owner.post(`/api/sessions/${sessionId}/start`);
  const round = (started.body.steps as { id: string; kind: string }[]).find((s) => s.kind === 'round')!;
  await workshop.owner.patch(`/api/sessions/${sessionId}/state`, { stepId: round.id, turnOrder: { partyIds: [residents.partyId] } });
  const turnOn = await workshop.owner.patch(`/api/sessions/${sessionId}/state`, { nextTurn: true });
  const turn = (turnOn.body.turns as { id: string; partyId: string }[]).find((t) => t.partyId === residents.partyId)!;
  const sayPath = `/api/sessions/${sessionId}/turns/${turn.id}/said`;

  expect((await viewer.request('PUT', sayPath, { said: 'Door een kijker' })).status).toBe(403);
  expect((await residents.member.request('PUT', sayPath, { said: 'Een plek om elkaar te ontmoeten.' })).status).toBe(200);
  expect((await workshop.owner.post(`/api/sessions/${sessionId}/end`)).status).toBeLessThan(300);
  expect((await residents.member.request('PUT', sayPath, { said: 'Achteraf herschreven' })).status).toBe(403);
  const after = await workshop.owner.get(`/api/sessions/${sessionId}`);
  expect((after.body.turns as { id: string; said: string }[]).find((t) => t.id === turn.id)!.said).toBe('Een plek om elkaar te ontmoeten.');
});
