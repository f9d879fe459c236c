/**
 * Issue 14, items 5 and 6 in Chromium: the chair opens a points poll over three award criteria
 * on the session page (the criteria offered by the form), a participant on a 390-px phone spreads
 * 100 points with the counter showing what is left, the chair closes the poll and applies the
 * weights, which end up in the criteria document adding up to 100.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, buildWorkshop } from '../helpers/apiClient';
import { storedDoc } from '../helpers/collab';
import { blockElement } from '../helpers/documents';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { startedSession } from '../helpers/sessions';
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

test('a points poll over criteria, voted on a phone, becomes the weights', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const participantApi = await addMember(workshop, server.origin, 'commenter', 'Pim Partner');
  const client = connectProvider(workshop.documentId, { cookie: workshop.owner.cookie!, origin: server.origin });
  await waitForSync(client.provider);
  const fragment = client.doc.getXmlFragment(DOCUMENT_FRAGMENT);
  fragment.insert(0, criteria.map((text, i) => blockElement('criterion', { id: `e2e-crit-${i}`, kind: 'award', category: 'quality', weight: '0' }, text)));
  await eventually(async () => expect((await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}/criteria`)).body).toHaveLength(3));
  client.provider.destroy();
  const session = await startedSession(workshop);

  const chair = await newPerson(browser, 'chair');
  const participant = await newPerson(browser, 'participant');
  onTestFailed(() => console.error([...chair.problems, ...participant.problems].join('\n')));
  await participant.page.setViewportSize({ width: 390, height: 844 });
  await signInWithCookie(chair.context, server.origin, workshop.owner.cookie);
  await signInWithCookie(participant.context, server.origin, participantApi.cookie);

  await chair.page.goto(`${server.origin}/sessie/${session.id}`);
  await chair.page.getByLabel(t('poll.question')).fill('Hoe zwaar weegt wat?');
  for (const name of criteria) await chair.page.getByRole('button', { name: t('poll.addCriterion', { name }) }).click();
  await chair.page.getByRole('button', { name: t('poll.create') }).click();
  await chair.page.getByRole('heading', { name: 'Hoe zwaar weegt wat?' }).waitFor();

  await participant.page.goto(`${server.origin}/sessie/${session.id}`);
  const values = [50, 30, 20];
  for (const [i, name] of criteria.entries()) await participant.page.getByLabel(name, { exact: true }).fill(String(values[i]));
  await expect.poll(() => participant.page.getByText(t('poll.pointsLeft', { left: 0, budget: 100 })).count()).toBe(1);
  // Nothing on the phone is wider than the phone.
  expect(await participant.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(participant.page, 'session-poll-phone');
  await participant.page.getByRole('button', { name: t('poll.vote') }).click();
  await participant.page.getByText(t('poll.voted')).waitFor();

  await chair.page.getByRole('button', { name: t('poll.close') }).click();
  await chair.page.getByRole('button', { name: t('poll.applyWeights') }).click();
  await chair.page.getByText(t('poll.weightsApplied')).waitFor();
  await screenshot(chair.page, 'session-poll-weights');

  const doc = storedDoc(server, workshop.documentId);
  const weights = doc
    .getXmlFragment(DOCUMENT_FRAGMENT)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'criterion')
    .map((n) => Number(n.getAttribute('weight')));
  doc.destroy();
  expect(weights).toEqual([50, 30, 20]);
  expect([...chair.problems, ...participant.problems]).toEqual([]);
}, 90_000);
