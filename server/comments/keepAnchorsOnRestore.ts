/**
 * A restore must never lose a thread. Before the restored text replaces the document, the
 * server notes where each thread's mark sits and what the text node around it says; afterwards a
 * thread that lost its mark gets it back where a text node says exactly the same (its text is
 * unchanged). The others stay detached with their quote. Runs inside the restore's server
 * transaction, so the marks arrive with the restored text.
 */
import type * as Y from 'yjs';
import { plainText, textNodes } from '../../shared/editor/yxml';
import { anchoredThreadIds, markedRanges, markSegments } from './textRanges';

interface NotedAnchor {
  threadId: string;
  /** The whole text of the node that held the mark. */
  text: string;
  index: number;
  length: number;
}

export function noteAnchors(fragment: Y.XmlFragment): NotedAnchor[] {
  const noted: NotedAnchor[] = [];
  for (const node of textNodes(fragment)) {
    const ranges = markedRanges(node);
    if (ranges.length === 0) continue;
    const text = plainText(node);
    for (const range of ranges) noted.push({ ...range, text });
  }
  return noted;
}

export function restoreAnchors(doc: Y.Doc, fragment: Y.XmlFragment, noted: readonly NotedAnchor[]): void {
  const anchored = anchoredThreadIds(doc);
  const lost = noted.filter((n) => !anchored.has(n.threadId));
  if (lost.length === 0) return;
  const byText = new Map<string, Y.XmlText[]>();
  for (const node of textNodes(fragment)) {
    const text = plainText(node);
    byText.set(text, [...(byText.get(text) ?? []), node]);
  }
  for (const anchor of lost) {
    const node = byText.get(anchor.text)?.[0];
    if (node) markSegments([{ text: node, index: anchor.index, length: anchor.length }], anchor.threadId);
  }
}
