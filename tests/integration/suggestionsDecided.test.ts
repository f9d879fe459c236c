/**
 * Accepting and rejecting suggestions happens on the server (issue 15) and reaches every
 * replica and the stored document; a second decision is 409; inside a commitment only the
 * commitment's party decides (403 not_your_party, nothing changes); someone of another workspace
 * gets 404; accepted text stays credited to the suggester's party; each decision is announced on
 * the workspace event stream. Real server, real SQLite file, stock y-websocket providers.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { addMember, buildWorkshop, signUp, type ApiClient, type Workshop } from '../helpers/apiClient';
import { ProviderPool, recordCloseCodes, storedDoc, storedRows } from '../helpers/collab';
import { paragraphText } from '../helpers/comments';
import { appendCommitment, appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { newSuggestionId, paragraphs, suggestDelete, suggestInsert, suggestionMarks } from '../helpers/suggestions';
import { openEventStream } from '../helpers/sse';
import { sqlAll, sqlGet } from '../helpers/testSql';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { CloseCode } from '../../shared/collab/protocol';

let server: TestServer;
let workshop: Workshop;
let editor: ApiClient & { userId: string };
let residentEditor: ApiClient & { userId: string };
let commenter: ApiClient & { userId: string };
let residentsPartyId: string;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer();
  workshop = await buildWorkshop(server.origin);
  editor = await addMember(workshop, server.origin, 'editor', 'Eddy');
  residentEditor = await addMember(workshop, server.origin, 'editor', 'Bea');
  commenter = await addMember(workshop, server.origin, 'commenter', 'Cora');
  const party = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Bewoners', kind: 'other' });
  residentsPartyId = party.body.id;
  for (const member of [residentEditor, commenter]) {
    await workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${member.userId}`, { partyId: residentsPartyId });
  }
});
afterEach(() => pool.destroyAll());
afterAll(async () => server.stop());

async function newDocument(build: (doc: Y.Doc) => void) {
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Uitvraag', template: 'blank' });
  const documentId = created.body.id as string;
  const writer = pool.connect(documentId, { cookie: editor.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  build(writer.doc);
  const expected = paragraphs(writer.doc);
  await eventually(() => expect(paragraphs(storedDoc(server, documentId))).toEqual(expected));
  const cora = pool.connect(documentId, { cookie: commenter.cookie, origin: server.origin });
  await waitForSync(cora.provider);
  return { documentId, writer, cora };
}

/** Cora's suggestions, once the server has recorded them. */
async function suggest(documentId: string, write: () => void, count: number) {
  write();
  await eventually(() => expect(sqlAll(server, "SELECT id FROM suggestions WHERE document_id = ? AND status = 'open'", documentId)).toHaveLength(count));
}

function statusOf(documentId: string, id: string) {
  return sqlGet<{ status: string; decided_by: string | null }>(server, 'SELECT status, decided_by FROM suggestions WHERE document_id = ? AND id = ?', documentId, id);
}

test('accept and reject converge on every replica and in the stored document', async () => {
  const { documentId, writer, cora } = await newDocument((doc) => appendParagraph(doc, 'Wij vragen een omzet van twee miljoen.'));
  const added = newSuggestionId();
  const removed = newSuggestionId();
  const refused = newSuggestionId();
  await suggest(
    documentId,
    () => {
      suggestInsert(paragraphText(cora.doc, 0), 4, 'ten minste ', added);
      suggestDelete(paragraphText(cora.doc, 0), 36, 5, removed);
      suggestInsert(paragraphText(cora.doc, 0), 49, ' Per jaar.', refused);
    },
    3,
  );
  const path = `/api/documents/${documentId}/suggestions`;
  expect((await editor.post(`${path}/${added}/accept`)).status).toBe(200);
  expect((await editor.post(`${path}/${removed}/accept`)).status).toBe(200);
  const rejected = await editor.post(`${path}/${refused}/reject`);
  expect(rejected.status).toBe(200);
  expect(rejected.body).toMatchObject({ id: refused, status: 'rejected', decidedBy: editor.userId, suggester: { id: commenter.userId, partyName: 'Bewoners' } });

  const expected = ['Wij ten minste vragen een omzet van miljoen.'];
  for (const doc of [writer.doc, cora.doc]) {
    await eventually(() => {
      expect(paragraphs(doc)).toEqual(expected);
      expect(suggestionMarks(doc)).toEqual({});
    });
  }
  expect(paragraphs(storedDoc(server, documentId))).toEqual(expected);
  expect(suggestionMarks(storedDoc(server, documentId))).toEqual({});
  expect([added, removed, refused].map((id) => statusOf(documentId, id))).toEqual([
    { status: 'accepted', decided_by: editor.userId },
    { status: 'accepted', decided_by: editor.userId },
    { status: 'rejected', decided_by: editor.userId },
  ]);
  expect((await editor.get(path)).body).toEqual([]);

  // Decided is decided: a second decision changes nothing.
  const before = storedRows(server, documentId);
  const again = await editor.post(`${path}/${added}/reject`);
  expect(again.status).toBe(409);
  expect(again.body.error.code).toBe('suggestion_decided');
  expect(storedRows(server, documentId)).toEqual(before);
  expect((await editor.post(`${path}/${newSuggestionId()}/accept`)).status).toBe(404);
});

test("a removal that is rejected keeps the text; the suggester's decided id written again becomes a fresh suggestion of hers", async () => {
  const { documentId, writer, cora } = await newDocument((doc) => appendParagraph(doc, 'Alle partijen tekenen.'));
  const id = newSuggestionId();
  await suggest(documentId, () => suggestDelete(paragraphText(cora.doc, 0), 0, 5, id), 1);
  expect((await editor.post(`/api/documents/${documentId}/suggestions/${id}/reject`)).status).toBe(200);
  await eventually(() => expect(suggestionMarks(writer.doc)).toEqual({}));
  await eventually(() => expect(suggestionMarks(cora.doc)).toEqual({}));
  expect(paragraphs(storedDoc(server, documentId))).toEqual(['Alle partijen tekenen.']);

  // Her editor reused the id (she went on while it was decided): the server moves the mark to a
  // fresh suggestion of hers; the rejected one stays rejected, and her socket stays open.
  const codes = recordCloseCodes(cora.provider);
  suggestDelete(paragraphText(cora.doc, 0), 0, 5, id);
  await eventually(() => expect(sqlAll(server, "SELECT id FROM suggestions WHERE document_id = ? AND status = 'open'", documentId)).toHaveLength(1));
  const [fresh] = sqlAll<{ id: string; user_id: string; kind: string }>(server, "SELECT id, user_id, kind FROM suggestions WHERE document_id = ? AND status = 'open'", documentId);
  expect(fresh).toMatchObject({ user_id: commenter.userId, kind: 'delete' });
  expect(fresh!.id).not.toBe(id);
  expect(statusOf(documentId, id)!.status).toBe('rejected');
  for (const doc of [writer.doc, cora.doc]) await eventually(() => expect(suggestionMarks(doc)).toEqual({ [`delete:${fresh!.id}`]: 'Alle ' }));
  expect(suggestionMarks(storedDoc(server, documentId))).toEqual({ [`delete:${fresh!.id}`]: 'Alle ' });
  expect(codes).toEqual([]);
});

test("another person's decided id is still refused", async () => {
  const { documentId, cora } = await newDocument((doc) => appendParagraph(doc, 'Alle partijen tekenen.'));
  const id = newSuggestionId();
  await suggest(documentId, () => suggestDelete(paragraphText(cora.doc, 0), 0, 5, id), 1);
  expect((await editor.post(`/api/documents/${documentId}/suggestions/${id}/reject`)).status).toBe(200);
  const dirk = await addMember(workshop, server.origin, 'commenter', 'Dirk');
  const his = pool.connect(documentId, { cookie: dirk.cookie, origin: server.origin });
  await waitForSync(his.provider);
  const codes = recordCloseCodes(his.provider);
  suggestDelete(paragraphText(his.doc, 0), 0, 5, id);
  await eventually(() => expect(codes).toContain(CloseCode.suggestionForged));
  expect(suggestionMarks(storedDoc(server, documentId))).toEqual({});
});

test("inside another party's commitment an editor gets 403 not_your_party and nothing changes; the party decides", async () => {
  const { documentId, writer, cora } = await newDocument((doc) => {
    appendParagraph(doc, 'Inleiding.');
    appendCommitment(doc, 'c1', workshop.partyId, 'De gemeente levert twee ruimtes.');
  });
  const commitmentText = () => {
    const element = cora.doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'commitment') as Y.XmlElement;
    return (element.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  };
  const id = newSuggestionId();
  await suggest(documentId, () => suggestInsert(commitmentText(), 19, 'minstens ', id), 1);
  const before = storedRows(server, documentId);
  const path = `/api/documents/${documentId}/suggestions/${id}`;

  // Bea edits for the residents: not the commitment's party (the municipality's).
  const refused = await residentEditor.post(`${path}/accept`);
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('not_your_party');
  expect(storedRows(server, documentId)).toEqual(before);
  expect(statusOf(documentId, id)).toEqual({ status: 'open', decided_by: null });

  // Someone of another workspace does not learn that the document exists.
  const outsider = await signUp(server.origin, 'Buiten');
  expect((await outsider.post(`${path}/accept`)).status).toBe(404);
  expect((await outsider.get(`/api/documents/${documentId}/suggestions`)).status).toBe(404);
  // A commenter may suggest, not decide, in ordinary text or another party's commitment.
  expect((await commenter.post(`${path}/accept`)).status).toBe(403);

  // Eddy speaks for the municipality.
  expect((await editor.post(`${path}/accept`)).status).toBe(200);
  await eventually(() => expect(suggestionMarks(writer.doc)).toEqual({}));
  expect(paragraphs(storedDoc(server, documentId))).toEqual(['Inleiding.', 'De gemeente levert minstens twee ruimtes.']);
});

test("accepted text stays credited to the suggester's party in the contributions", async () => {
  const { documentId, cora } = await newDocument((doc) => appendParagraph(doc, 'Tekst.'));
  const id = newSuggestionId();
  await suggest(documentId, () => suggestInsert(paragraphText(cora.doc, 0), 0, 'Bewoners schrijven mee. ', id), 1);
  expect((await workshop.owner.post(`/api/documents/${documentId}/suggestions/${id}/accept`)).status).toBe(200);
  const contributions = await workshop.owner.get(`/api/documents/${documentId}/contributions`);
  const residents = contributions.body.parties.find((party: { partyId: string }) => party.partyId === residentsPartyId);
  expect(residents.charsInserted).toBe('Bewoners schrijven mee. '.length);
  // The accepting change is stored in the suggester's name, not the owner's.
  const rows = sqlAll<{ user_id: string | null; party_id: string | null }>(server, 'SELECT user_id, party_id FROM document_updates WHERE document_id = ? ORDER BY id', documentId);
  expect(rows.at(-1)).toEqual({ user_id: commenter.userId, party_id: residentsPartyId });
  expect(rows.some((row) => row.user_id === workshop.owner.userId)).toBe(false);
});

test('a new suggestion and each decision are announced on the workspace event stream', async () => {
  const stream = await openEventStream(server.origin, `/api/workspaces/${workshop.workspaceId}/events`, editor.cookie);
  try {
    const { documentId, cora } = await newDocument((doc) => appendParagraph(doc, 'Tekst.'));
    const count = () => stream.events.filter((event) => event === 'suggestions').length;
    const id = newSuggestionId();
    await suggest(documentId, () => suggestInsert(paragraphText(cora.doc, 0), 0, 'Nieuw. ', id), 1);
    await eventually(() => expect(count()).toBe(1));
    expect((await editor.post(`/api/documents/${documentId}/suggestions/${id}/reject`)).status).toBe(200);
    await eventually(() => expect(count()).toBe(2));
  } finally {
    stream.close();
  }
});

test('a suggestion inside a confirmed commitment leaves it confirmed; accepting it changes the text, so the party confirms again', async () => {
  const { documentId, writer, cora } = await newDocument((doc) => appendCommitment(doc, 'c2', workshop.partyId, 'Wij leveren twee ruimtes.'));
  expect((await editor.post(`/api/documents/${documentId}/commitments/c2/confirm`)).status).toBe(200);
  const commitmentIn = (doc: Y.Doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'commitment') as Y.XmlElement;
  await eventually(() => expect(commitmentIn(cora.doc).getAttribute('status')).toBe('confirmed'));
  const id = newSuggestionId();
  await suggest(documentId, () => suggestInsert((commitmentIn(cora.doc).get(0) as Y.XmlElement).get(0) as Y.XmlText, 12, 'drie of ', id), 1);
  // A later write of the editor, once stored, comes after anything the server answered to the suggestion.
  appendParagraph(writer.doc, 'Slot.');
  await eventually(() => expect(paragraphs(storedDoc(server, documentId))).toContain('Slot.'));
  expect(commitmentIn(storedDoc(server, documentId)).getAttribute('status')).toBe('confirmed');

  expect((await editor.post(`/api/documents/${documentId}/suggestions/${id}/accept`)).status).toBe(200);
  await eventually(() => expect(commitmentIn(storedDoc(server, documentId)).getAttribute('status')).toBe('proposed'));
  expect(paragraphs(storedDoc(server, documentId))).toEqual(['Wij leveren drie of twee ruimtes.', 'Slot.']);
});
