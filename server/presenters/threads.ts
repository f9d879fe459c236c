/** Explicit fields of threads, comments and notifications as the API shows them. */
import type { CommentAuthor, CommentRes, NotificationRes, ThreadRes } from '../../shared/api/comments';
import { canDeleteComment, canEditComment, canResolveThread, can, type Membership } from '../policies';
import type { InboxRow, Repos } from '../storage/ports';
import type { CommentRow, CommentThreadRow, PartyRow } from '../storage/rows';

/** Names of people and parties, looked up once per answer. */
export interface NameBook {
  person(userId: string | null): string | null;
  party(partyId: string | null): PartyRow | undefined;
}

export async function loadNameBook(repos: Repos, workspaceId: string, userIds: Iterable<string | null>): Promise<NameBook> {
  const people = new Map((await repos.members.listForWorkspace(workspaceId)).map((m) => [m.user_id, m.name]));
  // People who left the workspace still wrote what they wrote.
  for (const id of new Set(userIds)) {
    if (id && !people.has(id)) people.set(id, (await repos.users.findById(id))?.name ?? '');
  }
  const parties = new Map((await repos.parties.listForWorkspace(workspaceId)).map((p) => [p.id, p]));
  return { person: (id) => (id ? people.get(id) || null : null), party: (id) => (id ? parties.get(id) : undefined) };
}

function presentAuthor(names: NameBook, userId: string | null, partyId: string | null): CommentAuthor {
  const party = names.party(partyId);
  return { id: userId, name: names.person(userId), partyId: party?.id ?? null, partyName: party?.name ?? null, partyColor: party?.color ?? null };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface Viewer {
  userId: string;
  membership: Membership;
}

export function presentComment(comment: CommentRow, names: NameBook, viewer: Viewer): CommentRes {
  return {
    id: comment.id,
    threadId: comment.thread_id,
    body: comment.body,
    author: presentAuthor(names, comment.author_id, comment.party_id),
    createdAt: iso(comment.created_at)!,
    editedAt: iso(comment.edited_at),
    canEdit: canEditComment(viewer.membership, viewer.userId, comment),
    canDelete: canDeleteComment(viewer.membership, viewer.userId, comment),
  };
}

export function presentThread(thread: CommentThreadRow, comments: CommentRow[], anchored: boolean, names: NameBook, viewer: Viewer): ThreadRes {
  return {
    id: thread.id,
    documentId: thread.document_id,
    status: thread.status,
    quote: thread.quote,
    anchored,
    author: presentAuthor(names, thread.author_id, thread.party_id),
    createdAt: iso(thread.created_at)!,
    resolvedAt: iso(thread.resolved_at),
    comments: comments.map((comment) => presentComment(comment, names, viewer)),
    canReply: can(viewer.membership, 'document:comment'),
    canResolve: canResolveThread(viewer.membership, viewer.userId, thread),
  };
}

export function presentNotification(row: InboxRow, authorName: string | null): NotificationRes {
  return {
    id: row.id,
    kind: row.kind,
    threadId: row.thread_id,
    commentId: row.comment_id,
    documentId: row.document_id,
    workspaceId: row.workspace_id,
    quote: row.quote,
    body: row.body,
    authorName,
    createdAt: iso(row.created_at)!,
    read: row.read_at !== null,
  };
}
