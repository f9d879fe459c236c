/**
 * Where a suggestion is in the document: the runs of characters carrying its mark, the
 * paragraphs it proposes, and whether each lies inside a commitment (whose party alone decides there). Read from the live Y.Doc by
 * the decide command, and again inside the server change, since the text may move meanwhile.
 */
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { forEachXmlElement, textNodes } from '../../shared/editor/yxml';
import { paragraphSuggestionId } from '../../shared/suggestions/suggestedParagraph';
import { suggestionIdOf, suggestionMarkNames, type SuggestionMarkName } from '../../shared/suggestions/suggestionMarks';
import type { CharacterIds } from './judgeSuggestionWrite';

export interface SuggestionRange {
  text: Y.XmlText;
  index: number;
  length: number;
  mark: SuggestionMarkName;
  /** The `partyId` of the commitment around the text; undefined outside commitments. */
  commitmentParty: { partyId: unknown } | undefined;
}

/** The nearest commitment element around a text node or paragraph, if any. */
function commitmentAround(inner: Y.XmlText | Y.XmlElement): { partyId: unknown } | undefined {
  for (let node: unknown = inner.parent; node instanceof Y.XmlElement; node = node.parent) {
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

/** A paragraph the suggestion proposes (its `suggestion` attribute), and the commitment it sits in. */
export interface ProposedParagraph {
  element: Y.XmlElement;
  commitmentParty: { partyId: unknown } | undefined;
}

export function proposedParagraphs(doc: Y.Doc, suggestionId: string): ProposedParagraph[] {
  const found: ProposedParagraph[] = [];
  forEachXmlElement(doc.getXmlFragment(DOCUMENT_FRAGMENT), (element) => {
    if (paragraphSuggestionId(element) === suggestionId) found.push({ element, commitmentParty: commitmentAround(element) });
  });
  return found;
}

/** A stretch of characters in one text node. */
export interface CharacterRun {
  text: Y.XmlText;
  index: number;
  length: number;
}

/**
 * Where characters named by their Yjs ids are now: one run per stretch still in the text
 * (deleted ones are left out). Yjs may have merged them into the item before them meanwhile.
 */
export function characterRuns(doc: Y.Doc, characters: readonly CharacterIds[]): CharacterRun[] {
  const texts = new Set<Y.XmlText>();
  for (const { client, clock } of characters) {
    if (clock >= Y.getState(doc.store, client)) continue;
    const struct = Y.getItem(doc.store, Y.createID(client, clock));
    if (struct instanceof Y.Item && struct.parent instanceof Y.XmlText) texts.add(struct.parent);
  }
  const runs: CharacterRun[] = [];
  for (const text of texts) {
    let index = 0;
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue;
      for (const piece of characters) {
        if (piece.client !== item.id.client) continue;
        const from = Math.max(piece.clock, item.id.clock);
        const to = Math.min(piece.clock + piece.length, item.id.clock + item.length);
        if (from < to) runs.push({ text, index: index + from - item.id.clock, length: to - from });
      }
      index += item.length;
    }
  }
  return runs;
}
