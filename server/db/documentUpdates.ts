import type { Db } from './database';

export interface SnapshotRow {
  state: Buffer;
  upto_id: number;
}

export interface UpdateRow {
  id: number;
  update_bytes: Buffer;
}

/** SQL of the per-document update log and its snapshot. The logic lives in server/collab/DocumentStore. */
export function createDocumentUpdateRepo(db: Db) {
  const snapshot = db.prepare<[string], SnapshotRow>(
    'SELECT state, upto_id FROM document_snapshots WHERE document_id = ?',
  );
  const updatesAfter = db.prepare<[string, number], UpdateRow>(
    'SELECT id, update_bytes FROM document_updates WHERE document_id = ? AND id > ? ORDER BY id',
  );
  const append = db.prepare(
    'INSERT INTO document_updates (document_id, update_bytes, user_id, party_id, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const upsertSnapshot = db.prepare(
    `INSERT INTO document_snapshots (document_id, state, upto_id, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(document_id) DO UPDATE SET state = excluded.state, upto_id = excluded.upto_id, updated_at = excluded.updated_at`,
  );
  const deleteUpTo = db.prepare('DELETE FROM document_updates WHERE document_id = ? AND id <= ?');
  const withLog = db.prepare<[], { document_id: string }>('SELECT DISTINCT document_id FROM document_updates');
  const count = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?');
  return {
    snapshot: (documentId: string) => snapshot.get(documentId),
    updatesAfter: (documentId: string, afterId: number) => updatesAfter.all(documentId, afterId),
    append(documentId: string, update: Uint8Array, userId: string | null, partyId: string | null): number {
      return Number(append.run(documentId, update, userId, partyId, Date.now()).lastInsertRowid);
    },
    /** Replaces the snapshot and drops the log rows it contains, atomically. */
    compact: db.transaction((documentId: string, state: Uint8Array, uptoId: number) => {
      upsertSnapshot.run(documentId, state, uptoId, Date.now());
      deleteUpTo.run(documentId, uptoId);
    }),
    logLength: (documentId: string) => count.get(documentId)!.n,
    /** Documents with log rows not yet folded into their snapshot. */
    documentsWithLog: () => withLog.all().map((row) => row.document_id),
  };
}
export type DocumentUpdateRepo = ReturnType<typeof createDocumentUpdateRepo>;
