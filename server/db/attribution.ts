import type { Db } from './database';

export interface PendingUpdateRow {
  id: number;
  update_bytes: Buffer;
  user_id: string | null;
  party_id: string | null;
  created_at: number;
}

export interface AttributionCounts {
  charsInserted: number;
  charsDeleted: number;
  blocksInserted: number;
}

export interface AttributionTotalRow {
  user_id: string;
  party_id: string;
  day: string;
  chars_inserted: number;
  chars_deleted: number;
  blocks_inserted: number;
  updates: number;
}

export interface DocumentClientRow {
  client_id: number;
  user_id: string;
  party_id: string | null;
}

/** Attribution summaries, filled from the update log before compaction removes its rows. */
export function createAttributionRepo(db: Db) {
  const pending = db.prepare<[string, number], PendingUpdateRow>(
    `SELECT id, update_bytes, user_id, party_id, created_at FROM document_updates
     WHERE document_id = ? AND attributed = 0 AND id <= ? ORDER BY id`,
  );
  const markDone = db.prepare('UPDATE document_updates SET attributed = 1 WHERE document_id = ? AND attributed = 0 AND id <= ?');
  const add = db.prepare(
    `INSERT INTO attribution_daily (document_id, user_id, party_id, day, chars_inserted, chars_deleted, blocks_inserted, updates)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1)
     ON CONFLICT(document_id, user_id, party_id, day) DO UPDATE SET
       chars_inserted = chars_inserted + excluded.chars_inserted,
       chars_deleted = chars_deleted + excluded.chars_deleted,
       blocks_inserted = blocks_inserted + excluded.blocks_inserted,
       updates = updates + 1`,
  );
  const addClient = db.prepare(
    'INSERT OR IGNORE INTO document_clients (document_id, client_id, user_id, party_id) VALUES (?, ?, ?, ?)',
  );
  const totals = db.prepare<[string], AttributionTotalRow>(
    'SELECT user_id, party_id, day, chars_inserted, chars_deleted, blocks_inserted, updates FROM attribution_daily WHERE document_id = ? ORDER BY day',
  );
  const clients = db.prepare<[string], DocumentClientRow>(
    'SELECT client_id, user_id, party_id FROM document_clients WHERE document_id = ?',
  );
  const withPending = db.prepare<[], { document_id: string }>('SELECT DISTINCT document_id FROM document_updates WHERE attributed = 0');
  return {
    /**
     * Summarises every not yet attributed log row up to `uptoId` with `count`, in one
     * transaction, and marks them done.
     */
    summarise: db.transaction(
      (documentId: string, uptoId: number, count: (row: PendingUpdateRow) => { counts: AttributionCounts; clientIds: number[] }) => {
        const rows = pending.all(documentId, uptoId);
        for (const row of rows) {
          if (!row.user_id) continue; // the server's own changes are nobody's writing
          const { counts, clientIds } = count(row);
          const day = new Date(row.created_at).toISOString().slice(0, 10);
          add.run(documentId, row.user_id, row.party_id ?? '', day, counts.charsInserted, counts.charsDeleted, counts.blocksInserted);
          for (const clientId of clientIds) addClient.run(documentId, clientId, row.user_id, row.party_id);
        }
        markDone.run(documentId, uptoId);
        return rows.length;
      },
    ),
    totals: (documentId: string) => totals.all(documentId),
    clients: (documentId: string) => clients.all(documentId),
    documentsWithPending: () => withPending.all().map((r) => r.document_id),
  };
}
export type AttributionRepo = ReturnType<typeof createAttributionRepo>;
