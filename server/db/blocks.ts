import type { Db } from './database';

export interface BlockRow {
  document_id: string;
  block_id: string;
  workspace_id: string;
  kind: string;
  position: number;
  attrs: string;
  text: string;
  valid: number;
  issues: string;
}

export interface RegisterRow extends BlockRow {
  document_title: string;
  document_archived: number;
}

/** The register tables: blocks read out of documents, replaced per document. */
export function createBlockRepo(db: Db) {
  const removeForDocument = db.prepare('DELETE FROM document_blocks WHERE document_id = ?');
  const insert = db.prepare(
    `INSERT INTO document_blocks (document_id, block_id, workspace_id, kind, position, attrs, text, valid, issues)
     VALUES (@document_id, @block_id, @workspace_id, @kind, @position, @attrs, @text, @valid, @issues)`,
  );
  const forWorkspace = db.prepare<[string, string], RegisterRow>(
    `SELECT b.*, d.title AS document_title, (d.archived_at IS NOT NULL) AS document_archived
     FROM document_blocks b JOIN documents d ON d.id = b.document_id
     WHERE b.workspace_id = ? AND b.kind = ? ORDER BY d.created_at, b.document_id, b.position`,
  );
  const allForWorkspace = db.prepare<[string], RegisterRow>(
    `SELECT b.*, d.title AS document_title, (d.archived_at IS NOT NULL) AS document_archived
     FROM document_blocks b JOIN documents d ON d.id = b.document_id
     WHERE b.workspace_id = ? ORDER BY d.created_at, b.document_id, b.position`,
  );
  return {
    /** Replaces every block of one document, atomically. */
    replaceForDocument: db.transaction((documentId: string, rows: BlockRow[]) => {
      removeForDocument.run(documentId);
      for (const row of rows) insert.run(row);
    }),
    listForWorkspace: (workspaceId: string, kind: string) => forWorkspace.all(workspaceId, kind),
    listAllForWorkspace: (workspaceId: string) => allForWorkspace.all(workspaceId),
  };
}
export type BlockRepo = ReturnType<typeof createBlockRepo>;
