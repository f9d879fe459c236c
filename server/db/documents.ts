import type { Db } from './database';
import { newId } from './ids';

export interface DocumentRow {
  id: string;
  workspace_id: string;
  title: string;
  template: string;
  archived_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export function createDocumentRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO documents (id, workspace_id, title, template, archived_at, created_by, created_at, updated_at)
     VALUES (@id, @workspace_id, @title, @template, @archived_at, @created_by, @created_at, @updated_at)`,
  );
  const byId = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?');
  const forWorkspace = db.prepare<[string], DocumentRow>(
    'SELECT * FROM documents WHERE workspace_id = ? ORDER BY created_at DESC',
  );
  const update = db.prepare('UPDATE documents SET title = ?, archived_at = ?, updated_at = ? WHERE id = ?');
  const touch = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?');
  return {
    create(input: Pick<DocumentRow, 'workspace_id' | 'title' | 'template' | 'created_by'>): DocumentRow {
      const now = Date.now();
      const row: DocumentRow = { ...input, id: newId(), archived_at: null, created_at: now, updated_at: now };
      insert.run(row);
      return row;
    },
    findById: (id: string) => byId.get(id),
    listForWorkspace: (workspaceId: string) => forWorkspace.all(workspaceId),
    update: (row: DocumentRow) => void update.run(row.title, row.archived_at, row.updated_at, row.id),
    touch: (id: string, at: number) => void touch.run(at, id),
  };
}
export type DocumentRepo = ReturnType<typeof createDocumentRepo>;
