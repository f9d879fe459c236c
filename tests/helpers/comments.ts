/**
 * Comment threads in tests: anchors as the browser sends them (base64 of encoded Yjs relative
 * positions) and the comment marks a replica holds, read straight from its Yjs text.
 */
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The anchor of characters [from, to) of one text node. */
export function rangeAnchor(text: Y.XmlText, from: number, to: number): { from: string; to: string } {
  return {
    from: b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, from))),
    to: b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, to))),
  };
}

/** The first text node of the n-th paragraph (0-based) of the document. */
export function paragraphText(doc: Y.Doc, n: number): Y.XmlText {
  const paragraphs = doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray().filter((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph') as Y.XmlElement[];
  return paragraphs[n]!.get(0) as Y.XmlText;
}

/** Every run of text carrying a comment mark: thread id -> the text it covers (joined). */
export function commentMarks(doc: Y.Doc): Record<string, string> {
  const marks: Record<string, string> = {};
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement) walk(child);
      else if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as { insert: unknown; attributes?: { comment?: { threadId?: string } } }[]) {
          const id = op.attributes?.comment?.threadId;
          if (id && typeof op.insert === 'string') marks[id] = (marks[id] ?? '') + op.insert;
        }
      }
    }
  };
  walk(doc.getXmlFragment(DOCUMENT_FRAGMENT));
  return marks;
}
