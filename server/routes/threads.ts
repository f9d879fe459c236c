/**
 * Comment threads. Mounted at /api/documents/:id/threads (list, start) and /api/threads
 * (reply, resolve, reopen). Handlers: validate -> load -> authorize -> act -> present.
 */
import { Hono, type Context } from 'hono';
import { commentReq, createThreadReq, threadListQuery, type OpenThreadEntry } from '../../shared/api/comments';
import { startThread } from '../commands/startThread';
import { mentionRecipients } from '../comments/mentionRecipients';
import { notifyComment, threadsChanged } from '../comments/notifyComment';
import type { AppEnv, Services } from '../context';
import { requireUser } from '../http/session';
import { parseBody, parseQuery } from '../http/validate';
import { authorize, authorizeCheck, canResolveThread } from '../policies';
import { newId } from '../storage/ids';
import type { CommentRow, ThreadStatus } from '../storage/rows';
import { loadNameBook } from '../presenters/threads';
import { loadDocument, loadWorkspace } from './loaders';
import { loadThread, presentThreads } from './threadLoaders';

export function documentThreadRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = requireUser(c);
      const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      const { status } = parseQuery(c, threadListQuery);
      const threads = await services.repos.comments.threadsOfDocument(document.id, status);
      return c.json(await presentThreads(services, document, threads, { userId: user.id, membership }));
    })
    .post('/', async (c) => {
      const user = requireUser(c);
      const body = await parseBody(c, createThreadReq);
      const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:comment');
      const thread = await startThread(services, { document, userId: user.id, partyId: membership.party_id, anchor: body.anchor, body: body.body });
      const [presented] = await presentThreads(services, document, [thread], { userId: user.id, membership });
      return c.json(presented, 201);
    });
}

/** Mounted at /api/workspaces/:id/threads: the register of open threads across the workspace's documents. */
export function workspaceThreadRoutes(services: Services) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
    authorize(membership, 'workspace:read');
    const threads = await services.repos.comments.openThreadsOfWorkspace(workspace.id);
    const documents = new Map((await services.repos.documents.listForWorkspace(workspace.id)).map((d) => [d.id, d]));
    const comments = await services.repos.comments.commentsOf(threads.map((t) => t.id));
    const names = await loadNameBook(services.repos, workspace.id, threads.map((t) => t.author_id));
    const entries: OpenThreadEntry[] = threads
      .filter((thread) => documents.get(thread.document_id)?.archived_at === null)
      .map((thread) => {
        const party = names.party(thread.party_id);
        return {
          id: thread.id,
          documentId: thread.document_id,
          documentTitle: documents.get(thread.document_id)?.title ?? '',
          quote: thread.quote,
          authorName: names.person(thread.author_id),
          partyName: party?.name ?? null,
          partyColor: party?.color ?? null,
          comments: comments.filter((comment) => comment.thread_id === thread.id).length,
          createdAt: new Date(thread.created_at).toISOString(),
        };
      });
    return c.json(entries);
  });
}

export function threadRoutes(services: Services) {
  const setStatus = (status: ThreadStatus) => async (c: Context<AppEnv>) => {
    const user = requireUser(c);
    const { thread, document, membership } = await loadThread(c, services, c.req.param('id') ?? '');
    authorizeCheck(membership, canResolveThread(membership, user.id, thread));
    if (thread.status !== status) {
      await services.repos.comments.setStatus(thread.id, status, user.id, Date.now());
      threadsChanged(services, thread);
    }
    const fresh = (await services.repos.comments.findThread(thread.id))!;
    const [presented] = await presentThreads(services, document, [fresh], { userId: user.id, membership });
    return c.json(presented);
  };
  return new Hono<AppEnv>()
    .post('/:id/comments', async (c) => {
      const user = requireUser(c);
      const { body } = await parseBody(c, commentReq);
      const { thread, document, membership } = await loadThread(c, services, c.req.param('id')!);
      authorize(membership, 'document:comment');
      const recipients = await mentionRecipients(services.repos, document.workspace_id, body);
      const comment: CommentRow = { id: newId(), thread_id: thread.id, author_id: user.id, party_id: membership.party_id ?? null, body, created_at: Date.now(), edited_at: null };
      await services.repos.comments.addComment(comment);
      await notifyComment(services, thread, comment, recipients);
      threadsChanged(services, thread);
      return c.json({ id: comment.id, threadId: thread.id }, 201);
    })
    .post('/:id/resolve', setStatus('resolved'))
    .post('/:id/reopen', setStatus('open'));
}
