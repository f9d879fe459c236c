/**
 * Where a suggestion is in the document: the runs of characters carrying its mark, and whether
 * each lies inside a commitment (whose party alone decides there). Read from the live Y.Doc by
 * the decide command, and again inside the server change, since the text may move meanwhile.
 */
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { textNodes } from '../../shared/editor/yxml';
import { suggestionIdOf, suggestionMarkNames, type SuggestionMarkName } from '../../shared/suggestions/suggestionMarks';

export interface SuggestionRange {
  text: Y.XmlText;
  index: number;
  length: number;
  mark: SuggestionMarkName;
  /** The `partyId` of the commitment around the text; undefined outside commitments. */
  commitmentParty: { partyId: unknown } | undefined;
}

/** The nearest commitment element around a text node, if any. */
function commitmentAround(text: Y.XmlText): { partyId: unknown } | undefined {
  for (let node: unknown = text.parent; node instanceof Y.XmlElement; node = node.parent) {
    if (node.nodeName === 'commitment') return { partyId: node.getAttribute('partyId') };
  }
  return undefined;
}

type DeltaOp = { insert: unknown; attributes?: Record<string, unknown> };

/** Every run of characters carrying the suggestion's mark, in document order. */
export function suggestionRanges(doc: Y.Doc, suggestionId: string): SuggestionRange[] {
  const ranges: SuggestionRange[] = [];
  for (const text of textNodes(doc.getXmlFragment(DOCUMENT_FRAGMENT))) {
    let index = 0;
    for (const op of text.toDelta() as DeltaOp[]) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      const mark = suggestionMarkNames.find((name) => suggestionIdOf(op.attributes?.[name]) === suggestionId);
      if (mark) {
        const last = ranges.at(-1);
        // Yjs splits a run where other formatting changes; one range per run of the mark.
        if (last && last.text === text && last.mark === mark && last.index + last.length === index) last.length += length;
        else ranges.push({ text, index, length, mark, commitmentParty: commitmentAround(text) });
      }
      index += length;
    }
  }
  return ranges;
}
