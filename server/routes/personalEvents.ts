/**
 * Mounted at /api/me/events: the signed-in person's own Server-Sent Events stream, open on every
 * page, so the header's inbox count follows without polling. Authorized by the session alone
 * (it carries nothing of any workspace, only that the inbox changed); it counts against the
 * same cap per user as the workspace streams and ends with the session.
 */
import { Hono } from 'hono';
import type { AppEnv, Services } from '../context';
import { serveEventStream } from '../events/serveEventStream';
import { requireUser } from '../http/session';

export function personalEventRoutes(services: Services) {
  return new Hono<AppEnv>().get('/', (c) => {
    const user = requireUser(c);
    const held = { sessionId: c.get('session')!.id, workspaceId: null, userId: user.id };
    return serveEventStream(c, services, held, (send) =>
      services.events.subscribeToUsers((userId, event) => {
        if (userId === user.id) send(event, {});
      }),
    );
  });
}
