/**
 * Issue 14, item 4 in Chromium: in the private step of a running session a participant on a
 * 390-px phone writes a card (one anonymous) and sees only their own; the chair sees none of them
 * until "Onthullen"; then both screens show every card without reloading (session events), the
 * anonymous one without a name. The chair takes a card into a document as an action. Both pages
 * pass the axe checks and the phone does not scroll sideways.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { addMember, buildWorkshop } from '../helpers/apiClient';
import { axeViolations } from '../helpers/axe';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { startedSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { sqlAll } from '../helpers/testSql';
import { signInWithCookie, t } from './steps';

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

test('a participant on a phone writes private cards; the chair reveals them and takes one into a document', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const participantApi = await addMember(workshop, server.origin, 'editor', 'Pim Partner');
  const session = await startedSession(workshop, 'criteria');
  const privateStep = session.steps.find((s) => s.kind === 'private')!;
  expect((await workshop.owner.patch(`/api/sessions/${session.id}/state`, { stepId: privateStep.id })).status).toBe(200);

  const chair = await newPerson(browser, 'chair');
  const participant = await newPerson(browser, 'participant');
  onTestFailed(() => console.error([...chair.problems, ...participant.problems].join('\n')));
  await participant.page.setViewportSize({ width: 390, height: 844 });
  await signInWithCookie(chair.context, server.origin, workshop.owner.cookie);
  await signInWithCookie(participant.context, server.origin, participantApi.cookie);
  await chair.page.goto(`${server.origin}/sessie/${session.id}`);
  await participant.page.goto(`${server.origin}/sessie/${session.id}`);

  const cardsOf = (page: typeof chair.page) => page.getByTestId('session-card');
  const write = async (text: string, anonymous: boolean) => {
    const form = participant.page.getByTestId('private-cards');
    await form.getByLabel(t('cards.text')).fill(text);
    await form.getByLabel(t('cards.anonymous')).setChecked(anonymous);
    await form.getByRole('button', { name: t('cards.add') }).click();
  };
  await write('Een inloop op zondag', false);
  await write('Buurtbudget per straat', true);
  await expect.poll(() => cardsOf(participant.page).count()).toBe(2);

  // The chair sees a count, never the cards.
  await expect.poll(() => chair.page.getByTestId('card-count').textContent(), { timeout: 10_000 }).toBe(t('cards.count', { count: 2 }));
  expect(await cardsOf(chair.page).count()).toBe(0);
  expect(await chair.page.content()).not.toContain('Buurtbudget');
  expect(await participant.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(participant.page, 'session-cards-private-390');

  await chair.page.getByRole('button', { name: t('cards.reveal') }).click();
  await expect.poll(() => cardsOf(chair.page).count(), { timeout: 10_000 }).toBe(2);
  await expect.poll(() => participant.page.getByTestId('private-cards').getByText(t('cards.revealed')).count(), { timeout: 10_000 }).toBe(1);
  const anonymousCard = chair.page.getByTestId('session-card').filter({ hasText: 'Buurtbudget per straat' });
  expect(await anonymousCard.textContent()).toContain(t('cards.anonymousAuthor'));
  expect(await anonymousCard.textContent()).not.toContain('Pim Partner');
  expect(await chair.page.getByTestId('session-card').filter({ hasText: 'Een inloop op zondag' }).textContent()).toContain('Pim Partner');

  // The chair takes the named card into the document as an action.
  const named = chair.page.getByTestId('session-card').filter({ hasText: 'Een inloop op zondag' });
  await named.getByRole('button', { name: t('cards.promote') }).click();
  await named.getByLabel(t('cards.promoteKind')).selectOption('action');
  await named.getByRole('button', { name: t('cards.promoteSubmit') }).click();
  await named.getByText(t('cards.promoted')).waitFor();
  await expect
    .poll(() => sqlAll<{ created_by: string }>(server, "SELECT created_by FROM block_records WHERE document_id = ?", workshop.documentId).map((r) => r.created_by))
    .toContain(participantApi.userId);

  expect(await participant.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(participant.page, 'session-cards-revealed-390');
  await screenshot(chair.page, 'session-cards-chair');
  expect(await axeViolations(chair.page)).toEqual([]);
  expect(await axeViolations(participant.page)).toEqual([]);
  expect([...chair.problems, ...participant.problems]).toEqual([]);
});
