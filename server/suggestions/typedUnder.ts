/**
 * Which insertion a character was typed under, read from the document's structure (issue 15).
 *
 * Yjs writes no format item for text typed with the formatting already in force: a character
 * typed on inside or right after an insertion `{ suggestionId: X }` carries X by position only.
 * When X is decided meanwhile (accepted: its mark taken off; rejected: its text deleted), such a
 * character that was on its way arrives without a mark. What it was typed under is still in the
 * structure: every Yjs item records its left neighbour at insertion time (`origin`); a character
 * typed on has the character before it as origin, that one the one before it, and so on back to
 * the format item that opened the insertion. The first `suggestionInsert` format item on that
 * chain holds the mark the character was typed under, whatever happened to the text since.
 *
 * For that the server keeps deleted `suggestionInsert` format items (they are small): by default
 * Yjs empties deleted items (garbage collection), and the one that opened X is deleted when X is
 * decided. Rooms load their document with {@link keepInsertionFormats}; compaction encodes the
 * live document, so the items outlive a restart.
 */
import * as Y from 'yjs';
import { SUGGESTION_INSERT_MARK, suggestionIdOf } from '../../shared/suggestions/suggestionMarks';

/** Yjs `gcFilter`: every deleted item is emptied except a `suggestionInsert` format item. */
export function keepInsertionFormats(item: Y.Item): boolean {
  return !(item.content instanceof Y.ContentFormat && item.content.key === SUGGESTION_INSERT_MARK);
}

/** A document as the server holds it in a room. */
export function roomDoc(): Y.Doc {
  return new Y.Doc({ gc: true, gcFilter: keepInsertionFormats });
}

/**
 * Follows origins from items of one document, remembering every item it passed (an update of many
 * characters typed on one after the other walks the chain once, not once per character).
 */
export class TypedUnder {
  private readonly known = new Map<Y.Item, string | null>();

  constructor(private readonly store: Y.Doc['store']) {}

  /**
   * The insertion id in force when `item` was written, or null: none (the chain reaches the
   * start of the text or a format item that closed an insertion), a value that is not exactly
   * `{ suggestionId }`, or not known (a parent's items emptied wholesale). Deleted characters
   * on the way are passed like any: a rejected insertion's text is deleted.
   */
  of(item: Y.Item): string | null {
    const passed = new Set<Y.Item>();
    let found: string | null = null;
    for (let id = item.origin; id !== null; ) {
      const struct = Y.getItem(this.store, id);
      // Origins point to items integrated before, so the chain ends; the check costs nothing.
      if (!(struct instanceof Y.Item) || passed.has(struct)) break;
      const seen = this.known.get(struct);
      if (seen !== undefined) {
        found = seen;
        break;
      }
      passed.add(struct);
      const content = struct.content;
      if (content instanceof Y.ContentFormat && content.key === SUGGESTION_INSERT_MARK) {
        const value: unknown = content.value;
        const suggestionId = suggestionIdOf(value);
        found = suggestionId !== null && Object.keys(value as object).length === 1 ? suggestionId : null;
        break;
      }
      // Within an item each character's origin is the one before it: on to the item's own origin.
      id = struct.origin;
    }
    for (const struct of passed) this.known.set(struct, found);
    return found;
  }
}
