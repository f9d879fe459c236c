/**
 * A commenter (who cannot write the text) selects words and comments on them; the server writes
 * the highlight. An editor in a second browser sees the highlight in the text and the thread
 * beside it, and replies; the commenter sees the reply and the inbox counts it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addMember, buildWorkshop } from '../helpers/apiClient';
import { axeViolations } from '../helpers/axe';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { commentMarks } from '../helpers/comments';
import { appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { editor, openDocument, signInWithCookie, t } from './steps';

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
const commented = 'jaaromzet van minstens twee miljoen';

/** Selects the words in the editor the way a mouse drag would, as a DOM selection. */
async function selectWords(page: Page, words: string): Promise<void> {
  await editor(page).evaluate((root, target) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(target) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`no text ${target}`);
  }, words);
}

test('a commenter comments on selected words; an editor in another browser sees the highlight and the thread and replies', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const cora = await addMember(workshop, server.origin, 'commenter', 'Cora Bakker');
  const eddy = await addMember(workshop, server.origin, 'editor', 'Eddy Smit');
  const writer = pool.connect(workshop.documentId, { cookie: eddy.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  appendParagraph(writer.doc, sentence);
  await eventually(() => expect(storedDoc(server, workshop.documentId).getXmlFragment('default').length).toBeGreaterThan(0));
  pool.destroyAll();

  const a = await newPerson(browser, 'cora');
  const b = await newPerson(browser, 'eddy');
  onTestFailed(() => console.error([...a.problems, ...b.problems].join('\n')));
  await signInWithCookie(a.context, server.origin, cora.cookie);
  await signInWithCookie(b.context, server.origin, eddy.cookie);
  const documentUrl = `${server.origin}/d/${workshop.documentId}`;
  await openDocument(a.page, documentUrl);
  await openDocument(b.page, documentUrl);

  // Cora selects the words and comments on them with the button in the toolbar.
  await selectWords(a.page, commented);
  const button = a.page.getByTestId('comment-button');
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
  await a.page.getByLabel(t('comment.bodyLabel'), { exact: true }).fill('Dit sluit kleine partijen uit.');
  await a.page.getByRole('button', { name: t('comment.submit') }).click();

  // The server wrote the mark: both browsers show the highlight over exactly those words.
  for (const page of [a.page, b.page]) {
    await expect.poll(() => editor(page).locator('[data-thread-id]').allTextContents(), { timeout: 10_000 }).toEqual([commented]);
  }
  const [threadId] = Object.keys(commentMarks(storedDoc(server, workshop.documentId)));
  expect(commentMarks(storedDoc(server, workshop.documentId))).toEqual({ [threadId!]: commented });

  // Eddy sees the thread beside the text, with Cora's name and party, and replies.
  const thread = b.page.locator(`#thread-${threadId}`);
  await expect.poll(() => thread.textContent(), { timeout: 10_000 }).toContain('Dit sluit kleine partijen uit.');
  expect(await thread.textContent()).toContain('Cora Bakker (Gemeente)');
  await thread.getByLabel(t('comment.replyLabel'), { exact: true }).fill('Goed punt, we schrappen de omzeteis.');
  await thread.getByRole('button', { name: t('comment.replySubmit') }).click();

  // Cora sees the reply live, and her inbox counts it.
  await expect.poll(() => a.page.locator(`#thread-${threadId}`).textContent(), { timeout: 10_000 }).toContain('Goed punt, we schrappen de omzeteis.');
  await a.page.reload();
  await expect.poll(() => a.page.getByTestId('inbox-button').textContent(), { timeout: 10_000 }).toContain('1');
  await b.page.locator(`#thread-${threadId}`).scrollIntoViewIfNeeded();
  await screenshot(b.page, 'comment-thread-editor');
  await a.page.setViewportSize({ width: 390, height: 844 });
  await a.page.locator(`#thread-${threadId}`).scrollIntoViewIfNeeded();
  await screenshot(a.page, 'comment-thread-phone');
  // The thread, its forms and the inbox pass axe at both widths (WCAG 2.1 A/AA; on a phone also target size).
  expect((await axeViolations(b.page)).map((v) => `${v.id}: ${v.targets.join(', ')}`)).toEqual([]);
  await a.page.getByTestId('inbox-button').click();
  expect((await axeViolations(a.page, ['target-size'])).map((v) => `${v.id}: ${v.targets.join(', ')}`)).toEqual([]);
  expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect([...a.problems, ...b.problems]).toEqual([]);
});
