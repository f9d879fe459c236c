/**
 * Issue 16: a person who switches werktafel to English sees English on every main page — home,
 * workspace, a document with all four blocks, the registers, a version and its comparison, the
 * account — and the server's messages in English too, although the browser itself is Dutch
 * (locale nl-NL). Every page's visible text is searched for words that only Dutch has.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { translate, type MessageKey, type MessageParams } from '../../client/i18n/translate';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { signUp } from '../helpers/apiClient';
import { builtClientDir, launchBrowser, newPerson } from '../helpers/browser';
import { blockElement } from '../helpers/documents';
import { connectProvider, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { openDocument, signInWithCookie } from './steps';

const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

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

/**
 * Words of the interface's Dutch that no English sentence of ours contains: function words
 * (matched with their case, so the "EN" of the language switch is no "en") and the nouns,
 * verbs and months the Dutch catalogue is made of.
 */
const dutchWords = [
  'de', 'het', 'een', 'van', 'en', 'met', 'voor', 'naar', 'niet', 'geen', 'nog', 'je', 'jouw', 'jij', 'wordt', 'zijn', 'heeft', 'tot',
  'Werkruimte', 'werkruimte', 'Werkruimtes', 'werkruimtes', 'Partij', 'partij', 'Partijen', 'partijen', 'Toezegging', 'Toezeggingen',
  'toezegging', 'Actie', 'actie', 'Acties', 'acties', 'Versie', 'versie', 'Versies', 'versies', 'Opslaan', 'Annuleren', 'Bewaren',
  'Inloggen', 'Uitloggen', 'Deelnemers', 'Uitnodiging', 'Uitnodigingen', 'Reflectiemoment', 'Reflectiemomenten', 'Gunning',
  'Weging', 'weging', 'Eigenaar', 'eigenaar', 'Trekker', 'Verbonden', 'Opgeslagen', 'Gegevens', 'Taal', 'dag', 'dagen', 'Bijgewerkt',
  'Klaar', 'Bezig', 'Gepland', 'Gehouden', 'Bevestigd', 'Voorgesteld', 'Ingetrokken', 'Financiering', 'Verwijderen', 'Bewerken',
  'Logboek', 'Soort', 'Categorie', 'Kwaliteit', 'Prijs', 'Datum', 'Vergelijken', 'Terugzetten', 'Wachtwoord', 'wachtwoord',
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'Let op', 'Over',
];
const dutchPattern = new RegExp(`(?<![\\p{L}\\d])(${dutchWords.join('|')})(?![\\p{L}\\d])`, 'u');

/** The Dutch words on the page with a little of their surroundings, for a failure that says where. */
async function dutchOn(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const found: string[] = [];
  const global = new RegExp(dutchPattern.source, 'gu');
  for (const match of text.matchAll(global)) found.push(text.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30).replace(/\s+/g, ' '));
  return found;
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A workspace in English words, with one party, a document holding one block of each kind, and a version. */
async function englishWorkshop() {
  const owner = await signUp(server.origin, 'Sam Hughes');
  const workspace = (await owner.post('/api/workspaces', { name: 'Harbour day centre 2027' })).body;
  const party = (await owner.post(`/api/workspaces/${workspace.id}/parties`, { name: 'Harbour Trust', kind: 'residents' })).body;
  await owner.patch(`/api/workspaces/${workspace.id}/members/${owner.userId}`, { partyId: party.id });
  const document = (await owner.post(`/api/workspaces/${workspace.id}/documents`, { title: 'Call for proposals', template: 'blank' })).body;
  const { doc, provider } = connectProvider(document.id, { origin: server.origin, cookie: owner.cookie });
  await waitForSync(provider);
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  const action = blockElement('action', { id: 'a1', ownerPartyId: party.id, ownerUserId: owner.userId, due: '2027-03-15', status: 'in_progress', funding: 'extra' }, 'Open the workshop');
  fragment.insert(0, [
    action,
    blockElement('commitment', { id: 'c1', partyId: party.id, status: 'proposed' }, 'We provide the room'),
    blockElement('reflection', { id: 'r1', date: isoDay(1), status: 'planned' }, 'What did we learn?'),
  ]);
  await expect.poll(async () => (await owner.get(`/api/workspaces/${workspace.id}/reflections`)).body.length, { timeout: 10_000 }).toBe(1);
  const version = (await owner.post(`/api/documents/${document.id}/versions`, { label: 'First draft' })).body;
  // After the version: a new block and a changed field, so the comparison has blocks to word.
  fragment.insert(fragment.length, [blockElement('criterion', { id: 'k1', kind: 'award', weight: '', category: 'quality' }, 'Quality of the plan')]);
  action.setAttribute('funding', 'existing');
  await expect.poll(async () => (await owner.get(`/api/workspaces/${workspace.id}/criteria`)).body.length, { timeout: 10_000 }).toBe(1);
  provider.destroy();
  return { owner, workspaceId: workspace.id as string, documentId: document.id as string, versionId: version.id as string };
}

test('in English every main page is free of Dutch words, the dates included', { timeout: 120_000 }, async ({ onTestFailed }) => {
  const { owner, workspaceId, documentId, versionId } = await englishWorkshop();
  const person = await newPerson(browser, 'sam');
  onTestFailed(() => console.error(person.problems.join('\n')));
  const { page } = person;
  await signInWithCookie(person.context, server.origin, owner.cookie);
  const visit = async (path: string, ready: () => Promise<unknown>) => {
    await page.goto(server.origin + path);
    await ready();
    expect(await dutchOn(page), path).toEqual([]);
  };

  // The switch, on the first page: the browser is Dutch, the person chooses English.
  await page.goto(server.origin + '/');
  await page.getByRole('button', { name: /English/ }).click();
  await page.getByRole('heading', { name: en('home.title'), level: 1 }).waitFor();
  expect(await dutchOn(page), 'home').toEqual([]);

  await visit(`/w/${workspaceId}`, () => page.getByRole('heading', { name: en('docs.title') }).waitFor());

  await openDocument(page, `${server.origin}/d/${documentId}`);
  await page.locator('[data-testid=block-criterion]').waitFor();
  const due = page.locator('[data-testid=block-action]').getByRole('group', { name: en('action.due'), exact: true });
  // en-GB: day, month, year — not the browser's Dutch "15-03-2027", nor month first.
  expect((await due.innerText()).replace(/[\u2066-\u2069\s]/g, '')).toBe('15/03/2027');
  await page.getByText(en('reflection.upcoming', { count: 1 }), { exact: true }).waitFor();
  await page.getByText(en('criteria.unweighted', { count: 1 }), { exact: true }).waitFor();
  expect(await dutchOn(page), 'document').toEqual([]);

  for (const register of ['actions', 'commitments', 'reflections', 'criteria'] as const) {
    await page.goto(`${server.origin}/w/${workspaceId}`);
    await page.getByTestId(`tab-${register}`).click();
    await page.getByRole('heading', { name: en(`tabs.${register}`), level: 1 }).waitFor();
    await page.locator('[data-testid=live-badge].live-badge--live').waitFor();
    expect(await dutchOn(page), register).toEqual([]);
  }

  await visit(`/d/${documentId}/versies/${versionId}`, () => page.getByText('First draft').first().waitFor());
  await visit(`/d/${documentId}/versies/${versionId}/vergelijken/nu`, () =>
    page.getByText("action 'Open the workshop': funding needs extra funding -> existing work and budget").waitFor(),
  );
  await page.getByText("criterion 'Quality of the plan' added").waitFor();

  await visit('/account', () => page.getByRole('heading', { name: en('account.title'), level: 1 }).waitFor());
  // A refusal by the server, in English: a wrong current password.
  await page.getByLabel(en('account.currentPassword'), { exact: true }).fill('not-my-password');
  await page.getByLabel(en('account.newPassword'), { exact: true }).fill('a-new-long-password');
  await page.getByRole('button', { name: en('account.changePassword') }).click();
  await page.getByText(translate('en', 'error.wrongPassword')).first().waitFor();
  expect(await dutchOn(page), 'account after a refusal').toEqual([]);
  // The refused request is logged by the browser as a failed load; nothing else may be.
  expect(person.problems.filter((problem) => !/status of 400/.test(problem))).toEqual([]);
});

test('the word list finds Dutch where there is Dutch', async () => {
  const person = await newPerson(browser, 'check');
  await person.page.setContent(`<p>${translate('nl', 'reflection.upcoming', { count: 2 })}</p><p>EN · English</p>`);
  expect(await dutchOn(person.page)).toHaveLength(2);
  await person.page.setContent('<p>EN · English · Harbour Trust · In 2 days</p>');
  expect(await dutchOn(person.page)).toEqual([]);
  await person.context.close();
});
