/**
 * Steps with the structured blocks and the workspace registers: insert a block from the slash
 * menu, fill an action's fields, find a register row, and check that a deep link scrolled to
 * its block. Labels come from the Dutch dictionary, like in steps.ts.
 */
import type { Locator, Page } from 'playwright-core';
import { editor, t } from './steps';

export type BlockKind = 'action' | 'commitment' | 'reflection' | 'criterion';

/** A block's card in the editor by its id (the outer element is `id="block-<id>"`). */
export const blockCard = (page: Page, blockId: string) => page.locator(`[id="block-${blockId}"]`);

/** The control of one of a block card's fields, by its exact label. */
export const blockField = (card: Locator, labelKey: Parameters<typeof t>[0]) => card.getByLabel(t(labelKey), { exact: true });

/**
 * Types `/<keyword>` at the start of the empty paragraph the caret is in, waits until the slash
 * menu offers `kind` as its chosen item, presses Enter and returns the new block's id. The
 * caret is then in the block's text.
 */
export async function insertBlockBySlash(page: Page, keyword: string, kind: BlockKind): Promise<string> {
  const before = new Set(await editor(page).locator(`[data-testid=block-${kind}]`).evaluateAll((els) => els.map((el) => el.getAttribute('data-block-id'))));
  await page.keyboard.type(`/${keyword}`);
  const menu = page.getByTestId('slash-menu');
  await menu.getByRole('option', { name: t(`block.kind.${kind}`), selected: true }).waitFor();
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'detached' });
  const known = [...before].filter((id): id is string => !!id);
  const created = await page.waitForFunction(
    ([kind, known]) => {
      const ids = [...document.querySelectorAll(`[data-testid=editor] [data-testid=block-${kind}]`)].map((el) => el.getAttribute('data-block-id'));
      return ids.find((id) => id && !known.includes(id)) ?? false;
    },
    [kind, known] as const,
  );
  return (await created.jsonValue()) as string;
}

/** Puts the caret in the empty last paragraph of the document (a block at the end leaves one). */
export async function caretInEmptyLastParagraph(page: Page): Promise<void> {
  const last = editor(page).locator(':scope > p:last-child');
  if ((await last.textContent()) !== '') throw new Error('the document does not end in an empty paragraph');
  await last.click();
  await page.keyboard.press('Control+End');
}

export interface ActionValues {
  party: string;
  person: string;
  due: string;
  status: 'open' | 'in_progress' | 'done' | 'blocked';
  funding: 'existing' | 'extra' | 'unknown';
}

/**
 * Types `YYYY-MM-DD` into a date field the way a person does: day, month and year into its
 * segments (nl-NL and en-GB both put the day first; each segment moves on when it is full).
 */
export async function fillDate(field: Locator, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await field.locator('[role="spinbutton"]').first().pressSequentially(`${day}${month}${year}`);
}

/** The `YYYY-MM-DD` a date field holds ('' for none). */
export const dateValue = async (field: Locator): Promise<string> => (await field.getAttribute('data-value')) ?? '';

/** Chooses an action card's owner party, lead person, due date, status and funding. */
export async function fillAction(card: Locator, values: ActionValues): Promise<void> {
  // The person list follows the party, so the party goes first.
  await blockField(card, 'action.ownerParty').selectOption({ label: values.party });
  await blockField(card, 'action.ownerUser').selectOption({ label: values.person });
  await fillDate(blockField(card, 'action.due'), values.due);
  await blockField(card, 'action.status').selectOption(values.status);
  await blockField(card, 'action.funding').selectOption(values.funding);
}

/** What an action card's controls show: the party and person by their option text. */
export async function actionCardValues(card: Locator) {
  const chosen = (labelKey: Parameters<typeof t>[0]) =>
    blockField(card, labelKey).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
  return {
    party: await chosen('action.ownerParty'),
    person: await chosen('action.ownerUser'),
    due: await dateValue(blockField(card, 'action.due')),
    status: await blockField(card, 'action.status').inputValue(),
    funding: await blockField(card, 'action.funding').inputValue(),
    text: (await card.locator('.block-card__text').textContent()) ?? '',
  };
}

/** Opens a register from the workspace page's tabs and waits until it listens for changes. */
export async function openRegister(page: Page, workspaceUrl: string, register: 'actions' | 'commitments' | 'reflections' | 'criteria'): Promise<void> {
  await page.goto(workspaceUrl);
  await page.getByTestId(`tab-${register}`).click();
  await page.getByRole('heading', { name: t(`tabs.${register}`), level: 1 }).waitFor();
  await page.locator('[data-testid=live-badge].live-badge--live').waitFor();
}

/** An action's row in the Acties register. */
export const actionRow = (page: Page, blockId: string) => page.locator(`[data-testid=action-row][data-block-id="${blockId}"]`);

/** Where a block and its head (kind, proposer) are on screen, and whether it is highlighted. */
export function revealState(page: Page, blockId: string) {
  return page.evaluate((blockId) => {
    const block = document.getElementById(`block-${blockId}`);
    const head = block?.querySelector('.block-card__head');
    const first = document.querySelector('[data-testid=editor] > :first-child');
    const box = block?.getBoundingClientRect();
    const headBox = head?.getBoundingClientRect();
    return {
      found: !!block,
      highlighted: !!block?.querySelector('.block-card--highlight'),
      top: box ? Math.round(box.top) : null,
      bottom: box ? Math.round(box.bottom) : null,
      headInView: !!headBox && headBox.top >= 0 && headBox.bottom <= window.innerHeight,
      wholeInView: !!box && box.top >= 0 && box.bottom <= window.innerHeight,
      viewportHeight: window.innerHeight,
      scrolledPastTop: !!first && first.getBoundingClientRect().bottom < 0,
    };
  }, blockId);
}

/**
 * Waits until the block a deep link points at is highlighted and wholly on screen, and the
 * top of the document is not: the page scrolled to it. On timeout, says every state it saw.
 */
export async function waitBlockRevealed(page: Page, blockId: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  const seen: string[] = [];
  for (;;) {
    const state = await revealState(page, blockId);
    const line = JSON.stringify(state);
    if (seen.at(-1) !== line) seen.push(line);
    if (state.highlighted && state.wholeInView && state.scrolledPastTop) return;
    if (Date.now() > deadline) throw new Error(`block ${blockId} was not revealed in ${timeout} ms; seen:\n${seen.join('\n')}`);
    // Poll again on the next frames; the reveal waits for the document to sync.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
}
