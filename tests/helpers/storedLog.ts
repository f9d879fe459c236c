/**
 * What the server stored for a document, read straight from its SQLite file with SQL of the
 * tests' own: an oracle independent of the server's loading code.
 */
import * as Y from 'yjs';
import type { SqliteDatabase } from '../../server/storage/sqlite/openSqlite';

export interface StoredRows {
  snapshot: { state: Buffer; upto_id: number } | undefined;
  updates: { id: number; update_bytes: Buffer }[];
}

export function readStoredRows(db: SqliteDatabase, documentId: string): StoredRows {
  const snapshot = db.prepare<[string], { state: Buffer; upto_id: number }>('SELECT state, upto_id FROM document_snapshots WHERE document_id = ?').get(documentId);
  const updates = db
    .prepare<[string, number], { id: number; update_bytes: Buffer }>('SELECT id, update_bytes FROM document_updates WHERE document_id = ? AND id > ? ORDER BY id')
    .all(documentId, snapshot?.upto_id ?? 0);
  return { snapshot, updates };
}

/** The document the stored rows make; throws where Yjs cannot read them. */
export function docFromStoredRows(rows: StoredRows): Y.Doc {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (rows.snapshot) Y.applyUpdate(doc, rows.snapshot.state);
      for (const row of rows.updates) Y.applyUpdate(doc, row.update_bytes);
    });
  } catch (error) {
    doc.destroy();
    throw error;
  }
  return doc;
}
