/**
 * Issue 12, item 5: one person, one signature, and a trace of everything that decides who
 * speaks for whom. The attack: an owner moves into another party, signs for it, moves back
 * and signs for the municipality.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlAll, sqlRun } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
});
afterAll(async () => server.stop());

const auditActions = () =>
  (sqlAll(server, 'SELECT action FROM audit_log WHERE workspace_id = ? ORDER BY id', workshop.workspaceId) as { action: string }[]).map(
    (row) => row.action,
  );

test('an owner cannot sign for two parties, nor move to another party while an adoption she could sign is open', async () => {
  const { owner, workspaceId, documentId, partyId: municipality } = workshop;
  const residents = (await owner.post(`/api/workspaces/${workspaceId}/parties`, { name: 'Bewoners', kind: 'residents' })).body.id as string;
  const resident = await addMember(workshop, server.origin, 'editor', 'Bewoner');
  await owner.patch(`/api/workspaces/${workspaceId}/members/${resident.userId}`, { partyId: residents });
  const version = (await owner.post(`/api/documents/${documentId}/versions`, { label: 'Ter vaststelling' })).body;
  expect((await owner.post(`/api/documents/${documentId}/versions/${version.id}/adoption`, { partyIds: [municipality, residents] })).status).toBe(201);
  const sign = (who: typeof owner, decision: 'sign' | 'decline', reason?: string) =>
    who.post(`/api/documents/${documentId}/versions/${version.id}/adoption/sign`, { decision, ...(reason ? { reason } : {}) });

  // Moving herself into the residents' party while the adoption is open: refused.
  const move = await owner.patch(`/api/workspaces/${workspaceId}/members/${owner.userId}`, { partyId: residents });
  expect(move.status).toBe(409);
  expect(move.body.error.code).toBe('adoption_open');
  expect((await server.repos.members.find(workspaceId, owner.userId))?.party_id).toBe(municipality);

  // Had she moved before the request (a party change is allowed then), one signature is all she gets.
  expect((await sign(owner, 'sign')).status).toBe(200);
  sqlRun(server, 'UPDATE members SET party_id = ? WHERE workspace_id = ? AND user_id = ?', residents, workspaceId, owner.userId);
  const second = await sign(owner, 'sign');
  expect(second.status).toBe(409);
  expect(second.body.error.code).toBe('already_decided_for_another_party');
  sqlRun(server, 'UPDATE members SET party_id = ? WHERE workspace_id = ? AND user_id = ?', municipality, workspaceId, owner.userId);

  // The residents still decide for themselves: a decline is not answered with 409.
  const declined = await sign(resident, 'decline', 'Eerst de planning zien.');
  expect(declined.status).toBe(200);
  expect(declined.body.status).toBe('pending');
  const decisions = sqlAll(server, 'SELECT party_id, user_id, decision FROM adoption_decisions WHERE version_id = ? ORDER BY id', version.id);
  expect(decisions).toEqual([
    { party_id: municipality, user_id: owner.userId, decision: 'signed' },
    { party_id: residents, user_id: resident.userId, decision: 'declined' },
  ]);

  // Once nothing she could sign is open, she may move again, and the move is on record.
  const editor = await addMember(workshop, server.origin, 'editor', 'Schrijver');
  expect((await owner.patch(`/api/workspaces/${workspaceId}/members/${editor.userId}`, { partyId: residents })).status).toBe(200);
  expect(auditActions()).toEqual(expect.arrayContaining(['member.update', 'invite.create', 'invite.accept', 'adoption.request', 'adoption.signed', 'adoption.declined', 'version.create']));
});

test('the audit log is for owners, newest first, in pages', async () => {
  const { owner, workspaceId } = workshop;
  const editor = await addMember(workshop, server.origin, 'editor', 'Nieuwsgierig');
  expect((await editor.get(`/api/workspaces/${workspaceId}/audit`)).status).toBe(403);

  const first = await owner.get(`/api/workspaces/${workspaceId}/audit?limit=3`);
  expect(first.status).toBe(200);
  expect(first.body.entries).toHaveLength(3);
  const ids = first.body.entries.map((e: { id: number }) => e.id);
  expect([...ids].sort((a: number, b: number) => b - a)).toEqual(ids);
  expect(first.body.entries[0]).toEqual(expect.objectContaining({ action: 'invite.accept', userName: 'Nieuwsgierig' }));
  expect(first.body.nextBefore).toBe(ids.at(-1));
  const next = await owner.get(`/api/workspaces/${workspaceId}/audit?limit=3&before=${first.body.nextBefore}`);
  expect(next.body.entries.every((e: { id: number }) => e.id < first.body.nextBefore)).toBe(true);

  const all = await owner.get(`/api/workspaces/${workspaceId}/audit?limit=200`);
  expect(all.body.entries).toHaveLength(auditActions().length);
  expect(all.body.nextBefore).toBeNull();
  const bad = await owner.get(`/api/workspaces/${workspaceId}/audit?limit=0&before=x`);
  expect(bad.status).toBe(400);
  expect(Object.keys(bad.body.error.fields).sort()).toEqual(['before', 'limit']);
});
