import { Hono } from 'hono';
import { hashToken } from '../auth/sessionTokens';
import type { AppEnv, Services } from '../context';
import { NotFoundError } from '../errors';
import { can } from '../policies';
import { parseBlockRow } from '../registers/blockRow';
import { toICalendar, type CalendarEvent } from '../registers/icalendar';

/**
 * Mounted at /api/calendar: `GET /:token.ics`, the secret per-member feed that calendar apps
 * poll without a session. It stops working when the member leaves or makes a new one.
 */
export function calendarRoutes(services: Services) {
  const { repos, config } = services;

  return new Hono<AppEnv>().get('/:file{[a-z0-9]+\\.ics}', async (c) => {
    const token = c.req.param('file').replace(/\.ics$/, '');
    const feed = await repos.calendarFeeds.findByTokenHash(hashToken(token));
    const membership = feed ? await repos.members.find(feed.workspace_id, feed.user_id) : undefined;
    // A feed made before this membership began belongs to an earlier one: leaving ended it, even
    // where its row outlived the leaving (databases from before rows were deleted then).
    const current = feed && membership && feed.created_at >= membership.created_at;
    if (!feed || !current || !can(membership, 'workspace:read')) throw new NotFoundError('error.calendarMissing');
    const workspace = (await repos.workspaces.findById(feed.workspace_id))!;
    const events: CalendarEvent[] = [];
    for (const row of await repos.blocks.listAllForWorkspace(workspace.id)) {
      const block = parseBlockRow(row);
      if (row.document_archived || !block.valid) continue;
      const url = `${config.publicUrl}/d/${row.document_id}#block-${row.block_id}`;
      const firstLine = row.text.split('\n')[0] || '(zonder tekst)';
      if (block.kind === 'reflection' && block.attrs.date) {
        events.push({ uid: `${row.block_id}@werktafel`, date: block.attrs.date, summary: `Reflectiemoment: ${firstLine}`, description: `${row.document_title}\n\n${row.text}`, url });
      }
      if (block.kind === 'action' && block.attrs.due) {
        events.push({ uid: `${row.block_id}-due@werktafel`, date: block.attrs.due, summary: `Actie klaar: ${firstLine}`, description: `${row.document_title}\n\n${row.text}`, url });
      }
    }
    return c.body(toICalendar(`werktafel – ${workspace.name}`, events), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, max-age=300',
    });
  });
}
