/**
 * Issue 14, items 5 and 6: polls in a werksessie, against a real server and its SQLite file.
 * Ballots that do not add up, a second ballot and ballots on a closed poll are refused and leave
 * nothing stored; hidden results stay hidden until the close; an anonymous poll names no voter
 * anywhere; every party weighs the same whatever the number of people it brought; the chair
 * turns a closed points poll over criteria into weights that add up to 100 in the document,
 * after a version, with an audit entry.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop, signUp, type ApiClient, type Json, type Workshop } from '../helpers/apiClient';
import { storedDoc } from '../helpers/collab';
import { blockElement } from '../helpers/documents';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { partyWithMember, startedSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlAll, sqlBytes, sqlGet, sqlRun } from '../helpers/testSql';

let server: TestServer;
let workshop: Workshop;
/** Three more people of the owner's party (Gemeente), one of a second party, a viewer. */
let gemeente: (ApiClient & { userId: string })[];
let residents: Awaited<ReturnType<typeof partyWithMember>>;
let viewer: ApiClient & { userId: string };

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  gemeente = [];
  for (const name of ['Ambtenaar Een', 'Ambtenaar Twee', 'Ambtenaar Drie']) gemeente.push(await addMember(workshop, server.origin, 'commenter', name));
  residents = await partyWithMember(workshop, server.origin, 'Bewoners Poelenburg', 'commenter');
  viewer = await addMember(workshop, server.origin, 'viewer', 'Meelezer');
});
afterAll(async () => server.stop());

const plainOptions = [{ label: 'Buurthuis' }, { label: 'Speeltuin' }, { label: 'Moestuin' }];

async function openPoll(sessionId: string, body: Json = {}): Promise<{ id: string; options: { id: string }[] }> {
  const created = await workshop.owner.post(`/api/sessions/${sessionId}/polls`, {
    question: 'Waar gaat het geld heen?',
    kind: 'points',
    options: plainOptions,
    budget: 100,
    unit: 'person',
    anonymous: false,
    resultsHidden: false,
    ...body,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const spread = (poll: { options: { id: string }[] }, ...values: number[]) => ({ allocations: values.map((value, i) => ({ optionId: poll.options[i]!.id, value })) });
const storedBallots = (pollId: string) => sqlAll<{ user_id: string | null; party_id: string | null; allocations: string }>(server, 'SELECT user_id, party_id, allocations FROM work_session_poll_ballots WHERE poll_id = ?', pollId);

describe('refused ballots', () => {
  test('a ballot that does not add up is a 400 that says so, in Dutch and in English; nothing is stored', async () => {
    const session = await startedSession(workshop);
    const poll = await openPoll(session.id);
    const short = await gemeente[0]!.post(`/api/polls/${poll.id}/ballots`, spread(poll, 50, 40, 9));
    expect(short.status).toBe(400);
    expect(short.body.error.fields.allocations).toBe('Je stem telt op tot 99; verdeel precies 100 punten.');
    gemeente[0]!.acceptLanguage = 'en';
    const english = await gemeente[0]!.post(`/api/polls/${poll.id}/ballots`, spread(poll, 60, 60, 0));
    gemeente[0]!.acceptLanguage = null;
    expect(english.status).toBe(400);
    expect(english.body.error.fields.allocations).toBe('Your ballot adds up to 120; spread exactly 100 points.');
    expect(storedBallots(poll.id)).toEqual([]);
    expect(sqlAll(server, 'SELECT * FROM work_session_poll_voters WHERE poll_id = ?', poll.id)).toEqual([]);
  });

  test('a second ballot of the same person is a 409 already_voted; the first stands', async () => {
    const session = await startedSession(workshop);
    const poll = await openPoll(session.id);
    const first = await gemeente[0]!.post(`/api/polls/${poll.id}/ballots`, spread(poll, 50, 30, 20));
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ pollId: poll.id, replaced: false });
    const second = await gemeente[0]!.post(`/api/polls/${poll.id}/ballots`, spread(poll, 0, 0, 100));
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('already_voted');
    const stored = storedBallots(poll.id);
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]!.allocations).map((a: { value: number }) => a.value)).toEqual([50, 30, 20]);
  });

  test('a closed poll takes no ballot and no second close (409); only the chair closes', async () => {
    const session = await startedSession(workshop);
    const poll = await openPoll(session.id);
    expect((await gemeente[1]!.post(`/api/polls/${poll.id}/ballots`, spread(poll, 100, 0, 0))).status).toBe(201);
    const notChair = await gemeente[1]!.post(`/api/polls/${poll.id}/close`);
    expect(notChair.status).toBe(403);
    expect(notChair.body.error.code).toBe('not_the_chair');
    const closed = await workshop.owner.post(`/api/polls/${poll.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const late = await gemeente[2]!.post(`/api/polls/${poll.id}/ballots`, spread(poll, 0, 100, 0));
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('poll_closed');
    const again = await workshop.owner.post(`/api/polls/${poll.id}/close`);
    expect(again.status).toBe(409);
    expect(storedBallots(poll.id)).toHaveLength(1);
  });

  test('who may: a non-chair cannot open a poll (403), a viewer cannot vote (403), an outsider gets 404 everywhere', async () => {
    const session = await startedSession(workshop);
    const poll = await openPoll(session.id);
    const editor = await addMember(workshop, server.origin, 'editor', 'Schrijver');
    const notChair = await editor.post(`/api/sessions/${session.id}/polls`, { question: 'Mag ik?', kind: 'score', options: plainOptions, unit: 'person', anonymous: false, resultsHidden: false });
    expect(notChair.status).toBe(403);
    expect(sqlAll(server, 'SELECT id FROM work_session_polls WHERE session_id = ?', session.id)).toHaveLength(1);

    expect((await viewer.post(`/api/polls/${poll.id}/ballots`, spread(poll, 100, 0, 0))).status).toBe(403);
    expect((await viewer.get(`/api/polls/${poll.id}/results`)).status).toBe(200);

    const outsider = await signUp(server.origin, 'Buitenstaander');
    for (const answer of [
      await outsider.get(`/api/polls/${poll.id}`),
      await outsider.get(`/api/polls/${poll.id}/results`),
      await outsider.post(`/api/polls/${poll.id}/ballots`, spread(poll, 100, 0, 0)),
      await outsider.post(`/api/polls/${poll.id}/close`),
      await outsider.post(`/api/polls/${poll.id}/apply-weights`),
      await outsider.get(`/api/sessions/${session.id}/polls`),
    ]) {
      expect(answer.status).toBe(404);
    }
    expect(storedBallots(poll.id)).toEqual([]);
  });

  test('an option pointing at something that is not a criterion of the workspace is a 400 on that option', async () => {
    const session = await startedSession(workshop);
    const refused = await workshop.owner.post(`/api/sessions/${session.id}/polls`, {
      question: 'Weging',
      kind: 'points',
      options: [{ label: 'Kwaliteit', blockId: 'bestaat-niet' }],
      unit: 'person',
      anonymous: false,
      resultsHidden: false,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields['options.0.blockId']).toBe('Dit is geen criterium in een document van deze werkruimte.');
  });
});

test('hidden results show no counts to anyone, the chair included, until the poll closes', async () => {
  const session = await startedSession(workshop);
  const poll = await openPoll(session.id, { resultsHidden: true });
  expect((await gemeente[0]!.post(`/api/polls/${poll.id}/ballots`, spread(poll, 70, 30, 0))).status).toBe(201);
  for (const client of [workshop.owner, gemeente[0]!, viewer]) {
    const results = await client.get(`/api/polls/${poll.id}/results`);
    expect(results.status).toBe(200);
    expect(results.body).toEqual({ pollId: poll.id, status: 'open', hidden: true, ballots: 1, parties: 0, options: [], byParty: [], reasons: [] });
  }
  await workshop.owner.post(`/api/polls/${poll.id}/close`);
  const shown = await viewer.get(`/api/polls/${poll.id}/results`);
  expect(shown.body.hidden).toBe(false);
  expect(shown.body.options.map((o: Json) => o.perPerson)).toEqual([70, 30, 0]);
});

test('every party weighs the same: three people of one party against one of another', async () => {
  const session = await startedSession(workshop);
  const poll = await openPoll(session.id);
  for (const client of gemeente) expect((await client.post(`/api/polls/${poll.id}/ballots`, spread(poll, 100, 0, 0))).status).toBe(201);
  expect((await residents.member.post(`/api/polls/${poll.id}/ballots`, spread(poll, 0, 60, 40))).status).toBe(201);
  const results = (await workshop.owner.get(`/api/polls/${poll.id}/results`)).body;
  expect(results).toMatchObject({ ballots: 4, parties: 2, hidden: false });
  expect(results.options.map((o: Json) => o.perPerson)).toEqual([300, 60, 40]);
  expect(results.options.map((o: Json) => o.perPersonShare)).toEqual([75, 15, 10]);
  expect(results.options.map((o: Json) => o.partyEqual)).toEqual([100, 60, 40]);
  expect(results.options.map((o: Json) => o.partyEqualShare)).toEqual([50, 30, 20]);
  expect(Object.fromEntries(results.byParty.map((p: Json) => [p.partyId, p.ballots]))).toEqual({ [workshop.partyId]: 3, [residents.partyId]: 1 });
});

test('unit party: one ballot per party, replaced by a later one of any member; someone without a party is refused', async () => {
  const session = await startedSession(workshop);
  const poll = await openPoll(session.id, { unit: 'party' });
  const first = await gemeente[0]!.post(`/api/polls/${poll.id}/ballots`, spread(poll, 100, 0, 0));
  expect(first.status).toBe(201);
  expect(first.body.replaced).toBe(false);
  const second = await gemeente[1]!.post(`/api/polls/${poll.id}/ballots`, spread(poll, 0, 0, 100));
  expect(second.status).toBe(200);
  expect(second.body.replaced).toBe(true);
  const stored = storedBallots(poll.id);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.party_id).toBe(workshop.partyId);
  expect(JSON.parse(stored[0]!.allocations).map((a: { value: number }) => a.value)).toEqual([0, 0, 100]);
  // The party's current ballot is what its members see as theirs.
  expect((await gemeente[2]!.get(`/api/polls/${poll.id}`)).body.yourBallot.allocations.map((a: Json) => a.value)).toEqual([0, 0, 100]);

  const loner = await addMember(workshop, server.origin, 'commenter', 'Zonder Partij');
  sqlRun(server, 'UPDATE members SET party_id = NULL WHERE workspace_id = ? AND user_id = ?', workshop.workspaceId, loner.userId);
  const refused = await loner.post(`/api/polls/${poll.id}/ballots`, spread(poll, 100, 0, 0));
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('no_party');
  expect(storedBallots(poll.id)).toHaveLength(1);
});

test('an anonymous poll names no voter in any response, nor in the stored ballots, nor in the minutes', async () => {
  const session = await startedSession(workshop);
  const voters = [gemeente[0]!, residents.member];
  const poll = await openPoll(session.id, { kind: 'consent', options: [{ label: 'Het buurthuis gaat op zondag open' }], anonymous: true });
  const voterIds = voters.map((client) => client.userId);
  expect((await voters[0]!.post(`/api/polls/${poll.id}/ballots`, { allocations: [{ optionId: poll.options[0]!.id, value: 'consent' }] })).status).toBe(201);
  const objection = { allocations: [{ optionId: poll.options[0]!.id, value: 'object' }] };
  const noReason = await voters[1]!.post(`/api/polls/${poll.id}/ballots`, objection);
  expect(noReason.status).toBe(400);
  expect(noReason.body.error.fields.reason).toBe('Schrijf waarom je bezwaar hebt.');
  expect((await voters[1]!.post(`/api/polls/${poll.id}/ballots`, { ...objection, reason: 'Wie doet dan de sleutel?' })).status).toBe(201);

  expect(storedBallots(poll.id).map((b) => b.user_id)).toEqual([null, null]);
  const voterNames = ['Ambtenaar Een', 'Iemand van Bewoners Poelenburg'];
  const leaks = (body: unknown) => {
    const text = JSON.stringify(body);
    return [...voterIds, ...voterNames].filter((id) => text.includes(id));
  };
  await workshop.owner.post(`/api/polls/${poll.id}/close`);
  for (const client of [workshop.owner, ...voters]) {
    const results = await client.get(`/api/polls/${poll.id}/results`);
    expect(results.body.options[0].stances).toEqual({ consent: 1, discuss: 0, object: 1 });
    expect(results.body.reasons).toEqual([{ partyId: null, reason: 'Wie doet dan de sleutel?' }]);
    for (const path of [`/api/polls/${poll.id}/results`, `/api/polls/${poll.id}`, `/api/sessions/${session.id}/polls`, `/api/sessions/${session.id}`]) {
      const answer = await client.get(path);
      expect(answer.status).toBe(200);
      expect(leaks(answer.body), path).toEqual([]);
      if (path === `/api/polls/${poll.id}`) expect(answer.body.yourBallot).toBeNull();
    }
  }

  const ended = await workshop.owner.post(`/api/sessions/${session.id}/end`);
  expect(ended.status).toBe(201);
  const section = pollSectionOfMinutes(ended.body.id);
  expect(section).toContain('Het buurthuis gaat op zondag open');
  expect(section).toContain('Bewoners Poelenburg');
  expect(section).toContain('Wie doet dan de sleutel?');
  expect(leaks(section)).toEqual([]);
});

/** The words of the minutes from their "Peilingen" heading to the next heading of that level. */
function pollSectionOfMinutes(documentId: string): string {
  const doc = storedDoc(server, documentId);
  const words: string[] = [];
  let inSection = false;
  for (const node of doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const text = textOf(node);
    if (node.nodeName === 'heading' && node.getAttribute('level') === (2 as unknown as string)) inSection = text === 'Peilingen';
    else if (inSection) words.push(text);
  }
  doc.destroy();
  return words.join(' ');
}

function textOf(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) return node.toString().replace(/<[^>]+>/g, '');
  return node.toArray().map((child) => textOf(child as Y.XmlElement | Y.XmlText)).join(' ');
}

describe('weights from the table', () => {
  let documentCount = 0;
  /** A new document with three award criteria (40 / 40 / 20) written by a real y-websocket client, once the register has them. */
  async function awardCriteria(): Promise<{ documentId: string; blocks: { blockId: string; text: string }[] }> {
    const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: `Gunningscriteria ${++documentCount}`, template: 'blank' });
    expect(created.status).toBe(201);
    const documentId = created.body.id as string;
    const blocks = ['Kwaliteit van de aanpak', 'Maatschappelijke waarde', 'Prijs'].map((text, i) => ({ blockId: `crit-${documentCount}-${i}`, text }));
    const client = connectProvider(documentId, { cookie: workshop.owner.cookie!, origin: server.origin });
    try {
      await waitForSync(client.provider);
      const fragment = client.doc.getXmlFragment(DOCUMENT_FRAGMENT);
      const weights = ['40', '40', '20'];
      fragment.insert(
        fragment.length,
        blocks.map((b, i) => blockElement('criterion', { id: b.blockId, kind: 'award', category: 'quality', weight: weights[i]! }, b.text)),
      );
      await eventually(async () => {
        const register = (await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}/criteria`)).body as Json[];
        expect(register.filter((row) => row.documentId === documentId && row.kind === 'award')).toHaveLength(3);
      });
    } finally {
      client.provider.destroy();
      client.doc.destroy();
    }
    return { documentId, blocks };
  }

  const storedWeights = (documentId: string): Record<string, unknown> => {
    const doc = storedDoc(server, documentId);
    const weights: Record<string, unknown> = {};
    const walk = (node: Y.XmlElement | Y.XmlFragment) => {
      for (const child of node.toArray()) {
        if (!(child instanceof Y.XmlElement)) continue;
        if (child.nodeName === 'criterion' && child.getAttribute('kind') === 'award') weights[child.getAttribute('id')!] = Number(child.getAttribute('weight'));
        else walk(child);
      }
    };
    walk(doc.getXmlFragment(DOCUMENT_FRAGMENT));
    doc.destroy();
    return weights;
  };

  test('a closed points poll over criteria becomes whole weights adding up to 100, after a version, with an audit entry', async () => {
    const { documentId, blocks } = await awardCriteria();
    const before = storedWeights(documentId);
    expect(Object.values(before)).toEqual([40, 40, 20]);
    const session = await startedSession(workshop);
    const poll = await openPoll(session.id, { question: 'Hoe zwaar weegt wat?', options: blocks.map((b) => ({ label: b.text, blockId: b.blockId })) });
    // Gemeente: three people, (34, 33, 33) each; the residents: one person, (0, 50, 50).
    // Every party the same: 34 / 83 / 83 of 200 → 17 / 41.5 / 41.5 → 17 / 42 / 41 (the tie to the first).
    for (const client of gemeente) expect((await client.post(`/api/polls/${poll.id}/ballots`, spread(poll, 34, 33, 33))).status).toBe(201);
    expect((await residents.member.post(`/api/polls/${poll.id}/ballots`, spread(poll, 0, 50, 50))).status).toBe(201);

    const whileOpen = await workshop.owner.post(`/api/polls/${poll.id}/apply-weights`);
    expect(whileOpen.status).toBe(409);
    expect(whileOpen.body.error.code).toBe('poll_open');
    expect(await workshop.owner.post(`/api/polls/${poll.id}/close`)).toMatchObject({ status: 200 });
    const notChair = await gemeente[0]!.post(`/api/polls/${poll.id}/apply-weights`);
    expect(notChair.status).toBe(403);
    expect(storedWeights(documentId)).toEqual(before);

    const applied = await workshop.owner.post(`/api/polls/${poll.id}/apply-weights`);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.weights.map((w: Json) => w.weight)).toEqual([17, 42, 41]);
    const after = storedWeights(documentId);
    expect(blocks.map((b) => after[b.blockId])).toEqual([17, 42, 41]);
    expect(Object.values(after).reduce((a: number, b) => a + (b as number), 0)).toBe(100);

    // The version before holds the weights as they were.
    expect(applied.body.versionIds).toHaveLength(1);
    const version = sqlGet<{ label: string; state: unknown }>(server, 'SELECT label, state FROM document_versions WHERE id = ?', applied.body.versionIds[0]);
    expect(version!.label).toBe('Voor de gewichten uit de peiling “Hoe zwaar weegt wat?”');
    const old = new Y.Doc();
    Y.applyUpdate(old, sqlBytes(version!.state));
    const oldWeights = old
      .getXmlFragment(DOCUMENT_FRAGMENT)
      .toArray()
      .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'criterion' && n.getAttribute('kind') === 'award')
      .map((n) => Number(n.getAttribute('weight')));
    expect(oldWeights).toEqual([40, 40, 20]);

    const audit = sqlAll<{ document_id: string; user_id: string; detail: string }>(server, "SELECT document_id, user_id, detail FROM audit_log WHERE action = 'poll.weights'");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ document_id: documentId, user_id: workshop.owner.userId });
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ pollId: poll.id, question: 'Hoe zwaar weegt wat?', versionId: applied.body.versionIds[0] });
    expect((await workshop.owner.get(`/api/polls/${poll.id}`)).body.weightsAppliedAt).toEqual(expect.any(Number));
  });

  test('not a points poll, or options that are not criteria: 409 and the document unchanged', async () => {
    const { documentId, blocks } = await awardCriteria();
    const before = storedWeights(documentId);
    const session = await startedSession(workshop);
    const dots = await openPoll(session.id, { kind: 'dots', budget: 3, options: blocks.map((b) => ({ label: 'Criterium', blockId: b.blockId })) });
    expect((await gemeente[0]!.post(`/api/polls/${dots.id}/ballots`, spread(dots, 1, 1, 1))).status).toBe(201);
    await workshop.owner.post(`/api/polls/${dots.id}/close`);
    const wrongKind = await workshop.owner.post(`/api/polls/${dots.id}/apply-weights`);
    expect(wrongKind.status).toBe(409);
    expect(wrongKind.body.error.code).toBe('wrong_kind');

    const plain = await openPoll(session.id);
    expect((await gemeente[0]!.post(`/api/polls/${plain.id}/ballots`, spread(plain, 100, 0, 0))).status).toBe(201);
    await workshop.owner.post(`/api/polls/${plain.id}/close`);
    const notCriteria = await workshop.owner.post(`/api/polls/${plain.id}/apply-weights`);
    expect(notCriteria.status).toBe(409);
    expect(notCriteria.body.error.code).toBe('not_criteria');
    expect(storedWeights(documentId)).toEqual(before);
  });
});

test('ending the session closes its open polls: hidden results come out, and no ballot is taken after', async () => {
  const session = await startedSession(workshop);
  const poll = await openPoll(session.id, { resultsHidden: true });
  expect((await gemeente[0]!.post(`/api/polls/${poll.id}/ballots`, spread(poll, 70, 30, 0))).status).toBe(201);
  expect((await workshop.owner.get(`/api/polls/${poll.id}/results`)).body.hidden).toBe(true);
  expect((await workshop.owner.post(`/api/sessions/${session.id}/end`)).status).toBe(201);
  const results = (await viewer.get(`/api/polls/${poll.id}/results`)).body;
  expect(results).toMatchObject({ status: 'closed', hidden: false });
  expect(results.options.map((o: Json) => o.perPerson)).toEqual([70, 30, 0]);
  expect((await gemeente[0]!.post(`/api/polls/${poll.id}/ballots`, spread(poll, 0, 30, 70))).status).toBe(409);
});
