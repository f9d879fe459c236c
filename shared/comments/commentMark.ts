/**
 * THE `comment` mark: the highlight of a comment thread in the text. It carries the thread's id
 * and nothing else (who commented is the server's record). Only the server writes it
 * (server/commands/startThread.ts); a client that writes one has it reverted
 * (server/extensions/commentMarks.ts). The server's schema and the browser's editor both use
 * this definition, so they agree on its name, attribute and behaviour.
 *
 * - `inclusive`: text typed at the end of a commented range joins the range, so the thread
 *   grows with the words typed into it on every replica.
 * - It excludes itself (the ProseMirror default): a character belongs to at most one thread, and
 *   Yjs stores the mark under its plain name `comment` as `{ threadId }`.
 * - It is never parsed from HTML: pasted text does not bring another thread's highlight along.
 */
import { Mark, mergeAttributes } from '@tiptap/core';

export const COMMENT_MARK = 'comment';

/** What the mark holds in the document (and in Yjs, as the value of the `comment` format). */
export interface CommentMarkAttrs {
  threadId: string;
}

/** The thread id of a `comment` format value as Yjs stores it, or null for anything else. */
export function threadIdOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const threadId = (value as { threadId?: unknown }).threadId;
  return typeof threadId === 'string' && threadId.length > 0 ? threadId : null;
}

export const CommentMark = Mark.create({
  name: COMMENT_MARK,
  inclusive: true,
  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: () => null,
        renderHTML: (attrs: Record<string, unknown>) => (typeof attrs.threadId === 'string' ? { 'data-thread-id': attrs.threadId } : {}),
      },
    };
  },
  parseHTML() {
    return [];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'comment-mark' }, HTMLAttributes), 0];
  },
});
