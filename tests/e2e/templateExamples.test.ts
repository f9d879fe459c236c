/**
 * A template's example blocks in the browser: each card says it is an example that counts
 * nowhere yet; writing elsewhere in the document leaves every mark alone; typing in an
 * example's text, or choosing its owner, makes it real (the badge goes, the register has it).
 * The workspace and document are made through the API; everything after that in the UI.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { buildWorkshop } from '../helpers/apiClient';
import { builtClientDir, launchBrowser, newPerson, screenshot } from '../helpers/browser';
import { storedDoc } from '../helpers/collab';
import { eventually } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { blockCard, blockField } from './blockSteps';
import { editor, openDocument, signInWithCookie, t, waitConnectedAndSaved } from './steps';

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

/** Block id -> its stored example mark. */
function storedMarks(documentId: string): Map<string, unknown> {
  const marks = new Map<string, unknown>();
  const doc = storedDoc(server, documentId);
  for (const child of doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray()) {
    if (child instanceof Y.XmlElement && child.getAttribute('id')) marks.set(child.getAttribute('id')!, child.getAttribute('example'));
  }
  doc.destroy();
  return marks;
}

test("a template's examples show as examples until someone edits or takes them over", async ({ onTestFailed }) => {
  const workshop = await buildWorkshop(server.origin);
  const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Plan De Kolk', template: 'plan-van-aanpak' });
  expect(created.status).toBe(201);
  const documentId = created.body.id as string;
  const actions = async () =>
    (await workshop.owner.get(`/api/workspaces/${workshop.workspaceId}/actions`)).body as { blockId: string; ownerPartyName: string | null }[];

  const person = await newPerson(browser, 'gemeente');
  const page = person.page;
  onTestFailed(async () => {
    console.error(person.problems.join('\n'));
    await screenshot(page, 'template-examples-failed');
  });
  await signInWithCookie(person.context, server.origin, workshop.owner.cookie);
  await openDocument(page, `${server.origin}/d/${documentId}`);

  // Every card says it is an example, and what that means.
  const cards = editor(page).locator('.block-card');
  const count = await cards.count();
  expect(count).toBeGreaterThan(3);
  expect(await editor(page).locator('.block-badge--example').count()).toBe(count);
  expect(await cards.first().locator('.block-badge--example').textContent()).toBe(t('block.example'));
  expect(await cards.first().locator('.block-card__example-hint').textContent()).toBe(t('block.exampleHint'));

  // Writing elsewhere in the document leaves every example as it was.
  await editor(page).locator('h2').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (concept)');
  await waitConnectedAndSaved(page);
  await eventually(() => expect(String(storedDoc(server, documentId).getXmlFragment(DOCUMENT_FRAGMENT).toString())).toContain('(concept)'));
  const marks = storedMarks(documentId);
  expect(marks.size).toBe(count);
  expect([...marks.values()].every((mark) => mark === true)).toBe(true);

  // Typing in an action's text makes it the person's: the badge goes, the register has it.
  const actionIds = await editor(page)
    .locator('[data-testid=block-action]')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-block-id')!));
  expect(actionIds.length).toBe(3);
  const [typed, owned, untouched] = actionIds as [string, string, string];
  expect((await actions()).map((a) => a.blockId)).not.toContain(typed);
  const typedCard = blockCard(page, typed);
  await typedCard.locator('.block-card__text p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Met de buurt.');
  await typedCard.locator('.block-badge--example').waitFor({ state: 'detached', timeout: 5_000 });
  await eventually(async () => expect((await actions()).map((a) => a.blockId)).toContain(typed));

  // Choosing an owner party takes another over.
  const ownedCard = blockCard(page, owned);
  await blockField(ownedCard, 'action.ownerParty').selectOption({ label: 'Gemeente' });
  await ownedCard.locator('.block-badge--example').waitFor({ state: 'detached', timeout: 5_000 });
  await eventually(async () => expect((await actions()).find((a) => a.blockId === owned)).toMatchObject({ ownerPartyName: 'Gemeente' }));
  await waitConnectedAndSaved(page);

  // The third is still an example, in the editor and for the register.
  expect(await blockCard(page, untouched).locator('.block-badge--example').count()).toBe(1);
  expect((await actions()).map((a) => a.blockId)).not.toContain(untouched);
  const after = storedMarks(documentId);
  // The server removes the mark; the editor may write it back as false on the next keystroke.
  expect([after.get(typed), after.get(owned), after.get(untouched)].map((mark) => mark === true)).toEqual([false, false, true]);
  await screenshot(page, 'template-examples');
});
