/**
 * werktafel with the keyboard alone, in Chromium: the toolbar is one tab stop worked with arrow
 * keys; a block's fields are reached with Shift+Tab from its text and left with Tab; a table is
 * left with Escape or Tab without a storm of empty rows (counted in the shared document by a
 * second client); removing a party asks in an in-page dialog (Escape cancels, Enter confirms);
 * every page has its own title and focus goes to its h1 after a navigation.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildWorkshop, signUp, type Workshop } from '../helpers/apiClient';
import { translate } from '../../client/i18n/translate';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { readViaFreshClient } from '../helpers/documents';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { blockField, caretInEmptyLastParagraph, insertBlockBySlash } from './blockSteps';
import { editor, openDocument, signInWithCookie, t, waitConnectedAndSaved } from './steps';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ CLIENT_DIR: builtClientDir() });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedInPage(workshop: Workshop, tag: string, onTestFailed: (fn: () => Promise<void>) => void): Promise<Page> {
  const person = await newPerson(browser, tag);
  onTestFailed(async () => {
    console.error(person.problems.join('\n'));
    await screenshot(person.page, `keyboard-${tag}-failed`);
  });
  await signInWithCookie(person.context, server.origin, workshop.owner.cookie);
  // Browser dialogs would block a keyboard user's screen reader flow: none may appear.
  person.page.on('dialog', (dialog) => {
    throw new Error(`unexpected browser dialog: ${dialog.message()}`);
  });
  return person.page;
}

/** What has focus: its tag, its accessible label or text, and test id. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
      testId: el?.getAttribute('data-testid') ?? el?.closest('[data-testid]')?.getAttribute('data-testid') ?? '',
      inToolbar: !!el?.closest('[role=toolbar]'),
    };
  });

const storedXml = async (workshop: Workshop) => (await readViaFreshClient(server.origin, workshop.owner.cookie, workshop.documentId)).xml;
const countRows = (xml: string) => xml.match(/<tablerow>/gi)?.length ?? 0;

test('the toolbar is one tab stop: arrow keys choose a tool, Enter makes the text bold', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const page = await signedInPage(workshop, 'toolbar', onTestFailed);
  await openDocument(page, `${server.origin}/d/${workshop.documentId}`);
  await editor(page).click();
  await page.keyboard.type('Vette woorden');
  await page.keyboard.press('Shift+Home');

  // One Shift+Tab from the text lands on the toolbar, one Tab from there is back in the text.
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).inToolbar).toBe(true);
  await page.keyboard.press('Tab');
  expect((await focused(page)).testId).toBe('editor');
  await page.keyboard.press('Shift+Tab');

  // Home goes to the first tool, arrows along the bar, End to the last one that can be used.
  await page.keyboard.press('Home');
  expect((await focused(page)).label).toBe(t('toolbar.h1'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect((await focused(page)).label).toBe(t('toolbar.bold'));
  await page.keyboard.press('Enter');
  await waitConnectedAndSaved(page);
  expect(await storedXml(workshop)).toContain('<bold>Vette woorden</bold>');
  // The tool gave the caret back to the text.
  expect((await focused(page)).testId).toBe('editor');

  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('End');
  expect((await focused(page)).inToolbar).toBe(true);
  await page.keyboard.press('Home');
  expect((await focused(page)).label).toBe(t('toolbar.h1'));
  // Tab leaves the toolbar at once, whichever tool had focus.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  expect((await focused(page)).testId).toBe('editor');
  await screenshot(page, 'keyboard-toolbar');

  // The link tool asks for the address in the page; Enter makes the link.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' Zie');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Home');
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  expect((await focused(page)).label).toBe(t('toolbar.link'));
  await page.keyboard.press('Enter');
  const linkDialog = page.getByRole('dialog', { name: t('toolbar.linkTitle') });
  await linkDialog.waitFor();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('https://www.zaanstad.nl/dagbesteding');
  await page.keyboard.press('Enter');
  await linkDialog.waitFor({ state: 'detached' });
  await waitConnectedAndSaved(page);
  expect(await storedXml(workshop)).toMatch(/<link [^>]*href="https:\/\/www\.zaanstad\.nl\/dagbesteding"[^>]*>Zie<\/link>/);

  // The export menu, closed with Escape, gives focus back to its button.
  const exportButton = page.getByRole('button', { name: t('export.title') });
  await exportButton.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('export-menu').waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await page.getByTestId('export-menu').waitFor({ state: 'detached' });
  expect(await exportButton.evaluate((el) => el === document.activeElement)).toBe(true);
});

test("Shift+Tab from a block's text reaches its own fields, Tab from the fields goes back to its text", async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const page = await signedInPage(workshop, 'block', onTestFailed);
  await openDocument(page, `${server.origin}/d/${workshop.documentId}`);
  await editor(page).click();
  await page.keyboard.type('Inleiding');
  await page.keyboard.press('Enter');
  await insertBlockBySlash(page, 'actie', 'action');
  await page.keyboard.type('Buurthuis openen');
  const card = editor(page).locator('[data-testid=block-action]');

  await page.keyboard.press('Shift+Tab');
  // The last field before the text: funding.
  const funding = blockField(card, 'action.funding');
  expect(await funding.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect(await blockField(card, 'action.status').evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  // Back in the block's own text, at its start: typing lands there.
  expect((await focused(page)).testId).toBe('editor');
  await page.keyboard.type('Eerst: ');
  await waitConnectedAndSaved(page);
  expect(await card.textContent()).toContain('Eerst: Buurthuis openen');

  // A commitment's confirm button sits under its text: Tab reaches it, Shift+Tab comes back.
  await caretInEmptyLastParagraph(page);
  await insertBlockBySlash(page, 'toezegging', 'commitment');
  await page.keyboard.type('Wij leveren twee ruimtes');
  await page.keyboard.press('Tab');
  const commitment = editor(page).locator('[data-testid=block-commitment]');
  const confirm = commitment.getByRole('button', { name: t('commitment.confirm', { party: 'Gemeente' }) });
  expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).testId).toBe('editor');
  await page.keyboard.type(' in de wijk');
  await waitConnectedAndSaved(page);
  expect(await commitment.textContent()).toContain('Wij leveren twee ruimtes in de wijk');
});

test('a table is left with Escape or Tab, and Tab adds at most one row, only after a filled last row', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const page = await signedInPage(workshop, 'table', onTestFailed);
  await openDocument(page, `${server.origin}/d/${workshop.documentId}`);
  await editor(page).click();
  await page.getByRole('button', { name: t('toolbar.table') }).click();
  await waitConnectedAndSaved(page);
  expect(countRows(await storedXml(workshop))).toBe(3);

  // Forty Tabs from the first cell: through the nine cells, then out of the editor; no row added.
  await editor(page).locator('th').first().click();
  for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
  expect((await focused(page)).tag).not.toBe('');
  expect(await editor(page).evaluate((root) => root.contains(document.activeElement))).toBe(false);
  await waitConnectedAndSaved(page);
  expect(countRows(await storedXml(workshop))).toBe(3);

  // Text in the last row: Tab in its last cell adds one row; the empty new row adds no more.
  await editor(page).locator('tr').last().locator('td').last().click();
  await page.keyboard.type('Perceel 2');
  for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
  await waitConnectedAndSaved(page);
  expect(countRows(await storedXml(workshop))).toBe(4);

  // Escape leaves from any cell, to the point after the text; Shift+Tab goes back into it.
  await editor(page).locator('td').first().click();
  await page.keyboard.press('Escape');
  expect((await focused(page)).testId).toBe('editor-exit');
  expect(await page.getByTestId('editor-exit').textContent()).toBe(t('editor.exitNote'));
  await screenshot(page, 'keyboard-editor-exit');
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).testId).toBe('editor');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await editor(page).evaluate((root) => root.contains(document.activeElement))).toBe(false);
  expect(countRows(await storedXml(workshop))).toBe(4);
});

test('removing a party asks in the page: Escape cancels, Enter confirms', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const extra = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Buurtteam', kind: 'residents' });
  expect(extra.status).toBe(201);
  const page = await signedInPage(workshop, 'confirm', onTestFailed);
  await page.goto(`${server.origin}/w/${workshop.workspaceId}`);
  const remove = page.getByRole('button', { name: t('parties.delete', { name: 'Buurtteam' }) });
  const parties = async () => ((await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}`)).body.parties as { name: string }[]).map((p) => p.name);

  await remove.focus();
  await page.keyboard.press('Enter');
  const question = page.getByRole('alertdialog', { name: t('parties.confirmDelete', { name: 'Buurtteam' }) });
  await question.waitFor();
  expect(await question.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  await screenshot(page, 'keyboard-confirm-dialog');
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  // Focus is back on the button that asked.
  expect(await remove.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await parties()).toContain('Buurtteam');

  await page.keyboard.press('Enter');
  await question.waitFor();
  await page.keyboard.press('Enter');
  await remove.waitFor({ state: 'detached' });
  expect(await parties()).not.toContain('Buurtteam');
  // The button went with the party: focus goes on from the list's heading, not the page's top.
  const heading = page.getByRole('heading', { name: t('parties.title'), level: 2 });
  await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
});

test('every page has its own title, and focus goes to the new h1 after a navigation', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const page = await signedInPage(workshop, 'titles', onTestFailed);
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { name: t('home.title'), level: 1 }).waitFor();
  expect(await page.title()).toBe(`${t('home.title')} — werktafel`);
  // Opened directly: the browser's own start, focus not moved.
  expect((await focused(page)).tag).toBe('body');

  await page.getByRole('link', { name: 'Dagactivering 2027' }).click();
  const workspaceHeading = page.getByRole('heading', { name: 'Dagactivering 2027', level: 1 });
  await workspaceHeading.waitFor();
  await expect.poll(() => page.title()).toBe(`${t('tabs.overview')} — Dagactivering 2027 — werktafel`);
  await expect.poll(() => workspaceHeading.evaluate((el) => el === document.activeElement)).toBe(true);

  await page.getByRole('link', { name: t('tabs.actions') }).click();
  const registerHeading = page.getByRole('heading', { name: t('tabs.actions'), level: 1 });
  await registerHeading.waitFor();
  await expect.poll(() => page.title()).toBe(`${t('tabs.actions')} — Dagactivering 2027 — werktafel`);
  await expect.poll(() => registerHeading.evaluate((el) => el === document.activeElement)).toBe(true);

  await page.goto(`${server.origin}/d/${workshop.documentId}`);
  await editor(page).waitFor();
  await expect.poll(() => page.title()).toBe('Uitvraag — Dagactivering 2027 — werktafel');
  await page.goto(`${server.origin}/account`);
  await expect.poll(() => page.title()).toBe(`${t('account.title')} — werktafel`);
});

test('after signing in, focus is on the first page\'s heading; titles follow the language', async ({ onTestFailed }) => {
  const account = await signUp(server.origin, 'Iemand');
  const person = await newPerson(browser, 'sign-in');
  onTestFailed(async () => {
    console.error(person.problems.join('\n'));
    await screenshot(person.page, 'keyboard-sign-in-failed');
  });
  const page = person.page;
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { name: t('login.title'), level: 1 }).waitFor();
  await expect.poll(() => page.title()).toBe(`${t('login.title')} — werktafel`);
  await page.locator('input[name=email]').fill(account.email);
  await page.locator('input[name=password]').fill('een-lang-wachtwoord');
  await page.keyboard.press('Enter');
  const home = page.getByRole('heading', { name: t('home.title'), level: 1 });
  await home.waitFor();
  await expect.poll(() => home.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await page.title()).toBe(`${t('home.title')} — werktafel`);

  await page.getByRole('button', { name: /^EN/ }).click();
  await expect.poll(() => page.title()).toBe(`${translate('en', 'home.title')} — werktafel`);
});
