import type { DecorationAttrs } from '@tiptap/pm/view';
import { isHexColor, noPartyColor, readableTextColor } from '../color';

function colorOf(user: Record<string, unknown>): string {
  return isHexColor(user.color) ? user.color : noPartyColor;
}

/**
 * The caret of another person: a line in their party colour with a label "name · party".
 * Styles are set through the CSSOM (element.style), which a strict CSP allows.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = colorOf(user);
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  caret.style.borderColor = color;

  const label = document.createElement('span');
  label.className = 'collab-caret__label';
  label.style.backgroundColor = color;
  label.style.color = readableTextColor(color);
  const name = typeof user.name === 'string' ? user.name : '';
  const party = typeof user.partyName === 'string' && user.partyName ? ` · ${user.partyName}` : '';
  // Shown through CSS `content: attr(data-label)`, so the name is not part of the document's text.
  label.dataset.label = name + party;

  caret.append(label);
  return caret;
}

/** Another person's selection, tinted in their party colour. */
export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  return {
    class: 'collab-selection',
    style: `background-color: ${colorOf(user)}38`,
  };
}
