/**
 * Issue 14, item 3: equal turns in a round. The server keeps whose turn it is in the order the
 * chair set (or drew by lot), gives every turn the same clock, records what each party said,
 * and sums turns and speaking time per party for everyone to see.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildWorkshop, type Workshop } from '../helpers/apiClient';
import { partyWithMember, startedSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlAll } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
let parties: Awaited<ReturnType<typeof partyWithMember>>[];

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  parties = [];
  for (const name of ['Bewoners', 'Woningcorporatie', 'Zorgaanbieder']) parties.push(await partyWithMember(workshop, server.origin, name));
});
afterAll(async () => server.stop());

const turnRows = (sessionId: string) =>
  sqlAll<{
    party_id: string;
    started_at: number;
    ended_at: number | null;
    said: string;
  }>(server, 'SELECT party_id, started_at, ended_at, said FROM work_session_turns WHERE session_id = ? ORDER BY started_at, ended_at IS NULL, ended_at', sessionId);

test('turns advance in the order the chair set, each with the same clock, and the speaking summary adds up', async () => {
  const session = await startedSession(workshop);
  const round = session.steps.find((s) => s.kind === 'round')!;
  const state = (body: unknown) => workshop.owner.patch(`/api/sessions/${session.id}/state`, body);
  const [residents, housing, care] = parties.map((p) => p.partyId) as [string, string, string];
  const order = [housing, residents, workshop.partyId, care];

  // Not a round yet: no turns.
  expect((await state({ nextTurn: true })).status).toBe(409);
  expect((await state({ stepId: round.id, turnOrder: { partyIds: order }, turnSeconds: 120 })).body).toMatchObject({ turnOrder: order, turn: null, turnSeconds: 120 });
  // A participant cannot take the floor for their party.
  expect((await parties[0]!.member.patch(`/api/sessions/${session.id}/state`, { turnPartyId: residents })).status).toBe(403);

  const seen: string[] = [];
  for (let i = 0; i < order.length; i += 1) {
    const next = await state({ nextTurn: true });
    expect(next.status).toBe(200);
    seen.push(next.body.turn);
    expect(next.body.timer.endsAt - next.body.timer.serverNow).toBeGreaterThan(119_000);
    expect(next.body.timer.endsAt - next.body.timer.serverNow).toBeLessThanOrEqual(120_000);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  expect(seen).toEqual(order);

  // What the residents said, recorded by one of their own; another party may not write it.
  const residentsTurn = (await workshop.owner.get(`/api/sessions/${session.id}`)).body.turns.find((t: { partyId: string }) => t.partyId === residents);
  expect((await parties[1]!.member.request('PUT', `/api/sessions/${session.id}/turns/${residentsTurn.id}/said`, { said: 'Niet van ons' })).status).toBe(403);
  const said = await parties[0]!.member.request('PUT', `/api/sessions/${session.id}/turns/${residentsTurn.id}/said`, { said: 'Een plek om elkaar te ontmoeten.' });
  expect(said.status).toBe(200);

  // After the last party the round is over: nobody's turn, no clock.
  const done = await state({ nextTurn: true });
  expect(done.body.turn).toBeNull();
  expect(done.body.timer).toBeNull();

  const rows = turnRows(session.id);
  expect(rows.map((r) => r.party_id)).toEqual(order);
  expect(rows.every((r) => r.ended_at !== null)).toBe(true);
  expect(rows.find((r) => r.party_id === residents)!.said).toBe('Een plek om elkaar te ontmoeten.');

  // Everyone sees turns and speaking time per party, as the stored turns make them.
  await workshop.owner.post(`/api/sessions/${session.id}/end`);
  const summary = (await parties[2]!.member.get(`/api/sessions/${session.id}`)).body.speaking;
  expect(summary).toEqual(rows.map((r) => ({ partyId: r.party_id, turns: 1, ms: r.ended_at! - r.started_at })));
  expect(summary.every((s: { ms: number }) => s.ms >= 10)).toBe(true);
});

test('a second turn of the same party adds up; drawing lots orders every party at the table once', async () => {
  const session = await startedSession(workshop);
  const round = session.steps.find((s) => s.kind === 'round')!;
  const state = (body: unknown) => workshop.owner.patch(`/api/sessions/${session.id}/state`, body);
  // A party nobody came for is not drawn.
  const absent = (await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Niet aanwezig', kind: 'other' })).body.id;
  const drawn = (await state({ stepId: round.id, turnOrder: { lot: true } })).body.turnOrder;
  expect([...drawn].sort()).toEqual([workshop.partyId, ...parties.map((p) => p.partyId)].sort());
  expect(drawn).not.toContain(absent);

  const residents = parties[0]!.partyId;
  await state({ turnPartyId: residents });
  await new Promise((resolve) => setTimeout(resolve, 20));
  await state({ turnPartyId: workshop.partyId });
  await state({ turnPartyId: residents });
  await new Promise((resolve) => setTimeout(resolve, 20));
  // Moving to another step ends the open turn.
  await state({ stepId: session.steps[0].id });
  const rows = turnRows(session.id);
  expect(rows.map((r) => r.party_id)).toEqual([residents, workshop.partyId, residents]);
  const speaking = (await workshop.owner.get(`/api/sessions/${session.id}`)).body.speaking;
  const residentRows = rows.filter((r) => r.party_id === residents);
  expect(speaking[0]).toEqual({ partyId: residents, turns: 2, ms: residentRows.reduce((sum, r) => sum + (r.ended_at! - r.started_at), 0) });
  expect(speaking[1]).toMatchObject({ partyId: workshop.partyId, turns: 1 });

  const bad = await state({ turnOrder: { partyIds: ['onbekend'] } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.fields).toEqual({ turnOrder: 'Deze partij zit niet aan tafel in deze werkruimte.' });
});
