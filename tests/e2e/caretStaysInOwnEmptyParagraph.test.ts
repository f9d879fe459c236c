/**
 * Known bug, reproduced in real Chromium: Bram presses Enter and waits in his new, empty
 * paragraph at the end; Anouk presses Enter at the end of the paragraph above it. What Bram
 * types next lands in Anouk's new paragraph, and his own stays empty.
 *
 * Cause: @tiptap/y-tiptap 3.0.9 (the sync plugin under @tiptap/extension-collaboration)
 * turns Anouk's ProseMirror change into a Yjs change in `updateYFragment`, which matches
 * children from the left by value (`equalYTypePNode`) when the node identity differs. Her
 * new empty paragraph equals Bram's empty one, so it takes over Bram's Yjs paragraph, and
 * the paragraph that really was Bram's is appended as a new Yjs element. Bram's caret is
 * anchored to his Yjs paragraph, which now renders where Anouk is writing. The same happens
 * whenever two sibling blocks are equal (both empty, or the same text).
 *
 * `test.fails`: green while the bug is there. When a fixed y-tiptap arrives this turns red;
 * then drop `.fails` and keep the test as a regression test.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { addMember, buildWorkshop } from '../helpers/apiClient';
import { builtClientDir, launchBrowser, newPerson, type Person } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { blockTexts, caretAtEndOfBlock, editor, editorText, openDocument, signInWithCookie, waitConnectedAndSaved, waitForEditorText } from './steps';

let server: TestServer;
let browser: Browser;
let anouk: Person;
let bram: Person;
const anoukLabel = 'Eigenaar · Gemeente';
const bramLabel = 'Bram Jansen · Gemeente';
const opening = 'De gemeente opent de uitvraag op 1 maart.';
const bramText = 'Bewoners willen meebeslissen.';

// Everything up to the moment of the bug happens here, so a broken setup fails the file
// instead of counting as the expected failure.
beforeAll(async () => {
  server = await startTestServer({ CLIENT_DIR: builtClientDir() });
  browser = await launchBrowser();
  const workshop = await buildWorkshop(server.origin);
  const editorMember = await addMember(workshop, server.origin, 'editor', 'Bram Jansen');
  anouk = await newPerson(browser, 'anouk');
  bram = await newPerson(browser, 'bram');
  await signInWithCookie(anouk.context, server.origin, workshop.owner.cookie);
  await signInWithCookie(bram.context, server.origin, editorMember.cookie);
  const documentUrl = `${server.origin}/d/${workshop.documentId}`;

  await openDocument(anouk.page, documentUrl);
  await editor(anouk.page).click();
  await anouk.page.keyboard.type(opening);
  await waitConnectedAndSaved(anouk.page);

  await openDocument(bram.page, documentUrl);
  await waitForEditorText(bram.page, opening);
  await editor(bram.page).click();
  await bram.page.keyboard.press('Control+End');
  await bram.page.keyboard.press('Enter');
  await waitConnectedAndSaved(bram.page);
  // Bram waits in his empty last paragraph; Anouk's caret is still after her sentence.
  await caretAtEndOfBlock(anouk.page, bramLabel, -1);
  await caretAtEndOfBlock(bram.page, anoukLabel, 0);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test.fails('a caret in an empty paragraph stays there when someone adds an empty paragraph above it', async () => {
  await anouk.page.keyboard.press('Enter');
  // Bram's editor has Anouk's new paragraph once her caret shows in it.
  await caretAtEndOfBlock(bram.page, anoukLabel, 1);
  await bram.page.keyboard.type(bramText);

  await expect.poll(() => editorText(anouk.page), { timeout: 10_000 }).toContain(bramText.slice(-1));
  await expect.poll(() => editorText(anouk.page), { timeout: 10_000 }).toHaveLength(opening.length + bramText.length);
  expect(await blockTexts(anouk.page)).toEqual([opening, '', bramText]);
}, 30_000);
