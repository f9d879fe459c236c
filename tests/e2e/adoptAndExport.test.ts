/**
 * A municipality and a residents' council adopt a plan of approach together, each in their own
 * browser: the owner (Gemeente) saves a version and proposes it for adoption by both parties;
 * the resident first declines with a reason, then both sign, and both see "Vastgesteld". The
 * owner downloads the plan as DOCX, ODT and PDF, looks at who contributed per party, and asks who
 * wrote the text. The workspace is set up through the API; everything after that in the UI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { buildWorkshop, signUp } from '../helpers/apiClient';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { editor, editorText, openDocument, signInWithCookie, t, waitConnectedAndSaved } from './steps';

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

const ownerText = 'De gemeente zoekt samen met bewoners naar dagbesteding die werkt.';
const residentText = 'Bewoners willen meebeslissen over de locatie.';
const versionLabel = 'Concept voor de oprichtingsbijeenkomst';
const declineReason = 'De locatie is nog niet met de buurt besproken.';

/** The version's entry in the version panel, by its exact label. */
const versionItem = (page: Page, label: string) =>
  page.getByTestId('version-item').filter({ has: page.locator('.version__label', { hasText: new RegExp(`^${label}$`) }) });

async function saveDownload(download: Download): Promise<Buffer> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'werktafel-download-')), download.suggestedFilename());
  await download.saveAs(file);
  return fs.readFileSync(file);
}

/** Clicks one format in the document menu's export list and returns the downloaded file. */
async function exportCurrent(page: Page, format: 'docx' | 'odt' | 'pdf'): Promise<{ name: string; body: Buffer }> {
  await page.getByRole('button', { name: t('export.title') }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-menu').locator(`a[data-format=${format}]`).first().click()]);
  expect(await download.failure()).toBeNull();
  return { name: download.suggestedFilename(), body: await saveDownload(download) };
}

test('two parties adopt a version, and the plan is downloaded as DOCX, ODT and PDF', async ({ onTestFailed }) => {
  // Gemeente (owner) and Bewonersraad (an editor invited for the second party).
  const workshop = await buildWorkshop(server.origin);
  const residents = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Bewonersraad', kind: 'residents' });
  const invite = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/invites`, { role: 'editor', partyId: residents.body.id });
  const resident = await signUp(server.origin, 'Bram Bewoner');
  expect((await resident.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(200);

  const a = await newPerson(browser, 'gemeente');
  const b = await newPerson(browser, 'bewoner');
  onTestFailed(async () => {
    console.error([...a.problems, ...b.problems].join('\n'));
    await screenshot(a.page, 'adopt-failed-gemeente');
    await screenshot(b.page, 'adopt-failed-bewoner');
  });
  await signInWithCookie(a.context, server.origin, workshop.owner.cookie);
  await signInWithCookie(b.context, server.origin, resident.cookie);
  const documentUrl = `${server.origin}/d/${workshop.documentId}`;

  // Both write.
  await openDocument(a.page, documentUrl);
  await editor(a.page).click();
  await a.page.keyboard.type(ownerText);
  await waitConnectedAndSaved(a.page);
  await openDocument(b.page, documentUrl);
  await expect.poll(() => editorText(b.page), { timeout: 10_000 }).toContain(ownerText);
  await editor(b.page).click();
  await b.page.keyboard.press('Control+End');
  await b.page.keyboard.press('Enter');
  await b.page.keyboard.type(residentText);
  await waitConnectedAndSaved(b.page);
  await expect.poll(() => editorText(a.page), { timeout: 10_000 }).toContain(residentText);

  // The owner keeps a version; the panel opens with it.
  await a.page.getByRole('button', { name: t('version.save') }).click();
  const dialog = a.page.getByTestId('save-version-dialog');
  await dialog.getByLabel(t('version.label')).fill(versionLabel);
  await dialog.getByRole('button', { name: t('version.saveSubmit') }).click();
  const item = versionItem(a.page, versionLabel);
  await item.waitFor();
  expect(await item.textContent()).toContain(t('version.kind.manual'));

  // ...and proposes it for adoption by both parties.
  await item.locator('summary').click();
  await item.getByRole('button', { name: t('adoption.request') }).click();
  const form = item.getByTestId('adoption-form');
  expect(await form.getByRole('checkbox').count()).toBe(2);
  for (const box of await form.getByRole('checkbox').all()) expect(await box.isChecked()).toBe(true);
  await form.getByRole('button', { name: t('adoption.requestSubmit') }).click();
  await item.getByTestId('adoption-parties').waitFor();
  await expect.poll(() => item.getByTestId('adoption-badge').textContent()).toBe(t('adoption.pendingCount', { signed: 0, count: 2 }));

  // The resident sees the request in the document header without reloading, and declines.
  const request = b.page.getByTestId('adoption-request');
  await request.waitFor({ timeout: 20_000 });
  expect(await request.getByRole('heading').textContent()).toBe(t('adoption.askTitle', { party: 'Bewonersraad' }));
  await request.getByRole('button', { name: t('adoption.decline') }).click();
  await request.getByRole('button', { name: t('adoption.declineSubmit') }).click();
  await request.getByText(t('adoption.reasonRequired')).waitFor();
  await request.getByLabel(t('adoption.reason', { party: 'Bewonersraad' })).fill(declineReason);
  await request.getByRole('button', { name: t('adoption.declineSubmit') }).click();
  await request.locator('.adoption-request__declined').waitFor();
  expect(await request.locator('.adoption-request__declined').textContent()).toContain(declineReason);

  // The owner signs for the municipality; the version shows the decline with its reason.
  await a.page.reload();
  await waitConnectedAndSaved(a.page);
  const ownerRequest = a.page.getByTestId('adoption-request');
  await ownerRequest.getByText(t('adoption.showParties')).click();
  expect(await ownerRequest.getByTestId('adoption-parties').textContent()).toContain(declineReason);
  await ownerRequest.getByRole('button', { name: t('adoption.sign', { party: 'Gemeente' }) }).click();
  await a.page.getByTestId('adoption-pending').waitFor();
  expect(await a.page.getByTestId('adopted-mark').count()).toBe(0);

  // The resident signs after all: the version is adopted, in both browsers.
  await b.page.getByTestId('adoption-request').getByRole('button', { name: t('adoption.sign', { party: 'Bewonersraad' }) }).click();
  await b.page.getByTestId('adopted-mark').waitFor();
  await a.page.getByTestId('adopted-mark').waitFor({ timeout: 20_000 });
  for (const page of [a.page, b.page]) {
    expect(await page.getByTestId('adopted-mark').textContent()).toContain(t('adoption.adopted'));
    expect(await page.getByTestId('adoption-request').count()).toBe(0);
  }
  await a.page.getByRole('button', { name: t('version.panelTitle'), exact: true }).click();
  await item.locator('summary').click();
  await expect.poll(() => item.getByTestId('adoption-badge').textContent()).toBe(t('adoption.adopted'));
  const parties = await item.getByTestId('adoption-parties').textContent();
  expect(parties).toContain('Eigenaar');
  expect(parties).toContain('Bram Bewoner');
  await screenshot(a.page, 'adopted-version');

  // DOCX, ODT and PDF of the document as it is now, from the document menu.
  const docx = await exportCurrent(a.page, 'docx');
  expect(docx.name).toMatch(/\.docx$/);
  const documentXml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
  expect(documentXml).toContain(ownerText);
  expect(documentXml).toContain(residentText);
  const odt = await exportCurrent(a.page, 'odt');
  expect(odt.name).toMatch(/\.odt$/);
  expect(odt.body.subarray(30, 38 + 39).toString('latin1')).toBe('mimetypeapplication/vnd.oasis.opendocument.text');
  const contentXml = await (await JSZip.loadAsync(odt.body)).file('content.xml')!.async('string');
  expect(contentXml).toContain(ownerText);
  expect(contentXml).toContain(residentText);
  const pdf = await exportCurrent(a.page, 'pdf');
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // ...and of the adopted version, which carries the sign-off.
  const [versionPdf] = await Promise.all([a.page.waitForEvent('download'), item.locator('a[data-format=pdf]').click()]);
  expect(versionPdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await saveDownload(versionPdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // "Wie schreef dit?" over the whole text names both people with their parties.
  await editor(a.page).click();
  await a.page.keyboard.press('Control+a');
  await a.page.getByRole('button', { name: t('whoWrote.button') }).click();
  const writers = a.page.getByTestId('who-wrote').getByRole('listitem');
  await expect.poll(() => writers.count()).toBe(2);
  const whoWrote = await a.page.getByTestId('who-wrote').textContent();
  for (const words of ['Eigenaar', 'Gemeente', 'Bram Bewoner', 'Bewonersraad']) expect(whoWrote).toContain(words);

  // The contributions view shows both parties with what they wrote.
  await a.page.getByRole('link', { name: t('docContrib.menu') }).click();
  const written = a.page.getByTestId('metric-charsInserted');
  await written.waitFor();
  for (const [partyId, text] of [[workshop.partyId, ownerText], [residents.body.id as string, residentText]] as const) {
    const row = written.locator(`[data-party-id="${partyId}"]`);
    expect(Number((await row.locator('.metric__value').textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(text.length);
  }
  expect(await a.page.getByTestId('contrib-timeline').textContent()).toContain('Bram Bewoner');
  await screenshot(a.page, 'contributions');
}, 120_000);
