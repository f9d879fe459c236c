/**
 * Which suggestions still have something in the document: a character carrying the id in a
 * `suggestionInsert` or `suggestionDelete` mark, or an element (a proposed new paragraph) whose
 * `suggestion` attribute is the id. An open suggestion with none of these has nothing left to
 * decide; the withdrawal extension marks it withdrawn.
 *
 * Read from Yjs items rather than `toDelta()`: this runs after deletions in rooms with open
 * suggestions, and a delta of every text node would allocate the whole document each time.
 */
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { forEachXmlElement, textNodes } from '../../shared/editor/yxml';
import { paragraphSuggestionId } from '../../shared/suggestions/suggestedParagraph';
import { isSuggestionMarkName, suggestionIdOf } from '../../shared/suggestions/suggestionMarks';

export function suggestionIdsPresent(doc: Y.Doc): Set<string> {
  const present = new Set<string>();
  const root = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  forEachXmlElement(root, (element) => {
    const id = paragraphSuggestionId(element);
    if (id !== null) present.add(id);
  });
  for (const text of textNodes(root)) addMarkedIds(text, present);
  return present;
}

/** Adds the id of every suggestion mark in force over at least one character that is there. */
function addMarkedIds(text: Y.XmlText, present: Set<string>): void {
  // A format item sets its key's value for what follows, until the next item of that key;
  // a deleted one no longer counts (Yjs keeps it only as a tombstone).
  const inForce = new Map<string, string | null>();
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      if (isSuggestionMarkName(content.key)) inForce.set(content.key, suggestionIdOf(content.value));
      continue;
    }
    if (!item.countable) continue;
    for (const id of inForce.values()) if (id !== null) present.add(id);
  }
}
