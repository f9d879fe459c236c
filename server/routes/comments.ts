/** Mounted at /api/comments: a comment's author changes or deletes it; owners may delete any. */
import { Hono } from 'hono';
import { commentReq } from '../../shared/api/comments';
import { mentionRecipients } from '../comments/mentionRecipients';
import { notifyComment, threadsChanged } from '../comments/notifyComment';
import type { AppEnv, Services } from '../context';
import { requireUser } from '../http/session';
import { parseBody } from '../http/validate';
import { authorizeCheck, canDeleteComment, canEditComment } from '../policies';
import { loadComment } from './threadLoaders';

export function commentRoutes(services: Services) {
  return new Hono<AppEnv>()
    .patch('/:id', async (c) => {
      const user = requireUser(c);
      const { body } = await parseBody(c, commentReq);
      const { comment, thread, membership } = await loadComment(c, services, c.req.param('id'));
      authorizeCheck(membership, canEditComment(membership, user.id, comment));
      // Mentions are checked as in a new comment; whoever an edit mentions for the first time
      // hears of it, once (a person is notified of a comment at most once).
      const recipients = await mentionRecipients(services.repos, thread.workspace_id, body);
      await services.repos.comments.editComment(comment.id, body, Date.now());
      await notifyComment(services, thread, { ...comment, body }, recipients);
      threadsChanged(services, thread);
      return c.json({ id: comment.id, threadId: thread.id, body });
    })
    .delete('/:id', async (c) => {
      const user = requireUser(c);
      const { comment, thread, membership } = await loadComment(c, services, c.req.param('id'));
      authorizeCheck(membership, canDeleteComment(membership, user.id, comment));
      await services.repos.comments.deleteComment(comment.id);
      threadsChanged(services, thread);
      return c.body(null, 204);
    });
}
