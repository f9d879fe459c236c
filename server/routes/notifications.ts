/** Mounted at /api/me/notifications: the signed-in person's inbox of mentions and replies. */
import { Hono } from 'hono';
import { markReadReq, type InboxRes } from '../../shared/api/comments';
import type { AppEnv, Services } from '../context';
import { requireUser } from '../http/session';
import { parseBody } from '../http/validate';
import { presentNotification } from '../presenters/threads';

const inboxSize = 50;

export function notificationRoutes(services: Services) {
  const { repos } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = requireUser(c);
      const rows = await repos.comments.inbox(user.id, inboxSize);
      // Only what the person may still read: a workspace they left keeps its talk to itself.
      const memberOf = new Set<string>();
      for (const workspaceId of new Set(rows.map((r) => r.workspace_id))) if (await repos.members.find(workspaceId, user.id)) memberOf.add(workspaceId);
      const visible = rows.filter((r) => memberOf.has(r.workspace_id));
      const names = new Map<string, string | null>();
      for (const id of new Set(visible.map((r) => r.author_id))) if (id) names.set(id, (await repos.users.findById(id))?.name ?? null);
      const body: InboxRes = {
        unread: await repos.comments.unreadCount(user.id),
        notifications: visible.map((row) => presentNotification(row, row.author_id ? (names.get(row.author_id) ?? null) : null)),
      };
      return c.json(body);
    })
    .post('/read', async (c) => {
      const user = requireUser(c);
      const { ids } = await parseBody(c, markReadReq);
      await repos.comments.markRead(user.id, ids, Date.now());
      // The person's other tabs lower their count too.
      services.events.publishToUser(user.id, 'notifications');
      return c.json({ unread: await repos.comments.unreadCount(user.id) });
    });
}
