/**
 * An action from the slash menu to the Acties register and back, in two live browsers: a
 * resident (editor, Bewoners) types `/actie` in a shared document and fills in the action; the
 * owner (Gemeente) sees the card appear with those values, opens the Acties register and keeps
 * it open while the resident marks the action done; the row follows without a reload, and a
 * click on it opens the document scrolled to the block. The resident also makes a commitment
 * for Bewoners and confirms it; the owner, of another party, cannot. The workspace is set up
 * through the API; everything after that in the UI.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildWorkshop, signUp } from '../helpers/apiClient';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import {
  actionCardValues,
  actionRow,
  blockCard,
  blockField,
  caretInEmptyLastParagraph,
  fillAction,
  insertBlockBySlash,
  openRegister,
  waitBlockRevealed,
} from './blockSteps';
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

const residentName = 'Sanne Bakker';
/** Enough text above the action that the document has to scroll to reach it. */
const intro = Array.from({ length: 24 }, (_, i) => `Afspraak ${i + 1}: wat de partijen samen in de buurt willen bereiken.`);
const actionText = 'Een inloopochtend organiseren in het buurthuis';
const commitmentText = 'Bewoners werven tien vrijwilligers voor de inloopochtend.';
const due = '2030-06-15';
/** How the register and the card write the due date (Dutch, long month). */
const dueShown = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${due}T12:00:00`));

test('an action typed as /actie shows up live in the Acties register and links back to its block', async ({ onTestFailed }) => {
  // Gemeente (owner) and Bewoners (an editor invited for the second party), one blank document.
  const workshop = await buildWorkshop(server.origin);
  const residents = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Bewoners', kind: 'residents' });
  expect(residents.status).toBe(201);
  const invite = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/invites`, { role: 'editor', partyId: residents.body.id });
  const resident = await signUp(server.origin, residentName);
  expect((await resident.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(200);
  const documentUrl = `${server.origin}/d/${workshop.documentId}`;
  const workspaceUrl = `${server.origin}/w/${workshop.workspaceId}`;

  const owner = await newPerson(browser, 'gemeente');
  const editorPerson = await newPerson(browser, 'bewoners');
  const [a, b] = [owner.page, editorPerson.page];
  onTestFailed(async () => {
    console.error([...owner.problems, ...editorPerson.problems].join('\n'));
    await screenshot(a, 'action-register-failed-gemeente');
    await screenshot(b, 'action-register-failed-bewoners');
  });
  await signInWithCookie(owner.context, server.origin, workshop.owner.cookie);
  await signInWithCookie(editorPerson.context, server.origin, resident.cookie);

  // The owner writes the opening of the document, long enough to scroll.
  await openDocument(a, documentUrl);
  await editor(a).click();
  for (const [i, line] of intro.entries()) {
    if (i > 0) await a.keyboard.press('Enter');
    await a.keyboard.insertText(line);
  }
  await waitConnectedAndSaved(a);

  // The resident opens it, adds an empty paragraph at the end and types /actie + Enter.
  await openDocument(b, documentUrl);
  await expect.poll(() => editorText(b), { timeout: 10_000 }).toContain(intro.at(-1));
  await editor(b).locator(':scope > p').last().click();
  await b.keyboard.press('Control+End');
  await b.keyboard.press('Enter');
  const actionId = await insertBlockBySlash(b, 'actie', 'action');
  await b.keyboard.type(actionText);
  const residentCard = blockCard(b, actionId);
  await fillAction(residentCard, { party: 'Bewoners', person: residentName, due, status: 'in_progress', funding: 'extra' });
  await waitConnectedAndSaved(b);
  expect(await editorText(b)).not.toContain('/actie');

  // The owner sees the card appear live, with the resident's values and as proposed by her.
  const ownerCard = blockCard(a, actionId);
  await ownerCard.waitFor({ state: 'attached', timeout: 10_000 });
  const expectedCard = { party: 'Bewoners', person: residentName, due, status: 'in_progress', funding: 'extra', text: actionText };
  await expect.poll(() => actionCardValues(ownerCard), { timeout: 10_000 }).toEqual(expectedCard);
  const proposer = await ownerCard.locator('.block-card__by').textContent();
  expect(proposer).toContain(residentName);
  expect(proposer).toContain('Bewoners');

  // The owner opens the Acties register and keeps it open: the row has party, person, date.
  await openRegister(a, workspaceUrl, 'actions');
  const row = actionRow(a, actionId);
  await row.waitFor({ timeout: 10_000 });
  const cells = row.locator('td');
  expect(await cells.nth(0).textContent()).toContain(actionText);
  expect(await cells.nth(1).textContent()).toContain('Bewoners');
  expect(await cells.nth(1).textContent()).toContain(residentName);
  expect(await cells.nth(2).textContent()).toContain(dueShown);
  expect(await cells.nth(3).textContent()).toBe(t('action.status.in_progress'));
  expect(await cells.nth(4).textContent()).toBe(t('action.funding.extra'));
  // Marks this page load; a reload would lose it.
  await a.evaluate(() => ((window as unknown as Record<string, unknown>).registerPageLoad = 'kept'));

  // The resident marks the action done in the document; the open register follows.
  await blockField(residentCard, 'action.status').selectOption('done');
  const changedAt = Date.now();
  await row.locator('.tag--status-done').waitFor({ timeout: 3_000 });
  const followedMs = Date.now() - changedAt;
  expect(await cells.nth(3).textContent()).toBe(t('action.status.done'));
  expect(await a.evaluate(() => (window as unknown as Record<string, unknown>).registerPageLoad)).toBe('kept');
  expect(a.url()).toBe(`${workspaceUrl}/acties`);
  console.info(`register followed the status change in ${followedMs} ms`);
  await waitConnectedAndSaved(b);
  await screenshot(a, 'action-register');

  // A click on the row (not on its link) opens the document scrolled to the block, highlighted.
  await cells.nth(2).click();
  await a.waitForURL(`${documentUrl}#block-${actionId}`);
  await waitBlockRevealed(a, actionId);
  expect(await blockField(blockCard(a, actionId), 'action.status').inputValue()).toBe('done');

  // The resident makes a commitment for Bewoners and confirms it on behalf of her party.
  await caretInEmptyLastParagraph(b);
  const commitmentId = await insertBlockBySlash(b, 'toezegging', 'commitment');
  await b.keyboard.type(commitmentText);
  const residentCommitment = blockCard(b, commitmentId);
  const partyOf = blockField(residentCommitment, 'commitment.party');
  expect(await partyOf.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('Bewoners');
  await waitConnectedAndSaved(b);
  await residentCommitment.getByRole('button', { name: t('commitment.confirm', { party: 'Bewoners' }) }).click();
  const confirmedBy = t('commitment.confirmedBy', { name: residentName, date: '' }).split(' op ')[0]!;
  await expect.poll(() => residentCommitment.getByTestId('commitment-status').textContent(), { timeout: 10_000 }).toContain(confirmedBy);

  // The owner sees it confirmed, with no button to confirm (or withdraw) for another party.
  const ownerCommitment = blockCard(a, commitmentId);
  await ownerCommitment.waitFor({ state: 'attached', timeout: 10_000 });
  await expect.poll(() => ownerCommitment.getByTestId('commitment-status').textContent(), { timeout: 10_000 }).toContain(confirmedBy);
  expect(await ownerCommitment.locator('.block-card__text').textContent()).toBe(commitmentText);
  expect(await ownerCommitment.locator('.block-card__foot').textContent()).toBe(t('commitment.onlyParty', { party: 'Bewoners' }));
  expect(await ownerCommitment.getByRole('button', { name: t('commitment.confirm', { party: 'Bewoners' }) }).count()).toBe(0);
  expect(await ownerCommitment.getByRole('button', { name: t('commitment.withdraw') }).count()).toBe(0);
  expect(await a.getByRole('button', { name: /^Bevestigen namens/ }).count()).toBe(0);

  // Neither page threw or logged an error along the way.
  expect([...owner.problems, ...editorPerson.problems]).toEqual([]);
}, 90_000);
