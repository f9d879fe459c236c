/**
 * What a person does in the werktafel UI, one function per step. Elements are found by their
 * accessible label or name (texts come from the Dutch dictionary, so a reworded label does
 * not break the tests), by form field `name` (equal to the API field) and by `data-testid`.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { translate, type MessageKey, type MessageParams } from '../../client/i18n/translate';

/** The Dutch text the client shows for `key` (Dutch is the default language). */
export const t = (key: MessageKey, params?: MessageParams) => translate('nl', key, params);

export interface Account {
  name: string;
  email: string;
  password: string;
}

let accounts = 0;

/** A fresh account; the e-mail address is unique per run so tests never collide. */
export function newAccount(name: string): Account {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '.');
  return { name, email: `${slug}.${process.pid}.${Date.now()}.${accounts++}@example.nl`, password: 'een-lang-wachtwoord' };
}

/** Fills the sign-up form on the current page (the sign-up page or an invite) and submits it. */
export async function fillSignUp(page: Page, account: Account): Promise<void> {
  const form = page.locator('form', { has: page.locator('input[name=password]') });
  await form.locator('input[name=name]').fill(account.name);
  await form.locator('input[name=email]').fill(account.email);
  await form.locator('input[name=password]').fill(account.password);
  await form.getByRole('button', { name: t('signup.submit') }).click();
}

export async function signUpOnSignupPage(page: Page, origin: string, account: Account): Promise<void> {
  await page.goto(`${origin}/aanmelden`);
  await fillSignUp(page, account);
  await page.getByRole('heading', { name: t('home.title'), level: 1 }).waitFor();
}

/** Creates a workspace from the home page and returns its URL. */
export async function createWorkspace(page: Page, name: string): Promise<string> {
  await page.getByLabel(t('home.createName')).fill(name);
  await page.getByRole('button', { name: t('home.createSubmit') }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  return page.url();
}

const region = (page: Page, titleKey: MessageKey) => page.getByRole('region', { name: t(titleKey), exact: true });

export async function addParty(page: Page, name: string, kind: string): Promise<void> {
  const parties = region(page, 'parties.title');
  const form = parties.locator('form', { has: page.getByRole('button', { name: t('parties.add') }) });
  await form.getByLabel(t('parties.name')).fill(name);
  await form.getByLabel(t('parties.kind')).selectOption(kind);
  await form.getByRole('button', { name: t('parties.add') }).click();
  // The party's row appears once the server stored it and the workspace reloaded.
  await parties.getByRole('button', { name: t('parties.edit', { name }) }).waitFor();
}

/** Picks the party of a member in the members table (the owner does this for themselves). */
export async function chooseMemberParty(page: Page, memberName: string, partyName: string): Promise<void> {
  await page.getByLabel(t('members.partyOf', { name: memberName })).selectOption({ label: partyName });
  // "namens <party>" appears under the workspace title once the server stored the choice.
  await page.getByText(t('ws.noPartyOwner')).waitFor({ state: 'detached' });
}

/** Creates an invite link for a role and a party and returns the URL shown once. */
export async function createInviteLink(page: Page, role: string, partyName: string): Promise<string> {
  const invites = region(page, 'invites.title');
  await invites.getByLabel(t('invites.role'), { exact: true }).selectOption(role);
  await invites.getByLabel(t('invites.party'), { exact: true }).selectOption({ label: partyName });
  await invites.getByRole('button', { name: t('invites.create') }).click();
  const link = invites.getByLabel(t('invites.newLink'));
  await link.waitFor();
  return link.inputValue();
}

/** Creates a blank document from the workspace page, lands in its editor, returns its URL. */
export async function createDocument(page: Page, title: string): Promise<string> {
  const docs = region(page, 'docs.title');
  await docs.getByLabel(t('docs.createTitle')).fill(title);
  await docs.getByRole('button', { name: t('docs.create') }).click();
  await page.waitForURL(/\/d\/[^/]+$/);
  await editor(page).waitFor();
  return page.url();
}

/** Opens an invite link signed out, signs up on the invite page and accepts the invite. */
export async function acceptInviteAsNewPerson(page: Page, inviteUrl: string, account: Account): Promise<void> {
  await page.goto(inviteUrl);
  await page.getByRole('heading', { name: t('invite.title'), level: 1 }).waitFor();
  await fillSignUp(page, account);
  await page.getByRole('button', { name: t('invite.accept') }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  await page.getByRole('heading', { name: t('docs.title') }).waitFor();
}

export const editor = (page: Page) => page.getByTestId('editor');
export const presence = (page: Page) => page.getByTestId('presence');
export const connection = (page: Page) => page.getByTestId('connection-state');

/** Waits until the editor shows `text` (for hooks, where `expect.poll` is not available). */
export const waitForEditorText = (page: Page, text: string, timeout = 10_000) =>
  editor(page).filter({ hasText: text }).waitFor({ timeout });

export const editorText = async (page: Page) => (await editor(page).textContent()) ?? '';

/** Another person's caret label inside the editor; the label text is `name · party`. */
export const caretLabel = (page: Page, label: string) => editor(page).locator(`[data-label="${label}"]`);

/**
 * Waits until another person's caret shows at the end of a top-level block (0 is the first,
 * -1 the last). Their caret is drawn from their editor's state, so this also proves that
 * their editor has taken in a caret move the browser made natively (a click, End): keys
 * pressed before that would act on the old position.
 */
export async function caretAtEndOfBlock(page: Page, label: string, block: number, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    ([label, block]) => {
      const blocks = [...(document.querySelector('[data-testid=editor]')?.children ?? [])];
      const target = blocks.at(block);
      const caret = target?.querySelector(`[data-label="${label}"]`)?.parentElement;
      if (!target || !caret) return false;
      const before = document.createRange();
      before.setStart(target, 0);
      before.setEndBefore(caret);
      return before.toString() === target.textContent;
    },
    [label, block] as const,
    { timeout },
  );
}

/** The text of each top-level block of the document (paragraphs, headings, ...). */
export const blockTexts = (page: Page) => editor(page).evaluate((root) => [...root.children].map((child) => child.textContent ?? ''));

/** Waits until the collaboration socket is connected and every own edit is stored. */
export async function waitConnectedAndSaved(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('[data-testid=connection-state][data-state=connected][data-saved=true]').waitFor({ timeout });
}

/** Opens a document and waits until its socket is connected and its content synced. */
export async function openDocument(page: Page, documentUrl: string): Promise<void> {
  await page.goto(documentUrl);
  await editor(page).waitFor();
  await waitConnectedAndSaved(page);
}

/** Gives a browser context the session cookie of a client signed up through the API. */
export async function signInWithCookie(context: BrowserContext, origin: string, cookie: string | null): Promise<void> {
  if (!cookie) throw new Error('client has no session cookie');
  const at = cookie.indexOf('=');
  await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: origin }]);
}

/** Puts the caret before the `offset`-th character of the document's first paragraph, by keyboard. */
export async function caretInFirstParagraph(page: Page, offset: number): Promise<void> {
  await editor(page).focus();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight');
}

/** The rgb() a CSS hex colour computes to, as the browser reports colours. */
export function rgbOf(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
