/**
 * Records who hears of a new comment, tells their open pages (their own event stream) and mails
 * those it newly reaches; and tells the workspace's open pages that threads changed.
 */
import type { Services } from '../context';
import { mailCommentNoticesLater } from '../mail/commentMail';
import { newId } from '../storage/ids';
import type { CommentRow, CommentThreadRow, NotificationKind } from '../storage/rows';

export async function notifyComment(services: Services, thread: CommentThreadRow, comment: CommentRow, recipients: Map<string, NotificationKind>): Promise<void> {
  const reached = new Map(recipients);
  // A reply reaches whoever started the thread (unless a mention already does).
  if (comment.id !== thread.id && thread.author_id && !reached.has(thread.author_id)) reached.set(thread.author_id, 'reply');
  if (comment.author_id) reached.delete(comment.author_id);
  const newlyReached = await services.repos.comments.notify(
    [...reached].map(([userId, kind]) => ({ id: newId(), user_id: userId, comment_id: comment.id, thread_id: thread.id, kind, created_at: comment.created_at, read_at: null })),
  );
  for (const userId of reached.keys()) services.events.publishToUser(userId, 'notifications');
  // Only the newly reached: an edit that names someone again mails them nothing twice.
  mailCommentNoticesLater(services, { thread, comment, reached: new Map(newlyReached.map((userId) => [userId, reached.get(userId)!])) });
}

export function threadsChanged(services: Services, thread: Pick<CommentThreadRow, 'workspace_id' | 'document_id'>): void {
  services.events.publish(thread.workspace_id, 'threads', { documentId: thread.document_id });
}
