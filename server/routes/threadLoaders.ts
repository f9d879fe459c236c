/** The "load" steps for threads and comments: the thing, its document and the caller's membership. */
import type { Context } from 'hono';
import type { ThreadRes } from '../../shared/api/comments';
import { anchoredThreadIds } from '../comments/textRanges';
import type { AppEnv, Services } from '../context';
import { NotFoundError } from '../errors';
import { requireUser } from '../http/session';
import { loadNameBook, presentThread, type Viewer } from '../presenters/threads';
import type { CommentRow, CommentThreadRow, DocumentRow } from '../storage/rows';
import { loadDocument, type DocumentAccess } from './loaders';

export interface ThreadAccess extends DocumentAccess {
  thread: CommentThreadRow;
}

export async function loadThread(c: Context<AppEnv>, services: Services, threadId: string): Promise<ThreadAccess> {
  const thread = await services.repos.comments.findThread(threadId);
  if (!thread) {
    requireUser(c);
    throw new NotFoundError('error.threadMissing');
  }
  return { thread, ...(await loadDocument(c, services, thread.document_id)) };
}

export async function loadComment(c: Context<AppEnv>, services: Services, commentId: string): Promise<ThreadAccess & { comment: CommentRow }> {
  const comment = await services.repos.comments.findComment(commentId);
  if (!comment) {
    requireUser(c);
    throw new NotFoundError('error.commentMissing');
  }
  return { comment, ...(await loadThread(c, services, comment.thread_id)) };
}

/** Threads with their comments, names and whether their text is still in the live document. */
export async function presentThreads(services: Services, document: DocumentRow, threads: CommentThreadRow[], viewer: Viewer): Promise<ThreadRes[]> {
  const comments = await services.repos.comments.commentsOf(threads.map((t) => t.id));
  const names = await loadNameBook(services.repos, document.workspace_id, [...threads.map((t) => t.author_id), ...comments.map((c) => c.author_id)]);
  const anchored = threads.length === 0 ? new Set<string>() : await services.registry.withRoom(document.id, (room) => anchoredThreadIds(room.doc));
  return threads.map((thread) =>
    presentThread(
      thread,
      comments.filter((c) => c.thread_id === thread.id),
      anchored.has(thread.id),
      names,
      viewer,
    ),
  );
}
