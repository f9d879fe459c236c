/**
 * Comment threads over the HTTP API: request schemas (the server validates with them, the client
 * forms use the same limits) and the shapes of the answers.
 */
import { z } from 'zod';
import { proseText } from './schemas';

export const threadStatuses = ['open', 'resolved'] as const;
export type ThreadStatus = (typeof threadStatuses)[number];

/** A comment: text with line breaks allowed, never empty. */
export const commentBody = proseText(4000, 'comment.bodyRequired');

/** Base64 of `Y.encodeRelativePosition`, into the document's `default` XML fragment. */
const relativePosition = z.string('comment.anchorPosition').min(4, 'comment.anchorPosition').max(2000, 'comment.anchorPosition').regex(/^[A-Za-z0-9+/]+={0,2}$/, 'comment.anchorPosition');

export const threadAnchor = z.union([z.object({ blockId: z.string().min(1).max(64) }).strict(), z.object({ from: relativePosition, to: relativePosition }).strict()], 'comment.anchorRequired');
export type ThreadAnchor = z.infer<typeof threadAnchor>;

export const createThreadReq = z.object({ anchor: threadAnchor, body: commentBody });
export type CreateThreadReq = z.infer<typeof createThreadReq>;

export const commentReq = z.object({ body: commentBody });
export type CommentReq = z.infer<typeof commentReq>;

export const threadListQuery = z.object({ status: z.enum(threadStatuses, 'comment.statusFilter').optional() });

export const markReadReq = z.object({ ids: z.array(z.string().min(1).max(64)).min(1, 'comment.idsRequired').max(500) });
export type MarkReadReq = z.infer<typeof markReadReq>;

export interface CommentAuthor {
  id: string | null;
  name: string | null;
  partyId: string | null;
  partyName: string | null;
  partyColor: string | null;
}

export interface CommentRes {
  id: string;
  threadId: string;
  body: string;
  author: CommentAuthor;
  createdAt: string;
  editedAt: string | null;
  /** What the signed-in person may do with it. */
  canEdit: boolean;
  canDelete: boolean;
}

export interface ThreadRes {
  id: string;
  documentId: string;
  status: ThreadStatus;
  /** What the range said when the thread started. */
  quote: string;
  /** False when no text in the document carries the thread's mark any more ("losgeraakt"). */
  anchored: boolean;
  author: CommentAuthor;
  createdAt: string;
  resolvedAt: string | null;
  comments: CommentRes[];
  canReply: boolean;
  canResolve: boolean;
}

export interface NotificationRes {
  id: string;
  kind: 'mention' | 'reply';
  threadId: string;
  commentId: string;
  documentId: string;
  workspaceId: string;
  quote: string;
  body: string;
  authorName: string | null;
  createdAt: string;
  read: boolean;
}

export interface InboxRes {
  unread: number;
  notifications: NotificationRes[];
}

/** An open thread as the workspace's register lists it. */
export interface OpenThreadEntry {
  id: string;
  documentId: string;
  documentTitle: string;
  quote: string;
  authorName: string | null;
  partyName: string | null;
  partyColor: string | null;
  comments: number;
  createdAt: string;
}
