import { Hono } from 'hono';
import { auditQuery, type AuditLogPage } from '../../shared/api/audit';
import type { AppEnv, Services } from '../context';
import { parseQuery } from '../http/validate';
import { authorize } from '../policies';
import { loadWorkspace } from './loaders';

/**
 * Mounted at /api/workspaces/:id/audit: who changed whose party or role, invited whom, decided
 * which commitment, signed or declined which adoption and restored which version. Owners only.
 */
export function auditRoutes(services: Services) {
  const { repos } = services;
  return new Hono<AppEnv>().get('/', async (c) => {
    const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
    authorize(membership, 'audit:read');
    const query = parseQuery(c, auditQuery);
    const rows = await repos.auditLog.forWorkspace(workspace.id, { before: query.before ?? null, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const [members, documents] = await Promise.all([repos.members.listForWorkspace(workspace.id), repos.documents.listForWorkspace(workspace.id)]);
    const names = new Map(members.map((m) => [m.user_id, m.name]));
    const titles = new Map(documents.map((d) => [d.id, d.title]));
    // Someone who has left the workspace is still named: the log outlives membership.
    for (const row of page) {
      if (row.user_id && !names.has(row.user_id)) names.set(row.user_id, (await repos.users.findById(row.user_id))?.name ?? '');
    }
    return c.json({
      entries: page.map((row) => ({
        id: row.id,
        at: new Date(row.at).toISOString(),
        action: row.action,
        userId: row.user_id,
        userName: row.user_id ? names.get(row.user_id) || null : null,
        documentId: row.document_id,
        documentTitle: row.document_id ? (titles.get(row.document_id) ?? null) : null,
        detail: JSON.parse(row.detail) as Record<string, unknown>,
      })),
      nextBefore: rows.length > query.limit ? page.at(-1)!.id : null,
    } satisfies AuditLogPage);
  });
}
