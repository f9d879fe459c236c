import type { AuditLogRepo } from '../ports';
import type { Db } from './db';

/** Append-only: entries are never changed or deleted. */
export function createAuditLogRepo(db: Db): AuditLogRepo {
  return {
    record: async (entry) =>
      void (await db
        .insertInto('audit_log')
        .values({
          workspace_id: entry.workspaceId,
          document_id: entry.documentId,
          user_id: entry.userId,
          action: entry.action,
          detail: JSON.stringify(entry.detail),
          at: Date.now(),
        })
        .execute()),
    forDocument: (documentId) => db.selectFrom('audit_log').selectAll().where('document_id', '=', documentId).orderBy('id').execute(),
    forWorkspace: (workspaceId, page) => {
      let query = db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
      if (page.before !== null) query = query.where('id', '<', page.before);
      return query.orderBy('id', 'desc').limit(page.limit).execute();
    },
  };
}
