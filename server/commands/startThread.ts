/**
 * Command: start a comment thread on a range or a block. The thread and its first comment are
 * stored first; then the server writes the `comment` mark over the range through the room, so
 * it is stored before it is relayed and every replica shows it. Commenters may do this although
 * they cannot write the document: the mark is the server's. When the mark cannot be stored the
 * thread is taken back, so the failed request leaves nothing and a retry makes no second thread.
 */
import type { ThreadAnchor } from '../../shared/api/comments';
import { DocumentLoadError } from '../collab/loadDocument';
import { mentionRecipients } from '../comments/mentionRecipients';
import { notifyComment, threadsChanged } from '../comments/notifyComment';
import { resolveAnchor } from '../comments/resolveAnchor';
import { markSegments, segmentsText } from '../comments/textRanges';
import type { Services } from '../context';
import { HttpError } from '../errors';
import { commentMarksOf } from '../extensions/commentMarks';
import { newId } from '../storage/ids';
import type { CommentRow, CommentThreadRow, DocumentRow } from '../storage/rows';

export interface StartThread {
  document: DocumentRow;
  userId: string;
  partyId: string | null;
  anchor: ThreadAnchor;
  body: string;
}

const quoteLimit = 500;

/**
 * The stored quote: at most `quoteLimit` characters, cut between code points (half an emoji is
 * a lone surrogate, which PostgreSQL's text refuses) and without U+0000, which a client can
 * write into the document and PostgreSQL's text cannot hold either.
 */
function quoteOf(text: string): string {
  return Array.from(text.replaceAll('\u0000', ''))
    .slice(0, quoteLimit)
    .join('');
}

export async function startThread(services: Services, input: StartThread): Promise<CommentThreadRow> {
  const { document } = input;
  const recipients = await mentionRecipients(services.repos, document.workspace_id, input.body);
  try {
    const thread = await services.registry.withRoom(document.id, async (room) => {
      const quote = quoteOf(segmentsText(resolveAnchor(room.doc, input.anchor)));
      const now = Date.now();
      const thread: CommentThreadRow = {
        id: newId(),
        document_id: document.id,
        workspace_id: document.workspace_id,
        author_id: input.userId,
        party_id: input.partyId,
        quote,
        status: 'open',
        created_at: now,
        resolved_at: null,
        resolved_by: null,
      };
      // The first comment shares the thread's id: it is the thread's opening words.
      const first: CommentRow = { id: thread.id, thread_id: thread.id, author_id: input.userId, party_id: input.partyId, body: input.body, created_at: now, edited_at: null };
      await services.repos.comments.createThread(thread, first);
      commentMarksOf(room).remember(thread.id, quote);
      // The range is found again: the text may have changed while the thread was stored. Text
      // that went meanwhile leaves the thread detached with its quote, never lost.
      try {
        await room.applyServerChange(() => {
          try {
            markSegments(resolveAnchor(room.doc, input.anchor), thread.id);
          } catch {
            // Detached from the start; the quote tells what it was about.
          }
        });
      } catch (error) {
        commentMarksOf(room).forget(thread.id);
        await services.repos.comments.deleteThread(thread.id);
        throw error;
      }
      await notifyComment(services, thread, first, recipients);
      return thread;
    });
    threadsChanged(services, thread);
    return thread;
  } catch (error) {
    if (error instanceof DocumentLoadError) throw new HttpError(503, 'document_unavailable', 'error.documentUnavailable');
    throw error;
  }
}
