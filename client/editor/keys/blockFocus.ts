/**
 * A block card's own controls that come before its text (remove button, fields, note), so
 * Shift+Tab from the text can reach them and Tab from the last of them can come back. They sit
 * inside the editor's element, where the browser's own tab order would not go back to them.
 */
const focusable = 'button:not(:disabled), select:not(:disabled), input:not(:disabled), textarea:not(:disabled), a[href], [tabindex="0"]';

/** The controls of `card` that come before its text, in document order. */
export function controlsBeforeText(card: HTMLElement): HTMLElement[] {
  const text = card.querySelector('[data-node-view-content]');
  return [...card.querySelectorAll<HTMLElement>(focusable)].filter(
    (element) => !text || element.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
}

/** Focuses the last control before the card's text; false when it has none (a reader's card). */
export function focusLastControl(card: HTMLElement): boolean {
  const last = controlsBeforeText(card).at(-1);
  if (!last) return false;
  last.focus();
  return true;
}
