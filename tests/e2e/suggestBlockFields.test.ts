/**
 * Issue 15's suggested changes of block fields in two browsers. A commenter (who writes only
 * suggestions) chooses another status for an action and types a new weight for an award
 * criterion: the block does not change, each proposal shows on its block and in the list
 * beside the text with her name. The owner sees both live, accepts the weight and rejects the
 * status; the commenter's screen and the server's stored document follow.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop } from '../helpers/apiClient';
import { axeViolations } from '../helpers/axe';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { blockAttrs as attrsOf, blockElement } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { openDocument, signInWithCookie, t } from './steps';

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

test('a commenter suggests a status and a weight; the owner accepts the weight and rejects the status', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const cora = await addMember(workshop, server.origin, 'commenter', 'Cora Bakker');
  const welzijn = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Welzijn Noord', kind: 'care_welfare' });
  await workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${cora.userId}`, { partyId: welzijn.body.id });

  const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  const criterion = blockElement('criterion', { id: 'crit-kwaliteit', kind: 'award', category: 'quality' }, 'Kwaliteit van de begeleiding');
  criterion.setAttribute('weight', 20 as unknown as string);
  const fragment = writer.doc.getXmlFragment(DOCUMENT_FRAGMENT);
  fragment.insert(fragment.length, [criterion, blockElement('action', { id: 'act-vervoer', status: 'open', funding: 'unknown' }, 'Vervoer regelen')]);
  await eventually(() => expect(attrsOf(storedDoc(server, workshop.documentId), 'act-vervoer')).toBeDefined());
  pool.destroyAll();

  const a = await newPerson(browser, 'cora');
  const b = await newPerson(browser, 'owner');
  onTestFailed(() => console.error([...a.problems, ...b.problems].join('\n')));
  await signInWithCookie(a.context, server.origin, cora.cookie!);
  await signInWithCookie(b.context, server.origin, workshop.owner.cookie!);
  const documentUrl = `${server.origin}/d/${workshop.documentId}`;
  await openDocument(a.page, documentUrl);
  await openDocument(b.page, documentUrl);

  // Cora changes the action's status and the criterion's weight: both become proposals.
  const coraAction = a.page.locator('[data-block-card="action"]');
  const coraCriterion = a.page.locator('[data-block-card="criterion"]');
  await coraAction.getByLabel(t('action.status')).selectOption('in_progress');
  await coraAction.getByTestId('field-proposals').waitFor();
  const weight = coraCriterion.getByLabel(t('criterion.weight'));
  await weight.fill('35');
  await weight.press('Enter');
  await coraCriterion.getByTestId('field-proposals').waitFor();
  expect(await coraAction.getByTestId('field-proposals').textContent()).toContain(`${t('action.status')}: ${t('action.status.open')} → ${t('action.status.in_progress')}`);
  expect(await coraCriterion.getByTestId('field-proposals').textContent()).toContain(`${t('criterion.weight')}: 20 → 35`);
  expect(await coraAction.getByTestId('field-proposals').textContent()).toContain('Cora Bakker');
  // Proposed, not written: her controls show the block as it is, and so does the server.
  expect(await coraAction.getByLabel(t('action.status')).inputValue()).toBe('open');
  expect(await weight.inputValue()).toBe('20');
  const stored = storedDoc(server, workshop.documentId);
  expect(attrsOf(stored, 'act-vervoer')!.status).toBe('open');
  expect(attrsOf(stored, 'crit-kwaliteit')!.weight).toBe(20);
  await screenshot(a.page, 'suggest-block-fields-commenter');

  // The owner sees both live, on the blocks and in the list beside the text.
  const panel = b.page.getByTestId('suggestions-panel');
  await expect.poll(() => panel.locator('[data-suggestion]').count(), { timeout: 10_000 }).toBe(2);
  await b.page.locator('[data-block-card="criterion"]').getByTestId('field-proposals').waitFor();
  expect(await axeViolations(b.page)).toEqual([]);
  await screenshot(b.page, 'suggest-block-fields-owner');
  const cardWith = (text: string) => panel.locator('[data-suggestion]').filter({ hasText: text });
  await cardWith(`${t('criterion.weight')}: 20 → 35`).getByRole('button', { name: t('suggest.accept'), exact: false }).first().click();
  await expect.poll(() => panel.locator('[data-suggestion]').count(), { timeout: 10_000 }).toBe(1);
  await cardWith(t('action.status.in_progress')).getByRole('button', { name: t('suggest.reject'), exact: false }).first().click();
  await expect.poll(() => panel.locator('[data-suggestion]').count(), { timeout: 10_000 }).toBe(0);

  // Cora's screen follows: the weight is 35, the status still open, no proposals left.
  await expect.poll(() => coraCriterion.getByLabel(t('criterion.weight')).inputValue(), { timeout: 10_000 }).toBe('35');
  await expect.poll(() => a.page.getByTestId('field-proposals').count(), { timeout: 10_000 }).toBe(0);
  expect(await coraAction.getByLabel(t('action.status')).inputValue()).toBe('open');
  const after = storedDoc(server, workshop.documentId);
  expect(attrsOf(after, 'crit-kwaliteit')!.weight).toBe(35);
  expect(attrsOf(after, 'act-vervoer')!.status).toBe('open');
  expect([...a.problems, ...b.problems]).toEqual([]);
});
