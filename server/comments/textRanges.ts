/**
 * Reading and writing `comment` marks in the Yjs document: which threads have text in the
 * document, the text a range covers, and formatting a range (the walk is shared/editor/yxml.ts).
 */
import * as Y from 'yjs';
import { COMMENT_MARK, threadIdOf } from '../../shared/comments/commentMark';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { plainText, textNodes } from '../../shared/editor/yxml';

type DeltaOp = { insert?: unknown; attributes?: Record<string, unknown> };

/** A piece of one text node: `length` characters from `index`. */
export interface TextSegment {
  text: Y.XmlText;
  index: number;
  length: number;
}

/** The text the segments cover, one line per text node. */
export function segmentsText(segments: readonly TextSegment[]): string {
  return segments.map((s) => plainText(s.text).slice(s.index, s.index + s.length)).join('\n');
}

/** Ids of the threads whose mark is on at least one character of the document. */
export function anchoredThreadIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  for (const text of textNodes(doc.getXmlFragment(DOCUMENT_FRAGMENT))) {
    for (const op of text.toDelta() as DeltaOp[]) {
      const id = threadIdOf(op.attributes?.[COMMENT_MARK]);
      if (id && typeof op.insert === 'string' && op.insert.length > 0) ids.add(id);
    }
  }
  return ids;
}

/** Puts the thread's mark on the segments; call inside a server transaction. */
export function markSegments(segments: readonly TextSegment[], threadId: string): void {
  for (const { text, index, length } of segments) if (length > 0) text.format(index, length, { [COMMENT_MARK]: { threadId } });
}

/** Where each thread's mark sits in one text node, as offsets into its plain text. */
export function markedRanges(text: Y.XmlText): { threadId: string; index: number; length: number }[] {
  const ranges: { threadId: string; index: number; length: number }[] = [];
  let index = 0;
  for (const op of text.toDelta() as DeltaOp[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    const id = threadIdOf(op.attributes?.[COMMENT_MARK]);
    if (id) {
      const last = ranges[ranges.length - 1];
      if (last && last.threadId === id && last.index + last.length === index) last.length += length;
      else ranges.push({ threadId: id, index, length });
    }
    index += length;
  }
  return ranges;
}
