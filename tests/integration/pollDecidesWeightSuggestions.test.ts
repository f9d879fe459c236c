/**
 * A poll of a werksessie decides the open suggestions of the weights it sets (issue 15: "a
 * criterion's weight only an owner, or a poll of a session"). Two commenters propose a weight;
 * the table weighs the criteria in a points poll; when the owner applies the weights, the
 * proposal of the poll's weight is accepted, the other rejected, both in the owner's name and
 * with the poll on record, announced once, and neither can be decided again. A proposal of a
 * weight and a category stays open (the poll says nothing about the category), as does a
 * proposal for a block with the same id in another document. Attacked from outside: a
 * commenter, an editor who does not chair and an outsider applying the weights are refused and
 * leave every suggestion open. Real server, real SQLite file, stock providers.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop, signUp, type ApiClient, type Json, type Workshop } from '../helpers/apiClient';
import { storedDoc } from '../helpers/collab';
import { blockAttrs, blockElement } from '../helpers/documents';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { startedSession } from '../helpers/sessions';
import { openEventStream } from '../helpers/sse';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlGet } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
let cora: ApiClient & { userId: string };
let cees: ApiClient & { userId: string };
let eddy: ApiClient & { userId: string };
let outsider: ApiClient & { userId: string };

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  cora = await addMember(workshop, server.origin, 'commenter', 'Cora');
  cees = await addMember(workshop, server.origin, 'commenter', 'Cees');
  eddy = await addMember(workshop, server.origin, 'editor', 'Eddy');
  outsider = await signUp(server.origin, 'Buitenstaander');
});
afterAll(async () => server.stop());

const criteria = [
  { blockId: 'crit-a', text: 'Kwaliteit van de aanpak', weight: '40' },
  { blockId: 'crit-b', text: 'Maatschappelijke waarde', weight: '40' },
  { blockId: 'crit-c', text: 'Prijs', weight: '20' },
];

/** A new document with award criteria written by a real y-websocket client; with `registered`, once the register has them. */
async function documentWithCriteria(title: string, blocks: typeof criteria, registered: boolean): Promise<string> {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title, template: 'blank' });
  expect(created.status).toBe(201);
  const documentId = created.body.id as string;
  const client = connectProvider(documentId, { cookie: workshop.owner.cookie!, origin: server.origin });
  try {
    await waitForSync(client.provider);
    const fragment = client.doc.getXmlFragment(DOCUMENT_FRAGMENT);
    fragment.insert(fragment.length, blocks.map((b) => blockElement('criterion', { id: b.blockId, kind: 'award', category: 'quality', weight: b.weight }, b.text)));
    await eventually(() => expect(blockAttrs(storedDoc(server, documentId), blocks.at(-1)!.blockId)).toBeDefined());
    if (registered) await eventually(async () => expect((await criteriaRegister()).filter((row) => row.documentId === documentId)).toHaveLength(blocks.length));
  } finally {
    client.provider.destroy();
    client.doc.destroy();
  }
  return documentId;
}

const criteriaRegister = async () => (await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}/criteria`)).body as Json[];
const storedWeight = (documentId: string, blockId: string) => Number(blockAttrs(storedDoc(server, documentId), blockId)!.weight);
const openIds = async (documentId: string) => ((await workshop.owner.get(`/api/documents/${documentId}/suggestions`)).body as Json[]).map((s) => s.id as string).sort();

async function propose(client: ApiClient, documentId: string, blockId: string, changes: Json): Promise<string> {
  const proposed = await client.post(`/api/documents/${documentId}/suggestions`, { blockId, changes });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
  return proposed.body.id;
}

test('the weights of a closed points poll decide the open suggestions of those weights: the equal one accepted, the other rejected, the poll on record', async () => {
  const documentId = await documentWithCriteria('Gunningscriteria', criteria, true);
  const otherWeight = await propose(cora, documentId, 'crit-a', { weight: 35 });
  const pollsWeight = await propose(cees, documentId, 'crit-a', { weight: 50 });
  const withCategory = await propose(cees, documentId, 'crit-b', { weight: 30, category: 'social_value' });

  const session = await startedSession(workshop);
  const created = await workshop.owner.post(`/api/sessions/${session.id}/polls`, {
    question: 'Hoe zwaar weegt wat?',
    kind: 'points',
    options: criteria.map((c) => ({ label: c.text, blockId: c.blockId })),
    budget: 100,
    unit: 'person',
    anonymous: false,
    resultsHidden: false,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const poll = created.body as { id: string; options: { id: string }[] };
  // The same block id in a document the poll does not weigh: its suggestion is not the poll's to decide.
  const elsewhere = await documentWithCriteria('Andere uitvraag', [criteria[0]!], false);
  const elsewhereSuggestion = await propose(cees, elsewhere, 'crit-a', { weight: 50 });

  // One ballot of 50 / 30 / 20 is the table's result: the weights become 50 / 30 / 20.
  const ballot = { allocations: [50, 30, 20].map((value, i) => ({ optionId: poll.options[i]!.id, value })) };
  expect((await cora.post(`/api/polls/${poll.id}/ballots`, ballot)).status).toBe(201);
  expect((await workshop.owner.post(`/api/polls/${poll.id}/close`)).status).toBe(200);

  // Attack from outside: only the chair or an owner applies a poll's weights.
  for (const stranger of [cora, eddy, outsider]) {
    const refused = await stranger.post(`/api/polls/${poll.id}/apply-weights`);
    expect([403, 404]).toContain(refused.status);
  }
  expect(await openIds(documentId)).toEqual([otherWeight, pollsWeight, withCategory].sort());
  expect(storedWeight(documentId, 'crit-a')).toBe(40);

  const stream = await openEventStream(server.origin, `/api/workspaces/${workshop.workspaceId}/events`, workshop.owner.cookie);
  try {
    const applied = await workshop.owner.post(`/api/polls/${poll.id}/apply-weights`);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.weights.map((w: Json) => w.weight)).toEqual([50, 30, 20]);
    const decided = new Map((applied.body.suggestions as Json[]).map((s) => [s.id, s]));
    expect([...decided.keys()].sort()).toEqual([otherWeight, pollsWeight].sort());
    const byPoll = { decidedBy: workshop.owner.userId, decidedByPollId: poll.id, decidedAt: expect.any(String) };
    expect(decided.get(pollsWeight)).toMatchObject({ status: 'accepted', ...byPoll, suggester: { id: cees.userId }, field: { blockId: 'crit-a', changes: { weight: 50 } } });
    expect(decided.get(otherWeight)).toMatchObject({ status: 'rejected', ...byPoll, suggester: { id: cora.userId }, field: { blockId: 'crit-a', changes: { weight: 35 } } });

    // Announced once for the document whose suggestions the poll decided.
    const announced = () => stream.events.filter((event) => event === 'suggestions').length;
    await eventually(() => expect(announced()).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(announced()).toBe(1);
  } finally {
    stream.close();
  }

  // The store says the same: decided in the owner's name, by the poll.
  for (const id of [pollsWeight, otherWeight]) {
    expect(sqlGet(server, 'SELECT decided_by, decided_by_poll_id FROM field_suggestions WHERE id = ?', id)).toEqual({ decided_by: workshop.owner.userId, decided_by_poll_id: poll.id });
  }
  // Decided is decided: neither can be accepted or rejected again, not even by an owner.
  const again = await workshop.owner.post(`/api/documents/${documentId}/suggestions/${otherWeight}/accept`);
  expect(again.status).toBe(409);
  expect(again.body.error.code).toBe('suggestion_decided');
  expect((await workshop.owner.post(`/api/documents/${documentId}/suggestions/${pollsWeight}/reject`)).status).toBe(409);

  // What the poll left alone is still open: a weight with a category, and the other document's.
  expect(await openIds(documentId)).toEqual([withCategory]);
  expect(await openIds(elsewhere)).toEqual([elsewhereSuggestion]);

  // The document holds the poll's weights, not a proposal's; the other document kept its own.
  expect(criteria.map((c) => storedWeight(documentId, c.blockId))).toEqual([50, 30, 20]);
  expect(storedWeight(elsewhere, 'crit-a')).toBe(40);
  await eventually(async () => {
    const register = (await criteriaRegister()).filter((row) => row.documentId === documentId);
    expect(Object.fromEntries(register.map((row) => [row.blockId, row.weight]))).toEqual({ 'crit-a': 50, 'crit-b': 30, 'crit-c': 20 });
  });
});
