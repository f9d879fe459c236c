/**
 * A commenter (who writes only suggestions) selects words and comments on them; the server writes
 * the highlight. An editor in a second browser sees the highlight in the text and the thread
 * beside it, and replies; the commenter sees the reply and the inbox counts it; the editor changes
 * the reply and the commenter sees the change.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
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

  // Cora, who cannot write, selects the words with the keyboard, goes back to "Opmerking" in the
  // toolbar (Shift+Tab), comments and posts, without the mouse. What she types is only a
  // suggestion of hers, which Backspace takes back.
  await editor(a.page).focus();
  await a.page.keyboard.press('Control+Home');
  await a.page.keyboard.type('x');
  expect(await editor(a.page).locator('.suggestion-insert').allTextContents()).toEqual(['x']);
  await a.page.keyboard.press('Backspace');
  expect(await editor(a.page).textContent()).toBe(sentence);
  for (let i = 0; i < sentence.indexOf(commented); i++) await a.page.keyboard.press('ArrowRight');
  for (let i = 0; i < commented.length; i++) await a.page.keyboard.press('Shift+ArrowRight');
  const button = a.page.getByTestId('comment-button');
  await expect.poll(() => button.isEnabled()).toBe(true);
  await a.page.keyboard.press('Shift+Tab');
  expect(await a.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('comment-button');
  await a.page.keyboard.press('Enter');
  // The comment field takes focus by itself.
  await a.page.keyboard.type('Dit sluit kleine partijen uit.');
  await a.page.getByRole('button', { name: t('comment.submit') }).focus();
  await a.page.keyboard.press('Enter');

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

  // Cora sees the reply live, and her inbox counts it, without a reload.
  await expect.poll(() => a.page.locator(`#thread-${threadId}`).textContent(), { timeout: 10_000 }).toContain('Goed punt, we schrappen de omzeteis.');
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

  // Eddy changes his reply in place; Cora sees the new words live, marked as changed.
  await thread.getByRole('button', { name: t('comment.edit') }).click();
  await thread.getByLabel(t('comment.editLabel'), { exact: true }).fill('Goed punt, we schrappen de omzeteis helemaal.');
  await thread.getByRole('button', { name: t('comment.save') }).click();
  await expect.poll(() => a.page.locator(`#thread-${threadId}`).textContent(), { timeout: 10_000 }).toContain('de omzeteis helemaal.');
  expect(await a.page.locator(`#thread-${threadId}`).textContent()).toContain(t('comment.edited'));
  expect([...a.problems, ...b.problems]).toEqual([]);
});
