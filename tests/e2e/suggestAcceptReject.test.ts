/**
 * Issue 15's suggestions in two browsers. A commenter (who writes only suggestions) types words
 * and deletes a word in the text, undoes and redoes both (as suggestions); an editor sees both live in the commenter's party colour and
 * in the list beside the text, accepts the one and rejects the other; the server's stored text
 * and the commenter's screen end up the same. The editor then switches to "Voorstellen" (the
 * socket reconnects with ?mode=suggest), suggests words himself and withdraws them by deleting.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addMember, buildWorkshop } from '../helpers/apiClient';
import { axeViolations } from '../helpers/axe';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { appendCommitment, appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { paragraphs, suggestionMarks } from '../helpers/suggestions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { caretInFirstParagraph, editor, openDocument, rgbOf, signInWithCookie, t } from './steps';

let server: TestServer;
let browser: Browser;
const pool = new ProviderPool();

beforeAll(async () => {
  server = await startTestServer({ CLIENT_DIR: builtClientDir() });
  browser = await launchBrowser();
});
afterAll(async () => {
  pool.destroyAll();
  await browser?.close();
  await server?.stop();
});

const sentence = 'Inschrijvers hebben een jaaromzet van minstens twee miljoen euro.';
const added = 'gemiddelde ';
const removed = 'minstens ';

/** The sentence in the document's first paragraph, written through a stock provider and stored. */
async function writeSentence(documentId: string, cookie: string) {
  const writer = pool.connect(documentId, { cookie, origin: server.origin });
  await waitForSync(writer.provider);
  appendParagraph(writer.doc, sentence);
  await eventually(() => expect(paragraphs(storedDoc(server, documentId))).toContain(sentence));
  pool.destroyAll();
}

/** Cora's and Eddy's browsers, signed in and on the document. */
async function openAsCoraAndEddy(documentId: string, coraCookie: string, eddyCookie: string, onTestFailed: (handler: () => void) => void) {
  const a = await newPerson(browser, 'cora');
  const b = await newPerson(browser, 'eddy');
  onTestFailed(() => console.error([...a.problems, ...b.problems].join('\n')));
  await signInWithCookie(a.context, server.origin, coraCookie);
  await signInWithCookie(b.context, server.origin, eddyCookie);
  const documentUrl = `${server.origin}/d/${documentId}`;
  await openDocument(a.page, documentUrl);
  await openDocument(b.page, documentUrl);
  return { a, b };
}

const suggestionsIn = (page: Page, kind: 'insert' | 'delete') => editor(page).locator(`.suggestion-${kind}`).allTextContents();


test('a commenter suggests words and a deletion; an editor sees them live, accepts one and rejects the other', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const cora = await addMember(workshop, server.origin, 'commenter', 'Cora Bakker');
  const eddy = await addMember(workshop, server.origin, 'editor', 'Eddy Smit');
  // Cora speaks for another party than Eddy, so her colour is her own.
  const welzijn = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Welzijn Noord', kind: 'care_welfare' });
  await workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${cora.userId}`, { partyId: welzijn.body.id });
  const coraColor = (welzijn.body as { color: string }).color;
  await writeSentence(workshop.documentId, eddy.cookie!);

  const { a, b } = await openAsCoraAndEddy(workshop.documentId, cora.cookie!, eddy.cookie!, onTestFailed);

  // Cora is told she suggests; she has no choice of mode.
  await a.page.getByText(t('suggest.onlySuggest')).waitFor();
  expect(await a.page.getByTestId('mode-edit').count()).toBe(0);

  // She types words after "een " and selects "minstens " and presses Backspace.
  await caretInFirstParagraph(a.page, sentence.indexOf('jaaromzet'));
  await a.page.keyboard.type(added);
  await caretInFirstParagraph(a.page, sentence.indexOf(removed) + added.length);
  for (let i = 0; i < removed.length; i++) await a.page.keyboard.press('Shift+ArrowRight');
  await a.page.keyboard.press('Backspace');
  // Enter in the middle would split the paragraph, which is no suggestion: she is told so and nothing changes.
  await a.page.keyboard.press('Enter');
  await expect.poll(() => a.page.getByTestId('suggest-refusal').textContent()).toBe(t('suggest.refused.splitParagraph'));
  const storedKinds = () => Object.entries(suggestionMarks(storedDoc(server, workshop.documentId))).map(([key, text]) => `${key.split(':')[0]}:${text}`).sort();
  await eventually(() => expect(storedKinds()).toEqual([`delete:${removed}`, `insert:${added}`]));
  // Undo takes back her last suggestion edit, as a suggestion itself (the server takes it, her
  // socket stays open): first the strike-through is withdrawn, then the proposed words go.
  await a.page.keyboard.press('Control+z');
  await expect.poll(() => suggestionsIn(a.page, 'delete')).toEqual([]);
  expect(await suggestionsIn(a.page, 'insert')).toEqual([added]);
  await eventually(() => expect(storedKinds()).toEqual([`insert:${added}`]));
  // Keystrokes typed within a second of each other are one step; on a busy machine the typing
  // may have been slower, so it may take more than one step, never more than a key each.
  for (let presses = 0; presses < added.length && (await suggestionsIn(a.page, 'insert')).length > 0; presses++) {
    const before = (await suggestionsIn(a.page, 'insert')).join('');
    await a.page.keyboard.press('Control+z');
    await expect.poll(async () => (await suggestionsIn(a.page, 'insert')).join('').length).toBeLessThan(before.length);
  }
  await expect.poll(() => suggestionsIn(a.page, 'insert')).toEqual([]);
  await eventually(() => {
    expect(storedKinds()).toEqual([]);
    expect(paragraphs(storedDoc(server, workshop.documentId))).toEqual([sentence]);
  });
  expect(await editor(a.page).textContent()).toBe(sentence);
  // Nothing left to undo: she is told so, and nothing changes.
  await a.page.keyboard.press('Control+z');
  await expect.poll(() => a.page.getByTestId('suggest-refusal').textContent()).toBe(t('suggest.refused.undo'));
  // Redo (Ctrl+Shift+Z, Ctrl+Y) proposes both again, step by step as they were undone.
  for (let presses = 0; presses < added.length && (await suggestionsIn(a.page, 'insert')).join('') !== added; presses++) {
    const before = (await suggestionsIn(a.page, 'insert')).join('');
    await a.page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await suggestionsIn(a.page, 'insert')).join('').length).toBeGreaterThan(before.length);
  }
  await expect.poll(() => suggestionsIn(a.page, 'insert')).toEqual([added]);
  await a.page.keyboard.press('Control+y');
  await expect.poll(() => suggestionsIn(a.page, 'delete')).toEqual([removed]);
  expect(await suggestionsIn(a.page, 'insert')).toEqual([added]);
  expect(await a.page.getByTestId('connection-state').textContent()).toContain(t('conn.connected'));
  await screenshot(a.page, 'suggestions-commenter');

  // The server took both as suggestions: one id each, the text still all there.
  await eventually(() => {
    const marks = suggestionMarks(storedDoc(server, workshop.documentId));
    expect(Object.entries(marks).map(([key, text]) => `${key.split(':')[0]}:${text}`).sort()).toEqual([`delete:${removed}`, `insert:${added}`]);
  });
  const stored = storedDoc(server, workshop.documentId);
  expect(paragraphs(stored)).toEqual(['Inschrijvers hebben een gemiddelde jaaromzet van minstens twee miljoen euro.']);
  const idOf = (kind: string) => Object.keys(suggestionMarks(stored)).find((key) => key.startsWith(`${kind}:`))!.split(':')[1]!;
  const insertId = idOf('insert');
  const deleteId = idOf('delete');

  // Eddy sees both live in the text, in Cora's party colour, and in the list beside it with her name.
  await expect.poll(() => suggestionsIn(b.page, 'insert'), { timeout: 10_000 }).toEqual([added]);
  await expect.poll(() => suggestionsIn(b.page, 'delete')).toEqual([removed]);
  const insertCard = b.page.locator(`#suggestion-${insertId}`);
  const deleteCard = b.page.locator(`#suggestion-${deleteId}`);
  await expect.poll(() => insertCard.textContent(), { timeout: 10_000 }).toContain('Cora Bakker');
  expect(await deleteCard.textContent()).toContain(removed.trim());
  const decorationColor = (kind: string) => editor(b.page).locator(`.suggestion-${kind}`).first().evaluate((el) => getComputedStyle(el).textDecorationColor);
  await expect.poll(() => decorationColor('insert')).toBe(rgbOf(coraColor));
  expect(await decorationColor('delete')).toBe(rgbOf(coraColor));
  expect(await a.page.getByRole('button', { name: t('suggest.accept'), exact: true }).count()).toBe(0);
  await screenshot(b.page, 'suggestions-editor');
  // The suggestions in the text and the list pass axe (WCAG 2.1 A/AA), the mode switch too.
  expect((await axeViolations(b.page)).map((v) => `${v.id}: ${v.targets.join(', ')}`)).toEqual([]);

  // Eddy accepts the words and rejects the deletion.
  await insertCard.getByRole('button', { name: t('suggest.acceptLabel', { text: added }) }).click();
  await deleteCard.getByRole('button', { name: t('suggest.rejectLabel', { text: removed }) }).click();
  const result = 'Inschrijvers hebben een gemiddelde jaaromzet van minstens twee miljoen euro.';
  await eventually(() => {
    const doc = storedDoc(server, workshop.documentId);
    expect(suggestionMarks(doc)).toEqual({});
    expect(paragraphs(doc)).toEqual([result]);
  });
  // Both browsers show the result, without suggestions, and the lists are empty.
  for (const page of [a.page, b.page]) {
    await expect.poll(() => editor(page).textContent(), { timeout: 10_000 }).toBe(result);
    expect(await editor(page).locator('[data-suggestion-id]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('suggestions-panel').textContent()).toContain(t('suggest.none'));
  }

  // Eddy switches to "Voorstellen" (his socket reconnects in suggestion mode), suggests words
  // and takes them back with Backspace: his own suggestion really goes.
  await b.page.getByTestId('mode-suggest').click();
  await expect.poll(() => b.page.getByTestId('mode-suggest').getAttribute('aria-pressed')).toBe('true');
  await caretInFirstParagraph(b.page, result.length - 1);
  await b.page.keyboard.type(' per jaar');
  await expect.poll(() => suggestionsIn(a.page, 'insert'), { timeout: 10_000 }).toEqual([' per jaar']);
  await screenshot(b.page, 'suggestions-editor-suggesting');
  await eventually(() => expect(Object.values(suggestionMarks(storedDoc(server, workshop.documentId)))).toEqual([' per jaar']));
  for (let i = 0; i < ' jaar'.length; i++) await b.page.keyboard.press('Backspace');
  await expect.poll(() => suggestionsIn(a.page, 'insert'), { timeout: 10_000 }).toEqual([' per']);
  await eventually(() => expect(Object.values(suggestionMarks(storedDoc(server, workshop.documentId)))).toEqual([' per']));
  expect([...a.problems, ...b.problems]).toEqual([]);
});

test('in a document without a paragraph a commenter is told that suggestions go inside paragraphs, and stays connected', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const cora = await addMember(workshop, server.origin, 'commenter', 'Cora Bakker');
  const a = await newPerson(browser, 'cora');
  onTestFailed(() => console.error(a.problems.join('\n')));
  await signInWithCookie(a.context, server.origin, cora.cookie);
  await openDocument(a.page, `${server.origin}/d/${workshop.documentId}`);
  // The empty paragraph on screen is not in the shared document: typing there would create it.
  await editor(a.page).focus();
  await a.page.keyboard.type('Hallo');
  await expect.poll(() => a.page.getByTestId('suggest-refusal').textContent()).toBe(t('suggest.refused.newParagraph'));
  expect(await editor(a.page).textContent()).toBe('');
  expect(paragraphs(storedDoc(server, workshop.documentId))).toEqual([]);
  expect(await a.page.getByTestId('connection-state').textContent()).toContain(t('conn.connected'));
  expect(a.problems).toEqual([]);
});

test("inside a commitment of the commenter's party an editor of another party is refused, and the card says why; the commenter decides it herself", async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const cora = await addMember(workshop, server.origin, 'commenter', 'Cora Bakker');
  const eddy = await addMember(workshop, server.origin, 'editor', 'Eddy Smit');
  const welzijn = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Welzijn Noord', kind: 'care_welfare' });
  await workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${eddy.userId}`, { partyId: welzijn.body.id });
  const promise = 'De gemeente levert twee ruimtes.';
  const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  appendCommitment(writer.doc, 'c1', workshop.partyId, promise);
  await eventually(() => expect(paragraphs(storedDoc(server, workshop.documentId))).toEqual([promise]));
  pool.destroyAll();

  const { a, b } = await openAsCoraAndEddy(workshop.documentId, cora.cookie!, eddy.cookie!, onTestFailed);

  // Cora suggests words at the end of the commitment's text.
  await editor(a.page).getByText(promise).click();
  await a.page.keyboard.press('End');
  await a.page.keyboard.press('ArrowLeft');
  await a.page.keyboard.type(' per week');
  await eventually(() => expect(Object.values(suggestionMarks(storedDoc(server, workshop.documentId)))).toEqual([' per week']));

  // Eddy speaks for another party: the server refuses, the card says so and nothing changes.
  const accept = b.page.getByRole('button', { name: t('suggest.acceptLabel', { text: ' per week' }) });
  await accept.click();
  await expect.poll(() => b.page.getByTestId('suggestions-panel').getByRole('alert').textContent()).toBe(t('error.notYourPartySuggestion'));
  expect(Object.values(suggestionMarks(storedDoc(server, workshop.documentId)))).toEqual([' per week']);
  expect(await suggestionsIn(b.page, 'insert')).toEqual([' per week']);

  // Cora is a commenter, but she speaks for the commitment's party: the words lie wholly inside
  // it, so she has the buttons, and the server lets her decide.
  const coraAccept = a.page.getByRole('button', { name: t('suggest.acceptLabel', { text: ' per week' }) });
  await coraAccept.click();
  await eventually(() => expect(suggestionMarks(storedDoc(server, workshop.documentId))).toEqual({}), 10_000);
  // (The editor's page may have added an empty paragraph after the block for the caret.)
  expect(paragraphs(storedDoc(server, workshop.documentId))).toContain('De gemeente levert twee ruimtes per week.');
  await expect.poll(() => suggestionsIn(b.page, 'insert'), { timeout: 10_000 }).toEqual([]);
  expect([...a.problems, ...b.problems.filter((p) => !/status of 403/.test(p))]).toEqual([]);
});

test("an editor accepts all of one person's suggestions at once", async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const cora = await addMember(workshop, server.origin, 'commenter', 'Cora Bakker');
  const eddy = await addMember(workshop, server.origin, 'editor', 'Eddy Smit');
  await writeSentence(workshop.documentId, eddy.cookie!);

  const { a, b } = await openAsCoraAndEddy(workshop.documentId, cora.cookie!, eddy.cookie!, onTestFailed);

  // Two suggestions of Cora's: words added, a word taken away.
  await caretInFirstParagraph(a.page, sentence.indexOf('jaaromzet'));
  await a.page.keyboard.type(added);
  await caretInFirstParagraph(a.page, sentence.indexOf(removed) + added.length);
  for (let i = 0; i < removed.length; i++) await a.page.keyboard.press('Shift+ArrowRight');
  await a.page.keyboard.press('Backspace');
  await eventually(() => expect(Object.keys(suggestionMarks(storedDoc(server, workshop.documentId)))).toHaveLength(2));

  // Eddy opens "Alles tegelijk" and accepts all of Cora's.
  const bulk = b.page.getByTestId('suggestions-bulk');
  await bulk.getByText(t('suggest.bulkTitle')).click();
  await bulk.getByRole('button', { name: t('suggest.acceptAllLabel', { name: 'Cora Bakker' }) }).click();
  const result = 'Inschrijvers hebben een gemiddelde jaaromzet van twee miljoen euro.';
  await eventually(() => {
    const doc = storedDoc(server, workshop.documentId);
    expect(suggestionMarks(doc)).toEqual({});
    expect(paragraphs(doc)).toEqual([result]);
  });
  for (const page of [a.page, b.page]) await expect.poll(() => editor(page).textContent(), { timeout: 10_000 }).toBe(result);
  await expect.poll(() => b.page.getByTestId('suggestions-panel').textContent()).toContain(t('suggest.none'));
  expect([...a.problems, ...b.problems]).toEqual([]);
});
