/**
 * A key pressed right after the browser moved the caret by itself (End, Ctrl+End, Shift+End:
 * keys ProseMirror leaves to the browser) acts where the caret now is. ProseMirror learns of
 * such a move from the `selectionchange` event, which Chromium fires in a later task; on a
 * busy page (other people's edits being applied, a slow machine) the next keydown can be
 * handled first. Enter then split the paragraph where the caret had been before, seen in
 * actionRegister.test.ts under CPU load as `/actie` typed into the middle of a sentence.
 *
 * To make that order certain, each case moves the DOM selection and dispatches the keydown
 * in one synchronous script, so `selectionchange` cannot come in between.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildWorkshop } from '../helpers/apiClient';
import { builtClientDir, launchBrowser, newPerson, type Person } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { blockTexts, editor, openDocument, signInWithCookie, waitConnectedAndSaved } from './steps';

let server: TestServer;
let browser: Browser;
let person: Person;

const first = 'De gemeente opent de uitvraag op 1 maart.';
const second = 'Inschrijven kan tot en met 15 april.';

beforeAll(async () => {
  server = await startTestServer({ CLIENT_DIR: builtClientDir() });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh document with two paragraphs, the caret at the start of the first as the editor knows it. */
async function twoParagraphsCaretAtStart(): Promise<Page> {
  const workshop = await buildWorkshop(server.origin);
  person = await newPerson(browser, 'owner');
  const page = person.page;
  await signInWithCookie(person.context, server.origin, workshop.owner.cookie);
  await openDocument(page, `${server.origin}/d/${workshop.documentId}`);
  await editor(page).click();
  await page.keyboard.insertText(first);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(second);
  await waitConnectedAndSaved(page);
  // The caret to the start, and wait until ProseMirror has read that from `selectionchange`.
  await page.evaluate(async () => {
    const paragraph = document.querySelector('[data-testid=editor] > p')!;
    const read = new Promise((resolve) => document.addEventListener('selectionchange', resolve, { once: true }));
    getSelection()!.collapse(paragraph.firstChild, 0);
    await read;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
  return page;
}

/**
 * As the browser does for End-like keys: moves the DOM selection (collapsed at the end of the
 * last paragraph, or from the caret to there with `extend`), then, before any other task can
 * run, delivers the keydown of `key` to the editor.
 */
function moveToEndThenKey(page: Page, key: string, extend: boolean) {
  return page.evaluate(
    ([key, extend]) => {
      const root = document.querySelector<HTMLElement>('[data-testid=editor]')!;
      const text = root.lastElementChild!.firstChild!;
      const selection = getSelection()!;
      if (extend) selection.extend(text, text.textContent!.length);
      else selection.collapse(text, text.textContent!.length);
      root.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    },
    [key, extend] as const,
  );
}

test('Enter right after a native caret move to the end opens a paragraph at the end', async () => {
  const page = await twoParagraphsCaretAtStart();
  await moveToEndThenKey(page, 'Enter', false);
  await expect.poll(() => blockTexts(page)).toEqual([first, second, '']);
  expect(person.problems).toEqual([]);
}, 30_000);

test('Backspace right after a native selection to the end deletes that selection', async () => {
  const page = await twoParagraphsCaretAtStart();
  await moveToEndThenKey(page, 'Backspace', true);
  await expect.poll(() => blockTexts(page)).toEqual(['']);
  expect(person.problems).toEqual([]);
}, 30_000);
