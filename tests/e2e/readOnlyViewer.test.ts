/**
 * A person invited as viewer reads along live, but the editor in their browser is not
 * editable, offers no formatting toolbar and says why. The workspace is set up through the
 * API (the sign-up and invite UI is covered by twoPeopleCoWrite); both people use the browser.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { addMember, buildWorkshop } from '../helpers/apiClient';
import { builtClientDir, launchBrowser, newPerson } from '../helpers/browser';
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

const first = 'De gemeente opent de uitvraag op 1 maart.';
const second = 'Inschrijven kan tot en met 15 april.';
const third = 'Vragen stellen kan tijdens de informatieavond.';
const attempted = 'Lezer typt mee';

test('a viewer reads the document live but cannot edit it', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const viewer = await addMember(workshop, server.origin, 'viewer', 'Lotte Lezer');
  const owner = await newPerson(browser, 'owner');
  const reader = await newPerson(browser, 'viewer');
  onTestFailed(() => console.error([...owner.problems, ...reader.problems].join('\n')));
  await signInWithCookie(owner.context, server.origin, workshop.owner.cookie);
  await signInWithCookie(reader.context, server.origin, viewer.cookie);
  const documentUrl = `${server.origin}/d/${workshop.documentId}`;

  await openDocument(owner.page, documentUrl);
  await editor(owner.page).click();
  await owner.page.keyboard.type(first);
  await waitConnectedAndSaved(owner.page);

  await openDocument(reader.page, documentUrl);
  await expect.poll(() => editorText(reader.page), { timeout: 10_000 }).toContain(first);

  // Not editable, no toolbar (the owner has one), and the notice names the role.
  expect(await editor(reader.page).getAttribute('contenteditable')).toBe('false');
  expect(await editor(owner.page).getAttribute('contenteditable')).toBe('true');
  const toolbar = (page: typeof owner.page) => page.getByRole('toolbar', { name: t('toolbar.label') });
  expect(await toolbar(owner.page).count()).toBe(1);
  expect(await toolbar(reader.page).count()).toBe(0);
  const notice = reader.page.getByText(t('doc.readOnly', { role: t('role.viewer').toLowerCase() }));
  await notice.waitFor({ state: 'visible' });
  expect(await owner.page.getByText(t('doc.readOnly', { role: t('role.owner').toLowerCase() })).count()).toBe(0);

  // Typing does nothing in the viewer's editor.
  await editor(reader.page).click();
  await reader.page.keyboard.press('Control+End');
  await reader.page.keyboard.type(attempted);
  expect(await editorText(reader.page)).not.toContain(attempted);

  // The owner keeps writing and the viewer reads along live.
  await owner.page.keyboard.press('Enter');
  await owner.page.keyboard.type(second);
  await expect.poll(() => editorText(reader.page), { timeout: 10_000 }).toContain(second);
  await owner.page.keyboard.press('Enter');
  await owner.page.keyboard.type(third);
  await expect.poll(() => editorText(reader.page), { timeout: 10_000 }).toContain(third);
  await waitConnectedAndSaved(owner.page);
  await expect.poll(async () => (await editorText(reader.page)) === (await editorText(owner.page)), { timeout: 10_000 }).toBe(true);

  // What the server stored (a reload) is the owner's text and nothing of the viewer's attempt.
  await reader.page.reload();
  await editor(reader.page).waitFor();
  await waitConnectedAndSaved(reader.page);
  await expect.poll(() => editorText(reader.page), { timeout: 10_000 }).toBe(await editorText(owner.page));
  const stored = await editorText(reader.page);
  for (const words of [first, second, third]) expect(stored).toContain(words);
  expect(stored).not.toContain(attempted);
  expect(await editor(reader.page).getAttribute('contenteditable')).toBe('false');
}, 60_000);
