/**
 * The document log on SQLite, with prepared statements rather than the query builder: this is
 * the sync core's hot path. better-sqlite3 is synchronous, so every method has done its work
 * (committed, for `append`) before it returns, and its Promise resolves within the same
 * event-loop turn: one machine keeps the latency of a synchronous append.
 */
import { DocumentLogMovedError, type DocumentLog, type StoredLog } from '../ports';
import type { SqliteDatabase } from './openSqlite';

export function createSqliteDocumentLog(db: SqliteDatabase): DocumentLog {
  const snapshot = db.prepare<[string], { state: Buffer; upto_id: number }>('SELECT state, upto_id FROM document_snapshots WHERE document_id = ?');
  const updatesAfter = db.prepare<[string, number], { id: number; update_bytes: Buffer }>(
    'SELECT id, update_bytes FROM document_updates WHERE document_id = ? AND id > ? ORDER BY id',
  );
  const insert = db.prepare('INSERT INTO document_updates (document_id, update_bytes, user_id, party_id, created_at) VALUES (?, ?, ?, ?, ?)');
  const upsertSnapshot = db.prepare(
    `INSERT INTO document_snapshots (document_id, state, upto_id, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(document_id) DO UPDATE SET state = excluded.state, upto_id = excluded.upto_id, updated_at = excluded.updated_at`,
  );
  const lastRowAfter = db.prepare<[string, number, string, number], { id: number }>(
    `SELECT max(id) AS id FROM (
       SELECT id FROM document_updates WHERE document_id = ? AND id > ?
       UNION ALL SELECT upto_id FROM document_snapshots WHERE document_id = ? AND upto_id > ?)`,
  );
  const deleteUpTo = db.prepare('DELETE FROM document_updates WHERE document_id = ? AND id <= ?');
  const withLog = db.prepare<[], { document_id: string }>('SELECT DISTINCT document_id FROM document_updates');

  // One read transaction, so the snapshot and the rows after it belong together.
  const read = db.transaction((documentId: string): StoredLog => {
    const stored = snapshot.get(documentId);
    const rows = updatesAfter.all(documentId, stored?.upto_id ?? 0);
    return {
      snapshot: stored ? { state: stored.state, uptoId: stored.upto_id } : null,
      updates: rows.map((row) => ({ id: row.id, bytes: row.update_bytes })),
    };
  });
  const append = db.transaction((documentId: string, entries: Parameters<DocumentLog['append']>[1], afterId: number | undefined): number => {
    if (afterId !== undefined) {
      const moved = lastRowAfter.get(documentId, afterId, documentId, afterId)?.id;
      if (moved != null) throw new DocumentLogMovedError(documentId, afterId, moved);
    }
    const now = Date.now();
    let lastId = 0;
    for (const { update, author } of entries) lastId = Number(insert.run(documentId, update, author.userId, author.partyId, now).lastInsertRowid);
    return lastId;
  });
  const compact = db.transaction((documentId: string, state: Uint8Array, uptoId: number) => {
    if ((snapshot.get(documentId)?.upto_id ?? 0) > uptoId) return;
    upsertSnapshot.run(documentId, state, uptoId, Date.now());
    deleteUpTo.run(documentId, uptoId);
  });

  return {
    read: async (documentId) => read(documentId),
    async append(documentId, entries, afterId) {
      // The repositories share this connection. Their transactions never wait on anything but
      // this database, so they finish within one turn and this can never land inside one (and
      // be rolled back with it); if that ever changed, fail loudly instead.
      if (db.inTransaction) throw new Error('document log append inside another transaction');
      return append(documentId, entries, afterId);
    },
    compact: async (documentId, state, uptoId) => compact(documentId, state, uptoId),
    documentsWithLog: async () => withLog.all().map((row) => row.document_id),
  };
}
