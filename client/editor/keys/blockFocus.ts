/**
 * A block card's own controls before its text (remove button, fields, note) and after it (a
 * commitment's confirm and withdraw), so Shift+Tab and Tab from the text reach them and the
 * nearest of them leads back. They sit inside the editor's element, where the browser's own
 * tab order would not go from the text to them.
 */
const focusable = 'button:not(:disabled), select:not(:disabled), input:not(:disabled), textarea:not(:disabled), a[href], [tabindex="0"]';

function controlsBeside(card: HTMLElement, side: 'before' | 'after'): HTMLElement[] {
  const text = card.querySelector('[data-node-view-content]');
  if (!text) return side === 'before' ? [...card.querySelectorAll<HTMLElement>(focusable)] : [];
  const wanted = side === 'before' ? Node.DOCUMENT_POSITION_FOLLOWING : Node.DOCUMENT_POSITION_PRECEDING;
  return [...card.querySelectorAll<HTMLElement>(focusable)].filter((element) => !text.contains(element) && element.compareDocumentPosition(text) & wanted);
}

/** The controls of `card` that come before its text, in document order. */
export const controlsBeforeText = (card: HTMLElement) => controlsBeside(card, 'before');

/** The controls of `card` that come after its text, in document order. */
export const controlsAfterText = (card: HTMLElement) => controlsBeside(card, 'after');

/** Focuses the first control after the card's text; false when it has none. */
export function focusFirstControlAfter(card: HTMLElement): boolean {
  const first = controlsAfterText(card)[0];
  if (!first) return false;
  first.focus();
  return true;
}

/** Focuses the last control before the card's text; false when it has none (a reader's card). */
export function focusLastControl(card: HTMLElement): boolean {
  const last = controlsBeforeText(card).at(-1);
  if (!last) return false;
  last.focus();
  return true;
}
