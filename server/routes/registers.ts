import { Hono } from 'hono';
import type { CalendarFeed } from '../../shared/api/registers';
import type { BlockName } from '../../shared/blocks/attrs';
import { generateSessionToken, hashToken } from '../auth/sessionTokens';
import type { AppEnv, Services } from '../context';
import { serveEventStream } from '../events/serveEventStream';
import { requireUser } from '../http/session';
import { authorize } from '../policies';
import { presentRegisterRow } from '../presenters/registers';
import { countContributions } from '../registers/contributions';
import { toCsv } from '../registers/csv';
import { toSpreadsheetCsv } from '../registers/spreadsheetCsv';
import { buildNameBook, todayInAmsterdam } from '../registers/nameBook';
import { loadWorkspace } from './loaders';

/** URL segment -> block kind and the CSV columns after documentTitle and blockId. */
const registers: Record<string, { kind: BlockName; columns: string[] }> = {
  actions: { kind: 'action', columns: ['text', 'ownerPartyName', 'ownerUserName', 'due', 'status', 'funding', 'overdue'] },
  commitments: { kind: 'commitment', columns: ['text', 'partyName', 'status', 'confirmedByName', 'confirmedAt'] },
  reflections: { kind: 'reflection', columns: ['text', 'date', 'status'] },
  criteria: { kind: 'criterion', columns: ['text', 'kind', 'weight', 'category'] },
};

/** Mounted at /api/workspaces/:id: the registers, who contributed, live events, the calendar feed. */
export function registerRoutes(services: Services) {
  const { repos, config } = services;

  return new Hono<AppEnv>()
    .get('/:register{actions|commitments|reflections|criteria}', async (c) => {
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
      authorize(membership, 'workspace:read');
      const register = registers[c.req.param('register')]!;
      const book = await buildNameBook(repos, workspace.id);
      const today = todayInAmsterdam();
      const rows = (await repos.blocks.listForWorkspace(workspace.id, register.kind)).map((row) => presentRegisterRow(row, book, today));
      if (register.kind === 'action') rows.sort((a, b) => String(a.due ?? '9999').localeCompare(String(b.due ?? '9999')));
      if (c.req.query('format') === 'csv') {
        // A register read on screen is reading; carried away as a file it is an export.
        authorize(membership, 'document:export');
        c.header('Content-Disposition', `attachment; filename="${c.req.param('register')}.csv"`);
        // Dutch spreadsheets by default; the machine-readable form for integrations on request.
        const csv =
          c.req.query('dialect') === 'rfc4180'
            ? toCsv(rows, ['documentTitle', 'blockId', ...register.columns, 'valid'])
            : toSpreadsheetCsv(register.kind, rows);
        return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
      }
      return c.json(rows);
    })
    .get('/contributions', async (c) => {
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
      authorize(membership, 'workspace:read');
      return c.json(
        countContributions(
          await repos.parties.listForWorkspace(workspace.id),
          await repos.blocks.listAllForWorkspace(workspace.id),
          await repos.comments.countByParty(workspace.id),
        ),
      );
    })
    .get('/events', async (c) => {
      const user = requireUser(c);
      const session = c.get('session')!;
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
      authorize(membership, 'workspace:read');
      // Still signed in and still a member: the stream checks both again before every write.
      const held = { sessionId: session.id, workspaceId: workspace.id, userId: user.id };
      return serveEventStream(c, services, held, (send) =>
        services.events.subscribe((workspaceId, event, data) => {
          if (workspaceId === workspace.id) send(event, data);
        }),
      );
    })
    .post('/calendar-feed', async (c) => {
      const user = requireUser(c);
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
      authorize(membership, 'workspace:read');
      const token = generateSessionToken();
      await repos.calendarFeeds.replace(workspace.id, user.id, hashToken(token));
      return c.json({ url: `${config.publicUrl}/api/calendar/${token}.ics` } satisfies CalendarFeed, 201);
    });
}
