import type { Db } from './database';
import { newId } from './ids';

export type VersionKind = 'manual' | 'auto' | 'before_restore';

export interface VersionRow {
  id: string;
  document_id: string;
  label: string;
  kind: VersionKind;
  state: Buffer;
  attribution: string;
  created_by: string | null;
  created_at: number;
}

export type VersionMetaRow = Omit<VersionRow, 'state'>;

/** Versions are immutable: there is no update statement. */
export function createVersionRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO document_versions (id, document_id, label, kind, state, attribution, created_by, created_at)
     VALUES (@id, @document_id, @label, @kind, @state, @attribution, @created_by, @created_at)`,
  );
  const byId = db.prepare<[string], VersionRow>('SELECT * FROM document_versions WHERE id = ?');
  const forDocument = db.prepare<[string], VersionMetaRow>(
    `SELECT id, document_id, label, kind, attribution, created_by, created_at FROM document_versions
     WHERE document_id = ? ORDER BY created_at DESC, rowid DESC`,
  );
  const latest = db.prepare<[string], VersionRow>(
    'SELECT * FROM document_versions WHERE document_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
  );
  return {
    create(input: Omit<VersionRow, 'id' | 'created_at'> & { created_at?: number }): VersionRow {
      const row: VersionRow = { ...input, id: newId(), created_at: input.created_at ?? Date.now() };
      insert.run(row);
      return row;
    },
    findById: (id: string) => byId.get(id),
    listForDocument: (documentId: string) => forDocument.all(documentId),
    latestForDocument: (documentId: string) => latest.get(documentId),
  };
}
export type VersionRepo = ReturnType<typeof createVersionRepo>;
