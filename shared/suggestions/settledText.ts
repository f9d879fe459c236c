/**
 * Text as it stands without what is only proposed: characters under a `suggestionInsert` mark
 * are left out (text proposed for removal still stands until someone accepts that). What a party
 * confirmed in a commitment is this text, so a suggestion inside it does not undo the
 * confirmation; accepting one does, as any change of the text.
 */
import type * as Y from 'yjs';
import { textNodes } from '../editor/yxml';
import { inSuggestedParagraph } from './suggestedParagraph';
import { SUGGESTION_INSERT_MARK, suggestionIdOf } from './suggestionMarks';

type DeltaOp = { insert?: unknown; attributes?: Record<string, unknown> };

export function settledText(text: Y.XmlText): string {
  return (text.toDelta() as DeltaOp[])
    .map((op) => (typeof op.insert === 'string' && suggestionIdOf(op.attributes?.[SUGGESTION_INSERT_MARK]) === null ? op.insert : ''))
    .join('');
}

/**
 * The settled text of every XmlText under `root`, one entry per text node, in document order. A
 * proposed new paragraph is not there yet, so its text nodes are left out as a whole.
 */
export function settledTextsUnder(root: Y.XmlFragment | Y.XmlElement): string[] {
  return textNodes(root)
    .filter((text) => !inSuggestedParagraph(text))
    .map(settledText);
}
