/**
 * New paragraphs as suggestions (issue 15), in two browsers. A commenter presses Enter at the
 * end of a paragraph and types: a new paragraph is proposed (a dashed line in her party colour,
 * her words underlined), live at the editor's, and listed as "Nieuwe alinea: …". Backspace in
 * her own empty proposed paragraph takes it back, and undo and redo work on it. Enter at the start of a paragraph proposes one
 * before it. The editor accepts the first (a plain paragraph everywhere) and rejects the second
 * (gone everywhere); the stored document says the same.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addMember, buildWorkshop } from '../helpers/apiClient';
import { axeViolations } from '../helpers/axe';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { ProviderPool, storedDoc } from '../helpers/collab';
import { appendParagraph } from '../helpers/documents';
import { eventually, waitForSync } from '../helpers/providers';
import { paragraphProposals, paragraphs } from '../helpers/suggestions';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { blockTexts, caretInFirstParagraph, editor, openDocument, rgbOf, signInWithCookie, t } from './steps';

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

const sentence = 'Wij vragen twee ruimtes.';
const kitchen = 'Ook een keuken.';
const garden = 'En een tuin.';

/** Each stored top-level paragraph as its text, with " (+)" when it is proposed. */
function storedShape(documentId: string): string[] {
  return paragraphProposals(storedDoc(server, documentId)).map(([text, id]) => text + (typeof id === 'string' ? ' (+)' : ''));
}

const proposedOnScreen = (page: Page) => editor(page).locator('.suggestion-paragraph').allTextContents();


test('a commenter proposes paragraphs with Enter; an editor sees them live, accepts one and rejects the other', async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const cora = await addMember(workshop, server.origin, 'commenter', 'Cora Bakker');
  const eddy = await addMember(workshop, server.origin, 'editor', 'Eddy Smit');
  const welzijn = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/parties`, { name: 'Welzijn Noord', kind: 'care_welfare' });
  await workshop.owner.patch(`/api/workspaces/${workshop.workspaceId}/members/${cora.userId}`, { partyId: welzijn.body.id });
  const writer = pool.connect(workshop.documentId, { cookie: eddy.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  appendParagraph(writer.doc, sentence);
  await eventually(() => expect(paragraphs(storedDoc(server, workshop.documentId))).toEqual([sentence]));
  pool.destroyAll();

  const a = await newPerson(browser, 'cora');
  const b = await newPerson(browser, 'eddy');
  onTestFailed(() => console.error([...a.problems, ...b.problems].join('\n')));
  await signInWithCookie(a.context, server.origin, cora.cookie!);
  await signInWithCookie(b.context, server.origin, eddy.cookie!);
  const url = `${server.origin}/d/${workshop.documentId}`;
  await openDocument(a.page, url);
  await openDocument(b.page, url);
  await a.page.getByText(t('suggest.onlySuggest')).waitFor();

  // Enter at the end of the paragraph, then her words: one proposal, the paragraph and its words.
  await caretInFirstParagraph(a.page, sentence.length);
  await a.page.keyboard.press('Enter');
  await a.page.keyboard.type(kitchen);
  await expect.poll(() => proposedOnScreen(a.page)).toEqual([kitchen]);
  expect(await editor(a.page).locator('.suggestion-paragraph .suggestion-insert').allTextContents()).toEqual([kitchen]);
  await eventually(() => expect(storedShape(workshop.documentId)).toEqual([sentence, `${kitchen} (+)`]));

  // Enter again and Backspace: her own empty proposed paragraph goes again.
  await a.page.keyboard.press('Enter');
  await eventually(() => expect(storedShape(workshop.documentId)).toEqual([sentence, `${kitchen} (+)`, ' (+)']));
  await a.page.keyboard.press('Backspace');
  await eventually(() => expect(storedShape(workshop.documentId)).toEqual([sentence, `${kitchen} (+)`]));
  await expect.poll(() => blockTexts(a.page)).toEqual([sentence, kitchen]);
  // Ctrl+Z proposes it again, Ctrl+Shift+Z takes it back again: as suggestions, her socket stays open.
  await a.page.keyboard.press('Control+z');
  await eventually(() => expect(storedShape(workshop.documentId)).toEqual([sentence, `${kitchen} (+)`, ' (+)']));
  await a.page.keyboard.press('Control+Shift+z');
  await eventually(() => expect(storedShape(workshop.documentId)).toEqual([sentence, `${kitchen} (+)`]));
  await expect.poll(() => blockTexts(a.page)).toEqual([sentence, kitchen]);

  // Enter in the middle of a paragraph would split it: refused, with the reason.
  await caretInFirstParagraph(a.page, 4);
  await a.page.keyboard.press('Enter');
  await expect.poll(() => a.page.getByTestId('suggest-refusal').textContent()).toBe(t('suggest.refused.splitParagraph'));

  // Enter at the start proposes a paragraph before it; she goes up into it and types.
  await caretInFirstParagraph(a.page, 0);
  await a.page.keyboard.press('Enter');
  await a.page.keyboard.press('ArrowUp');
  await a.page.keyboard.type(garden);
  await eventually(() => expect(storedShape(workshop.documentId)).toEqual([`${garden} (+)`, sentence, `${kitchen} (+)`]));
  expect(await a.page.getByTestId('connection-state').textContent()).toContain(t('conn.connected'));
  await screenshot(a.page, 'suggest-paragraph-commenter');

  // Eddy sees both live, with a dashed line in Cora's colour, and in the list with her name.
  await expect.poll(() => proposedOnScreen(b.page), { timeout: 10_000 }).toEqual([garden, kitchen]);
  const lineColor = await editor(b.page).locator('.suggestion-paragraph').first().evaluate((el) => getComputedStyle(el).borderLeftColor);
  expect(lineColor).toBe(rgbOf((welzijn.body as { color: string }).color));
  const panel = b.page.getByTestId('suggestions-panel');
  await expect.poll(() => panel.textContent()).toContain(t('suggest.newParagraph', { text: kitchen }));
  expect(await panel.textContent()).toContain(t('suggest.newParagraph', { text: garden }));
  expect(await panel.textContent()).toContain('Cora Bakker');
  await screenshot(b.page, 'suggest-paragraph-editor');
  expect((await axeViolations(b.page)).map((v) => `${v.id}: ${v.targets.join(', ')}`)).toEqual([]);

  await panel.getByRole('button', { name: t('suggest.acceptLabel', { text: t('suggest.newParagraph', { text: kitchen }) }) }).click();
  await panel.getByRole('button', { name: t('suggest.rejectLabel', { text: t('suggest.newParagraph', { text: garden }) }) }).click();
  await eventually(() => expect(storedShape(workshop.documentId)).toEqual([sentence, kitchen]));
  for (const page of [a.page, b.page]) {
    await expect.poll(() => blockTexts(page), { timeout: 10_000 }).toEqual([sentence, kitchen]);
    expect(await proposedOnScreen(page)).toEqual([]);
    expect(await editor(page).locator('[data-suggestion-id]').count()).toBe(0);
  }
  expect([...a.problems, ...b.problems]).toEqual([]);
});
