/**
 * The version budgets as an owner meets them in the browser: saving an unchanged document
 * keeps no second copy and says so, a version is deleted after a confirmation in the page
 * (a <dialog>, not the browser's confirm box) that Escape cancels, a version under adoption
 * cannot be deleted, and the workspace page shows what the workspace stores.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatBytes } from '../../client/workspace/storageFigure';
import { buildWorkshop } from '../helpers/apiClient';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
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

const versionItem = (page: Page, label: string) =>
  page.getByTestId('version-item').filter({ has: page.locator('.version__label', { hasText: new RegExp(`^${label}$`) }) });

const storedLabels = (documentId: string) =>
  server.storage.sqlite
    .prepare<[string], { label: string }>('SELECT label FROM document_versions WHERE document_id = ? ORDER BY seq')
    .all(documentId)
    .map((row) => row.label);

async function saveVersion(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: t('version.save') }).click();
  const dialog = page.getByTestId('save-version-dialog');
  await dialog.getByLabel(t('version.label')).fill(label);
  await dialog.getByRole('button', { name: t('version.saveSubmit') }).click();
}

test('an owner saves no duplicate, deletes a version after an in-page confirmation, and sees the storage used', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const owner = await newPerson(browser, 'eigenaar');
  onTestFailed(async () => {
    console.error(owner.problems.join('\n'));
    await screenshot(owner.page, 'version-budgets-failed');
  });
  await signInWithCookie(owner.context, server.origin, workshop.owner.cookie);
  const page = owner.page;
  // A browser confirm box would fail the test: the confirmation must be part of the page.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected browser dialog: ${dialog.message()}`);
  });
  await openDocument(page, `${server.origin}/d/${workshop.documentId}`);
  await editor(page).click();
  await page.keyboard.type('Eerste opzet van de uitvraag.');
  await waitConnectedAndSaved(page);

  await saveVersion(page, 'Concept 1');
  await versionItem(page, 'Concept 1').waitFor();
  // Nothing changed: the dialog says which version already holds the text, and no copy is kept.
  await saveVersion(page, 'Concept 1 opnieuw');
  const unchanged = page.getByTestId('version-unchanged');
  await unchanged.waitFor();
  expect(await unchanged.textContent()).toContain(t('version.unchanged', { label: 'Concept 1' }));
  await unchanged.getByRole('button', { name: t('common.close') }).click();
  expect(storedLabels(workshop.documentId)).toEqual(['Concept 1']);

  await editor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Met een tweede zin.');
  await waitConnectedAndSaved(page);
  await saveVersion(page, 'Concept 2');
  await versionItem(page, 'Concept 2').waitFor();
  expect(storedLabels(workshop.documentId)).toEqual(['Concept 1', 'Concept 2']);

  // Concept 2 goes up for adoption: its delete button is disabled, with the reason.
  const concept2 = (await workshop.owner.get(`/api/documents/${workshop.documentId}/versions`)).body[0].id as string;
  expect((await workshop.owner.post(`/api/documents/${workshop.documentId}/versions/${concept2}/adoption`, { partyIds: [workshop.partyId] })).status).toBe(201);
  await page.reload();
  await waitConnectedAndSaved(page);
  await page.getByRole('button', { name: t('version.panelTitle'), exact: true }).click();
  const adopted = versionItem(page, 'Concept 2');
  await adopted.locator('summary').click();
  const blocked = adopted.getByTestId('delete-version');
  expect(await blocked.isDisabled()).toBe(true);
  expect(await blocked.getAttribute('title')).toBe(t('version.deleteInAdoption'));

  // Concept 1: Escape cancels the confirmation, the second time it is confirmed.
  const first = versionItem(page, 'Concept 1');
  await first.locator('summary').click();
  await first.getByTestId('delete-version').click();
  const confirm = page.getByRole('alertdialog', { name: t('version.deleteTitle', { label: 'Concept 1' }) });
  await confirm.waitFor();
  expect(await confirm.textContent()).toContain(t('version.deleteExplain'));
  // Focus is inside the dialog, so a keyboard user acts on it.
  expect(await confirm.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'hidden' });
  expect(storedLabels(workshop.documentId)).toEqual(['Concept 1', 'Concept 2']);

  await first.getByTestId('delete-version').click();
  await screenshot(page, 'version-delete-confirmation');
  await confirm.getByRole('button', { name: t('version.deleteConfirm') }).click();
  await first.waitFor({ state: 'detached' });
  expect(storedLabels(workshop.documentId)).toEqual(['Concept 2']);
  await screenshot(page, 'version-deleted');

  // The workspace page shows the owner what the workspace stores, as the API counts it.
  await page.goto(`${server.origin}/w/${workshop.workspaceId}`);
  const storage = page.getByTestId('storage');
  await storage.waitFor();
  const usage = (await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}`)).body.storage;
  expect(await storage.getByTestId('storage-versions').textContent()).toBe(formatBytes(usage.versionsBytes, 'nl-NL'));
  expect(await storage.getByTestId('storage-documents').textContent()).toBe(formatBytes(usage.documentsBytes, 'nl-NL'));
  await storage.scrollIntoViewIfNeeded();
  await screenshot(page, 'workspace-storage');
}, 120_000);
