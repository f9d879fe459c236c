/**
 * Issue 13: a command over several documents works on any instance when different instances own
 * them. Three servers on one PostgreSQL; one document of award criteria is held open by a client
 * on A (A owns it), another by a client on B. A points poll over the criteria of both is applied
 * through C, which owns neither, then through A: each document's check and write ran at its
 * owner (C and A never open a room for a document another holds, leases and epochs unchanged),
 * both live clients see their weights, both are stored, with a version each. A criterion gone
 * from B's document refuses the whole command with 409 before A's document is written.
 */
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { ApiClient, buildWorkshop, type Json, type Workshop } from '../helpers/apiClient';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { blockElement } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startedSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlAll } from '../helpers/testSql';

let servers: TestServer[] = [];
let workshop: Workshop;
const pool = new ProviderPool();

beforeAll(async () => {
  const first = await startTestServer({ INSTANCE_ID: 'instance-1' });
  const shared = { DATABASE_URL: first.databaseUrl!, PUBLIC_URL: first.origin };
  servers = [first, await startTestServer({ ...shared, INSTANCE_ID: 'instance-2' }), await startTestServer({ ...shared, INSTANCE_ID: 'instance-3' })];
  workshop = await buildWorkshop(first.origin);
});
afterEach(() => pool.destroyAll());
afterAll(async () => {
  for (const server of servers) await server.stop();
});

/** The owner, sending their requests to another instance (as a load balancer might). */
function ownerAt(server: TestServer): ApiClient {
  const client = new ApiClient(server.origin, servers[0]!.origin);
  client.cookie = workshop.owner.cookie;
  return client;
}

const leases = () => sqlAll<{ document_id: string; instance_id: string; epoch: number }>(servers[0]!, 'SELECT document_id, instance_id, epoch FROM document_leases ORDER BY document_id');

let documentCount = 0;
/** A document with two award criteria, held open by a live client on `server` (which then owns it). */
async function criteriaOpenOn(server: TestServer) {
  documentCount += 1;
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: `Gunningscriteria ${documentCount}`, template: 'blank' });
  expect(created.status).toBe(201);
  const documentId = created.body.id as string;
  const blocks = ['Kwaliteit', 'Prijs'].map((text, i) => ({ blockId: `crit-${documentCount}-${i}`, text }));
  const client = pool.connect(documentId, { cookie: workshop.owner.cookie, origin: server.origin, sendOrigin: servers[0]!.origin });
  await waitForSync(client.provider);
  const fragment = client.doc.getXmlFragment(DOCUMENT_FRAGMENT);
  fragment.insert(fragment.length, blocks.map((b) => blockElement('criterion', { id: b.blockId, kind: 'award', category: 'quality', weight: '50' }, b.text)));
  await eventually(async () => {
    const register = (await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}/criteria`)).body as Json[];
    expect(register.filter((row) => row.documentId === documentId && row.kind === 'award')).toHaveLength(2);
  });
  return { documentId, blocks, client };
}

function weightsIn(doc: Y.Doc): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const node of doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === 'criterion') weights[node.getAttribute('id')!] = Number(node.getAttribute('weight'));
  }
  return weights;
}

function storedWeights(documentId: string): Record<string, number> {
  const doc = storedDoc(servers[0]!, documentId);
  const weights = weightsIn(doc);
  doc.destroy();
  return weights;
}

/** A closed points poll over the given criteria, the owner's ballot spread as given. */
async function closedPoll(criteria: { blockId: string; text: string }[], values: number[]): Promise<string> {
  const session = await startedSession(workshop);
  const created = await workshop.owner.post(`/api/sessions/${session.id}/polls`, {
    question: 'Hoe zwaar weegt wat?',
    kind: 'points',
    options: criteria.map((b) => ({ label: b.text, blockId: b.blockId })),
    budget: 100,
    unit: 'person',
    anonymous: false,
    resultsHidden: false,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const options = created.body.options as { id: string }[];
  const ballot = await workshop.owner.post(`/api/polls/${created.body.id}/ballots`, { allocations: values.map((value, i) => ({ optionId: options[i]!.id, value })) });
  expect(ballot.status, JSON.stringify(ballot.body)).toBe(201);
  expect((await workshop.owner.post(`/api/polls/${created.body.id}/close`)).status).toBe(200);
  return created.body.id as string;
}

test('poll weights over documents owned by two instances, applied through a third and through one owner: each part at its owner, all stored', async () => {
  const [a, b, c] = servers as [TestServer, TestServer, TestServer];
  const atA = await criteriaOpenOn(a);
  const atB = await criteriaOpenOn(b);
  const before = leases();
  expect(before.map((row) => [row.document_id, row.instance_id])).toEqual(
    [
      [atA.documentId, 'instance-1'],
      [atB.documentId, 'instance-2'],
    ].sort(([x], [y]) => x!.localeCompare(y!)),
  );

  for (const [through, values] of [
    [c, [10, 20, 30, 40]],
    [a, [40, 30, 20, 10]],
  ] as const) {
    const poll = await closedPoll([...atA.blocks, ...atB.blocks], [...values]);
    const started = performance.now();
    const applied = await ownerAt(through).post(`/api/polls/${poll}/apply-weights`);
    const tookMs = Math.round(performance.now() - started);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.versionIds).toHaveLength(2);
    // Stored before the answer: read right after it, no waiting.
    expect(storedWeights(atA.documentId)).toEqual({ [atA.blocks[0]!.blockId]: values[0], [atA.blocks[1]!.blockId]: values[1] });
    expect(storedWeights(atB.documentId)).toEqual({ [atB.blocks[0]!.blockId]: values[2], [atB.blocks[1]!.blockId]: values[3] });
    await eventually(() => {
      expect(Object.values(weightsIn(atA.client.doc))).toEqual([values[0], values[1]]);
      expect(Object.values(weightsIn(atB.client.doc))).toEqual([values[2], values[3]]);
    });
    console.info(`poll weights over documents owned by instance-1 and instance-2, applied through ${through === c ? 'instance-3 (owns neither)' : 'instance-1 (owns one)'}: 200 in ${tookMs} ms`);
  }
  // Nobody took a document from its owner; C never opened a room.
  expect(leases()).toEqual(before);
  expect(c.registry.roomCount()).toBe(0);
  // The owners' route exists only for requests with the cluster's secret.
  for (const secret of [null, 'not-the-secret']) {
    const forged = await fetch(`${a.origin}/internal/document-parts/poll-weights-write/${atA.documentId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'x-werktafel-forward-secret': secret } : {}) },
      body: JSON.stringify({ input: { weights: [] } }),
    });
    expect(forged.status).toBe(404);
  }
  const audit = sqlAll<{ document_id: string }>(servers[0]!, "SELECT document_id FROM audit_log WHERE action = 'poll.weights'");
  expect(audit.map((row) => row.document_id).sort()).toEqual([atA.documentId, atA.documentId, atB.documentId, atB.documentId].sort());
});

test('a criterion gone from the document another instance owns: 409 through any instance, and no document is written', async () => {
  const [a, b, c] = servers as [TestServer, TestServer, TestServer];
  const atA = await criteriaOpenOn(a);
  const atB = await criteriaOpenOn(b);
  const poll = await closedPoll([...atA.blocks, ...atB.blocks], [10, 20, 30, 40]);
  // The last criterion is deleted on B's live client.
  const fragment = atB.client.doc.getXmlFragment(DOCUMENT_FRAGMENT);
  fragment.delete(fragment.length - 1, 1);
  await eventually(() => expect(Object.keys(storedWeights(atB.documentId))).toHaveLength(1));
  const versionsBefore = sqlAll(servers[0]!, 'SELECT id FROM document_versions WHERE document_id IN (?, ?)', atA.documentId, atB.documentId).length;

  for (const through of [c, a]) {
    const refused = await ownerAt(through).post(`/api/polls/${poll}/apply-weights`);
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.code).toBe('criterion_gone');
    // Worded in the request's language at the instance that answered, as on one instance.
    expect(refused.body.error.message).toEqual(expect.any(String));
    expect(refused.body.error.message).not.toBe('error.criterionGone');
  }
  expect(storedWeights(atA.documentId)).toEqual({ [atA.blocks[0]!.blockId]: 50, [atA.blocks[1]!.blockId]: 50 });
  expect(sqlAll(servers[0]!, 'SELECT id FROM document_versions WHERE document_id IN (?, ?)', atA.documentId, atB.documentId)).toHaveLength(versionsBefore);
  expect(b.registry.roomCount()).toBeGreaterThan(0);
});
