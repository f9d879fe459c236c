/**
 * Two people from two parties write in the same document, each in their own browser context:
 * a municipality policy advisor sets up the workspace and invites a resident, who signs up on
 * the way. Both type at different places at the same time, see each other's text, caret and
 * presence, and a reload brings back everything the server stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import {
  acceptInviteAsNewPerson,
  addParty,
  caretAtEndOfBlock,
  caretLabel,
  chooseMemberParty,
  createDocument,
  createInviteLink,
  createWorkspace,
  editor,
  editorText,
  newAccount,
  openDocument,
  presence,
  signUpOnSignupPage,
  waitConnectedAndSaved,
} from './steps';

const repoRoot = path.resolve(import.meta.dirname, '../..');

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

const heading = 'De opgave';
const anoukFirst = 'Wij zoeken samen met bewoners en sociaal ondernemers naar dagbesteding die werkt.';
const anoukSecond = 'De gemeente stelt vanaf 2026 jaarlijks 1,2 miljoen euro beschikbaar.';
const bramText = 'Bewoners willen meebeslissen over de criteria en over de locatie.';

test('a policy advisor and a resident write in the same document and see each other', async ({ onTestFailed }) => {
  const a = await newPerson(browser, 'anouk');
  const b = await newPerson(browser, 'bram');
  onTestFailed(() => console.error([...a.problems, ...b.problems].join('\n')));
  const anouk = newAccount('Anouk de Vries');
  const bram = newAccount('Bram Jansen');

  // Anouk (Gemeente) sets up the table: workspace, both parties, her own party, an invite, a document.
  await signUpOnSignupPage(a.page, server.origin, anouk);
  await createWorkspace(a.page, 'Dagbesteding dak- en thuislozen 2026');
  await addParty(a.page, 'Gemeente', 'municipality');
  await addParty(a.page, 'Bewoners', 'residents');
  await chooseMemberParty(a.page, anouk.name, 'Gemeente');
  const inviteUrl = await createInviteLink(a.page, 'editor', 'Bewoners');
  expect(new URL(inviteUrl).origin).toBe(server.origin);
  const documentUrl = await createDocument(a.page, 'Uitvraag dagbesteding');

  await waitConnectedAndSaved(a.page);
  await editor(a.page).click();
  // "# " is the Markdown shortcut that turns the line into a heading.
  await a.page.keyboard.type(`# ${heading}`);
  await a.page.keyboard.press('Enter');
  await a.page.keyboard.type(anoukFirst);
  await waitConnectedAndSaved(a.page);

  // Bram (Bewoners) opens the link signed out, signs up on the invite page and accepts.
  await acceptInviteAsNewPerson(b.page, inviteUrl, bram);
  await openDocument(b.page, documentUrl);
  await expect.poll(() => editorText(b.page), { timeout: 10_000 }).toContain(anoukFirst);

  // Both type, in different places: Bram at the end, Anouk in a new paragraph under her
  // heading, the rest of their sentences at the same time. Each moves the caret while the
  // other is idle, and Enter waits until Anouk's caret move has reached Bram. Bram starts
  // before Anouk adds an empty paragraph: see caretStaysInOwnEmptyParagraph.test.ts.
  const [bramStart, bramRest] = [bramText.slice(0, 16), bramText.slice(16)];
  await editor(b.page).click();
  await b.page.keyboard.press('Control+End');
  await b.page.keyboard.type(bramStart);
  await expect.poll(() => editorText(a.page), { timeout: 10_000 }).toContain(bramStart);
  await caretAtEndOfBlock(a.page, 'Bram Jansen · Bewoners', -1);
  await editor(a.page).getByRole('heading', { name: heading }).click();
  await a.page.keyboard.press('End');
  await caretAtEndOfBlock(b.page, 'Anouk de Vries · Gemeente', 0);
  await a.page.keyboard.press('Enter');
  await Promise.all([a.page.keyboard.type(anoukSecond), b.page.keyboard.type(bramRest)]);

  // Each sees the other's words, in the same order, in the same document.
  await expect.poll(() => editorText(a.page), { timeout: 10_000 }).toContain(bramText);
  await expect.poll(() => editorText(b.page), { timeout: 10_000 }).toContain(anoukSecond);
  await expect.poll(async () => (await editorText(b.page)) === (await editorText(a.page)), { timeout: 10_000 }).toBe(true);
  const finalText = await editorText(a.page);
  expect(finalText.indexOf(heading)).toBe(0);
  expect(finalText.indexOf(anoukSecond)).toBeLessThan(finalText.indexOf(anoukFirst));
  expect(finalText.indexOf(anoukFirst)).toBeLessThan(finalText.indexOf(bramText));

  // Each sees the other's caret with name and party, and nobody sees their own.
  await caretLabel(a.page, 'Bram Jansen · Bewoners').waitFor({ state: 'visible', timeout: 10_000 });
  await caretLabel(b.page, 'Anouk de Vries · Gemeente').waitFor({ state: 'visible', timeout: 10_000 });
  expect(await caretLabel(a.page, 'Anouk de Vries · Gemeente').count()).toBe(0);
  expect(await caretLabel(b.page, 'Bram Jansen · Bewoners').count()).toBe(0);

  // The presence list of each shows both people with their parties.
  for (const person of [a, b]) {
    const entries = presence(person.page).getByRole('listitem');
    await expect.poll(() => entries.allTextContents(), { timeout: 10_000 }).toHaveLength(2);
    const texts = await entries.allTextContents();
    expect(texts.some((text) => text.includes('Anouk de Vries') && text.includes('Gemeente'))).toBe(true);
    expect(texts.some((text) => text.includes('Bram Jansen') && text.includes('Bewoners'))).toBe(true);
  }

  // Both connections are up and the server acknowledged every edit of both.
  await Promise.all([waitConnectedAndSaved(a.page), waitConnectedAndSaved(b.page)]);

  const shot = await screenshot(a.page, 'two-person-editor');
  if (process.env.UPDATE_SCREENSHOT === '1') fs.copyFileSync(shot, path.join(repoRoot, 'docs/screenshot.png'));

  // A reload loads the document from the server again: all the text is there.
  await b.page.reload();
  await editor(b.page).waitFor();
  await waitConnectedAndSaved(b.page);
  await expect.poll(() => editorText(b.page), { timeout: 10_000 }).toBe(finalText);
  for (const words of [heading, anoukFirst, anoukSecond, bramText]) expect(finalText).toContain(words);
}, 60_000);
