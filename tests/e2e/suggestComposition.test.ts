/**
 * Composed input in "Voorstellen" (issue 15): a Dutch "ë" typed with a dead key, and words
 * composed with an input method, arrive through the browser's composition events, which the
 * editor cannot cancel. They must still become the commenter's suggestion (underlined, stored
 * with a `suggestionInsert` mark the server took), not a refusal or plain text, and the screen
 * must show what the server has. Chromium's DevTools protocol drives the composition as an
 * input method would. Also: letters typed next to the same letter ("p" before "plan") reach the
 * server as typed (exactTextWrites.ts).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { addMember, buildWorkshop } from '../helpers/apiClient';
import { builtClientDir, launchBrowser, newPerson } from '../helpers/browser';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { paragraphs, suggestionMarks } from '../helpers/suggestions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { caretInFirstParagraph, editor, openDocument, signInWithCookie, t } from './steps';

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

const sentence = 'Wij vragen een plan.';

async function commenterOnSentence(onTestFailed: (handler: () => void) => void) {
  const workshop = await buildWorkshop(server.origin);
  const cora = await addMember(workshop, server.origin, 'commenter', 'Cora Bakker');
  const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  appendParagraph(writer.doc, sentence);
  await eventually(() => expect(paragraphs(storedDoc(server, workshop.documentId))).toEqual([sentence]));
  pool.destroyAll();
  const a = await newPerson(browser, 'cora');
  onTestFailed(() => console.error(a.problems.join('\n')));
  await signInWithCookie(a.context, server.origin, cora.cookie!);
  await openDocument(a.page, `${server.origin}/d/${workshop.documentId}`);
  await a.page.getByText(t('suggest.onlySuggest')).waitFor();
  return { a, documentId: workshop.documentId, cdp: await a.context.newCDPSession(a.page) };
}

/** What the commenter's editor shows, what it marks as proposed, and what the server stored, agree. */
async function expectProposed(a: Awaited<ReturnType<typeof commenterOnSentence>>['a'], documentId: string, expected: string, proposed: string) {
  await expect.poll(() => editor(a.page).textContent(), { timeout: 10_000 }).toBe(expected);
  await expect.poll(async () => (await editor(a.page).locator('.suggestion-insert').allTextContents()).join('')).toBe(proposed);
  expect(await a.page.getByTestId('suggest-refusal').textContent()).toBe('');
  await eventually(() => {
    const stored = storedDoc(server, documentId);
    expect(paragraphs(stored)).toEqual([expected]);
    expect(Object.values(suggestionMarks(stored)).join('')).toBe(proposed);
  }, 10_000);
  expect(await a.page.getByTestId('connection-state').textContent()).toContain(t('conn.connected'));
  expect(a.problems).toEqual([]);
}

test('a dead-key "ë" becomes part of the commenter\'s suggestion, on her screen and on the server', async ({ onTestFailed }) => {
  const { a, documentId, cdp } = await commenterOnSentence(onTestFailed);
  // "financiële " before "plan": the "ë" composed with a dead key (¨ first, then the letter).
  await caretInFirstParagraph(a.page, sentence.indexOf('plan'));
  await a.page.keyboard.type('financi');
  await cdp.send('Input.imeSetComposition', { text: '¨', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.insertText', { text: 'ë' });
  await a.page.keyboard.type('le ');
  await expectProposed(a, documentId, 'Wij vragen een financiële plan.', 'financiële ');
});

test('words an input method composes in steps and then replaces arrive as committed', async ({ onTestFailed }) => {
  const { a, documentId, cdp } = await commenterOnSentence(onTestFailed);
  await caretInFirstParagraph(a.page, sentence.indexOf('plan'));
  await cdp.send('Input.imeSetComposition', { text: 'に', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '日本 ' });
  await expectProposed(a, documentId, 'Wij vragen een 日本 plan.', '日本 ');
});

// The commit replaces the whole composed run, own proposed words included ("heel にほ" becomes
// "heel 日本 "): the new words keep the run's suggestion id, so the words that stay keep their
// mark (under a fresh id the Yjs binding re-marked them, which the server refused).
test('words an input method composes right after own proposed words arrive as committed', async ({ onTestFailed }) => {
  const { a, documentId, cdp } = await commenterOnSentence(onTestFailed);
  await caretInFirstParagraph(a.page, sentence.indexOf('plan'));
  await a.page.keyboard.type('heel ');
  await cdp.send('Input.imeSetComposition', { text: 'に', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '日本 ' });
  await expectProposed(a, documentId, 'Wij vragen een heel 日本 plan.', 'heel 日本 ');
});

test('letters typed before the same letter and removed again next to it reach the server as typed', async ({ onTestFailed }) => {
  const { a, documentId } = await commenterOnSentence(onTestFailed);
  // "proef" before "plan": its first key is a "p" right before the "p" of "plan".
  await caretInFirstParagraph(a.page, sentence.indexOf('plan'));
  await a.page.keyboard.type('proef');
  await expectProposed(a, documentId, 'Wij vragen een proefplan.', 'proef');
  // Backspace over her own "f", "e", "o", "r" and "p": the last one goes, not the "p" of "plan".
  for (let i = 0; i < 'proef'.length; i++) await a.page.keyboard.press('Backspace');
  await expect.poll(() => editor(a.page).textContent()).toBe(sentence);
  await eventually(() => expect(paragraphs(storedDoc(server, documentId))).toEqual([sentence]), 10_000);
  expect(await a.page.getByTestId('connection-state').textContent()).toContain(t('conn.connected'));
  expect(await a.page.getByTestId('suggest-refusal').textContent()).toBe('');
});
