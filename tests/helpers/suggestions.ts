/**
 * Suggestions in tests: write them as the browser's suggestion mode would (text with a
 * `suggestionInsert` mark, a `suggestionDelete` mark over text) and read the runs a replica holds.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';

export const newSuggestionId = (): string => randomUUID();

/** Inserts text proposed under a suggestion id. */
export function suggestInsert(text: Y.XmlText, index: number, words: string, suggestionId: string): void {
  text.insert(index, words, { suggestionInsert: { suggestionId } });
}

/** Proposes to remove characters [index, index + length). */
export function suggestDelete(text: Y.XmlText, index: number, length: number, suggestionId: string): void {
  text.format(index, length, { suggestionDelete: { suggestionId } });
}

/** Every suggestion a replica shows: `<kind>:<id>` -> the text it covers (joined). */
export function suggestionMarks(doc: Y.Doc): Record<string, string> {
  const marks: Record<string, string> = {};
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement) walk(child);
      else if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, { suggestionId?: string } | undefined> }[]) {
          for (const [mark, kind] of [['suggestionInsert', 'insert'], ['suggestionDelete', 'delete']] as const) {
            const id = op.attributes?.[mark]?.suggestionId;
            if (id && typeof op.insert === 'string') marks[`${kind}:${id}`] = (marks[`${kind}:${id}`] ?? '') + op.insert;
          }
        }
      }
    }
  };
  walk(doc.getXmlFragment(DOCUMENT_FRAGMENT));
  return marks;
}

/** The document's plain text, paragraph by paragraph. */
export function paragraphs(doc: Y.Doc): string[] {
  const out: string[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement) {
        if (child.nodeName === 'paragraph') out.push(child.toArray().map((t) => (t instanceof Y.XmlText ? (t.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('') : '')).join(''));
        else walk(child);
      }
    }
  };
  walk(doc.getXmlFragment(DOCUMENT_FRAGMENT));
  return out;
}

/** Each top-level paragraph as `[text, its suggestion attribute or null]`: a proposed paragraph shows its id. */
export function paragraphProposals(doc: Y.Doc): [string, unknown][] {
  return doc
    .getXmlFragment(DOCUMENT_FRAGMENT)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
    .map((paragraph) => [paragraph.toArray().map((text) => (text instanceof Y.XmlText ? text.toString().replace(/<[^>]*>/g, '') : '')).join(''), paragraph.getAttribute('suggestion') ?? null]);
}
