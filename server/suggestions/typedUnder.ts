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
import { SUGGESTION_INSERT_MARK } from '../../shared/suggestions/suggestionMarks';

/** Yjs `gcFilter`: every deleted item is emptied except a `suggestionInsert` format item. */
export function keepInsertionFormats(item: Y.Item): boolean {
  return !(item.content instanceof Y.ContentFormat && item.content.key === SUGGESTION_INSERT_MARK);
}

/** A document as the server holds it in a room. */
export function roomDoc(): Y.Doc {
  return new Y.Doc({ gc: true, gcFilter: keepInsertionFormats });
}
