import type { Db } from './database';

export interface AuditRow {
  id: number;
  workspace_id: string;
  document_id: string | null;
  user_id: string | null;
  action: string;
  detail: string;
  at: number;
}

/** Append-only: entries are never changed or deleted. */
export function createAuditLogRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO audit_log (workspace_id, document_id, user_id, action, detail, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const forDocument = db.prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE document_id = ? ORDER BY id');
  return {
    record(entry: { workspaceId: string; documentId: string | null; userId: string | null; action: string; detail: unknown }): void {
      insert.run(entry.workspaceId, entry.documentId, entry.userId, entry.action, JSON.stringify(entry.detail), Date.now());
    },
    forDocument: (documentId: string) => forDocument.all(documentId),
  };
}
export type AuditLogRepo = ReturnType<typeof createAuditLogRepo>;
