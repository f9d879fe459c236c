/**
 * What the server stored for a document, read straight from its SQLite file (or, in the cluster
 * suite, its PostgreSQL database through psql) with SQL of the tests' own: an oracle
 * independent of the server's loading code.
 */
import * as Y from 'yjs';
import type { SqliteDatabase } from '../../server/storage/sqlite/openSqlite';
import { psqlRows } from './postgres';

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

type LogRow = StoredRows['updates'][number];

const toLogRows = (rows: string[][]): LogRow[] => rows.map(([id, hex]) => ({ id: Number(id), update_bytes: Buffer.from(hex!, 'hex') }));

/** {@link readStoredRows} on PostgreSQL, synchronously (psql), in one read-only snapshot. */
export function readStoredRowsFromPostgres(url: string, documentId: string): StoredRows {
  const rows = psqlRows(
    url,
    `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
     SELECT 's', upto_id, encode(state, 'hex') FROM document_snapshots WHERE document_id = :'doc';
     SELECT 'u', u.id, encode(u.update_bytes, 'hex') FROM document_updates u
       WHERE u.document_id = :'doc' AND u.id > coalesce((SELECT upto_id FROM document_snapshots WHERE document_id = :'doc'), 0)
       ORDER BY u.id;
     COMMIT;`,
    { doc: documentId },
  );
  const snapshot = rows.find((row) => row[0] === 's');
  return {
    snapshot: snapshot ? { upto_id: Number(snapshot[1]), state: Buffer.from(snapshot[2]!, 'hex') } : undefined,
    updates: toLogRows(rows.filter((row) => row[0] === 'u').map((row) => row.slice(1))),
  };
}

/** Every log row of a document on PostgreSQL, folded into the snapshot or not. */
export function allLogRowsFromPostgres(url: string, documentId: string): LogRow[] {
  return toLogRows(psqlRows(url, "SELECT id, encode(update_bytes, 'hex') FROM document_updates WHERE document_id = :'doc' ORDER BY id", { doc: documentId }));
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
