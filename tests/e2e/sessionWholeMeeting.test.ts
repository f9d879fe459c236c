/**
 * Issue 14 end to end in Chromium, one meeting from the criteria template: a chair (municipality)
 * at a laptop, a participant (care organisation) at another, and a resident who joins from the
 * code on the wall on a 390-px phone as a guest. They run a round (every party a turn), a private
 * step (cards nobody else sees, then revealed), a points poll over three award criteria that the
 * chair applies as the weights, plan the next reflection moment and end the session; the minutes
 * carry the guest, the cards and the poll. Screenshots go to test-results/.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { buildWorkshop } from '../helpers/apiClient';
import { storedDoc } from '../helpers/collab';
import { blockElement } from '../helpers/documents';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { partyWithMember, startedSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
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

const criteria = ['Kwaliteit van de aanpak', 'Maatschappelijke waarde', 'Prijs'];

const weightsIn = (doc: Y.Doc) =>
  doc
    .getXmlFragment(DOCUMENT_FRAGMENT)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'criterion')
    .map((n) => Number(n.getAttribute('weight')));

const nextStep = (chair: Page) => chair.getByRole('button', { name: t('session.nextStep') }).click();

test('a chair, a participant and a guest on a phone run a round, private cards, a poll that sets the weights, and end the session', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const { workspaceId, documentId } = workshop;
  const care = await partyWithMember(workshop, server.origin, 'Zorgcoöperatie', 'editor');
  const residents = await workshop.owner.post(`/api/workspaces/${workspaceId}/parties`, { name: 'Bewoners', kind: 'residents' });
  const writer = connectProvider(documentId, { cookie: workshop.owner.cookie!, origin: server.origin });
  await waitForSync(writer.provider);
  writer.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, criteria.map((text, i) => blockElement('criterion', { id: `heel-${i}`, kind: 'award', category: 'quality', weight: '0' }, text)));
  await eventually(async () => expect((await workshop.owner.get(`/api/workspaces/${workspaceId}/criteria`)).body).toHaveLength(3));
  writer.provider.destroy();
  const session = await startedSession(workshop, 'criteria');
  const sessionUrl = `${server.origin}/sessie/${session.id}`;

  const chair = await newPerson(browser, 'chair');
  const participant = await newPerson(browser, 'participant');
  const guest = await newPerson(browser, 'guest');
  const people = [chair, participant, guest];
  onTestFailed(() => console.error(people.flatMap((p) => p.problems).join('\n')));
  await guest.page.setViewportSize({ width: 390, height: 844 });
  await signInWithCookie(chair.context, server.origin, workshop.owner.cookie);
  await signInWithCookie(participant.context, server.origin, care.member.cookie);
  await chair.page.goto(sessionUrl);
  await participant.page.goto(sessionUrl);

  // The resident joins from the code on the wall, with only a name.
  const codePanel = chair.page.getByRole('group', { name: t('guests.panelTitle') });
  await codePanel.getByLabel(t('guests.party')).selectOption(residents.body.id);
  await codePanel.getByRole('button', { name: t('guests.open') }).click();
  const code = ((await chair.page.getByTestId('join-code').textContent()) ?? '').trim();
  await guest.page.goto(`${server.origin}/meedoen/${code}`);
  await guest.page.getByLabel(t('guests.nameLabel')).fill('Fatma');
  await guest.page.getByRole('button', { name: t('guests.join') }).click();
  await guest.page.waitForURL(new RegExp(`/sessie/${session.id}$`));
  await guest.page.getByText(t('guests.youAreGuest')).waitFor();

  // Step 2, a round: every party at the table gets its turn, in the order the chair sets.
  await nextStep(chair.page);
  await chair.page.getByRole('button', { name: t('session.setOrder') }).click();
  for (let turn = 0; turn < 3; turn++) await chair.page.getByRole('button', { name: t('session.nextTurn') }).click();
  await expect.poll(async () => (await workshop.owner.get(`/api/sessions/${session.id}`)).body.turns.length).toBe(3);
  await guest.page.getByText(t('session.turn', { party: 'Bewoners' })).waitFor();

  // Step 3, private: the guest and the participant write cards nobody else sees, then the reveal.
  await nextStep(chair.page);
  const writeCard = async (page: Page, text: string) => {
    const form = page.getByTestId('private-cards');
    await form.getByLabel(t('cards.text')).fill(text);
    await form.getByRole('button', { name: t('cards.add') }).click();
    await form.getByText(text).waitFor();
  };
  await writeCard(guest.page, 'Een buurtkamer die ook op zondag open is');
  await writeCard(participant.page, 'Vaste gezichten in de wijk');
  await expect.poll(() => chair.page.getByTestId('card-count').textContent(), { timeout: 10_000 }).toBe(t('cards.count', { count: 2 }));
  expect(await participant.page.content()).not.toContain('buurtkamer');
  expect(await chair.page.content()).not.toContain('buurtkamer');
  await chair.page.getByRole('button', { name: t('cards.reveal') }).click();
  await expect.poll(() => guest.page.getByTestId('session-card').count(), { timeout: 10_000 }).toBe(2);
  expect(await guest.page.getByTestId('session-card').filter({ hasText: 'buurtkamer' }).textContent()).toContain('Fatma (gast)');

  // Step 4 (write) and step 5, the poll: 100 points over the criteria, one ballot each.
  await nextStep(chair.page);
  await nextStep(chair.page);
  await chair.page.getByLabel(t('poll.question')).fill('Hoe zwaar weegt wat?');
  for (const name of criteria) await chair.page.getByRole('button', { name: t('poll.addCriterion', { name }) }).click();
  await chair.page.getByRole('button', { name: t('poll.create') }).click();
  const vote = async (page: Page, values: number[]) => {
    for (const [i, name] of criteria.entries()) await page.getByLabel(name, { exact: true }).fill(String(values[i]));
    await page.getByRole('button', { name: t('poll.vote') }).click();
    await page.getByText(t('poll.voted')).waitFor();
  };
  await vote(participant.page, [50, 30, 20]);
  await vote(guest.page, [20, 30, 50]);
  expect(await guest.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(guest.page, 'session-whole-guest-voted-390');
  await chair.page.getByRole('button', { name: t('poll.close') }).click();
  await chair.page.getByRole('button', { name: t('poll.applyWeights') }).click();
  await chair.page.getByText(t('poll.weightsApplied')).waitFor();
  // Both parties weigh the same: (50 + 20, 30 + 30, 20 + 50) of 200 points.
  expect(weightsIn(storedDoc(server, documentId))).toEqual([35, 30, 35]);

  // Step 6, closing: the next reflection moment, then the end and the minutes.
  await nextStep(chair.page);
  await chair.page.getByLabel(t('session.reflection.date')).fill('2027-06-15');
  await chair.page.getByRole('button', { name: t('session.reflection.submit') }).click();
  await chair.page.getByRole('status').filter({ hasText: '2027-06-15' }).waitFor();
  await screenshot(chair.page, 'session-whole-chair-closing');
  await chair.page.getByRole('button', { name: t('session.end') }).click();
  await chair.page.getByRole('link', { name: t('session.minutesLink') }).waitFor();
  await guest.page.getByRole('link', { name: t('session.minutesLink') }).waitFor({ timeout: 10_000 });

  const ended = (await workshop.owner.get(`/api/sessions/${session.id}`)).body;
  const minutes = storedDoc(server, ended.minutesDocumentId).getXmlFragment(DOCUMENT_FRAGMENT).toString();
  for (const expected of ['Fatma (gast)', 'Een buurtkamer die ook op zondag open is', 'Vaste gezichten in de wijk', 'Hoe zwaar weegt wat?', 'Bewoners', 'Zorgcoöperatie']) {
    expect(minutes, expected).toContain(expected);
  }
  expect(people.flatMap((p) => p.problems).filter((p) => !/401 \(Unauthorized\)/.test(p))).toEqual([]);
}, 180_000);
