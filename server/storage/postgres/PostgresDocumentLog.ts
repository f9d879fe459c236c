/**
 * The document log on PostgreSQL, in plain SQL (the sync core's hot path). Each document's rows
 * are numbered 1, 2, 3… by the transaction that appends them, under a per-document lock, so the
 * numbers follow commit order: a reader that takes the snapshot up to n and the rows after n
 * never misses a row that committed late (a global sequence cannot promise that).
 *
 * Appends and compactions are fenced (DocumentLeases.ts): the statement that writes also renews
 * this instance's lease by its epoch, and writes nothing when another instance took the document
 * over. The append then rejects, and the room breaks without relaying what it held.
 */
import type pg from 'pg';
import { DocumentLogMovedError, type DocumentLog, type StoredLog } from '../ports';
import { DocumentFencedError, type DocumentLeases } from './DocumentLeases';

/** The first key of the two-key advisory locks that serialise appends per document. */
const APPEND_LOCK_CLASS = 7_413_002;

/** pg binds a Buffer as bytea; a plain Uint8Array is copied into one without copying bytes. */
const toBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** Runs `work` in one transaction on one connection of the pool. */
async function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

// The next number continues after the last row and after the snapshot: compaction may have
// dropped every row, and numbering must never restart below what the snapshot holds. Nothing is
// inserted when the lease moved on ($7) or the log moved past what the writer's state holds
// ($8, null: unchecked); the outer select says which.
const insertBatch = `
  WITH lease AS (
    UPDATE document_leases SET expires_at = $6 WHERE document_id = $1 AND epoch = $7 RETURNING 1
  ),
  head AS (
    SELECT greatest(
      (SELECT coalesce(max(id), 0) FROM document_updates WHERE document_id = $1),
      (SELECT coalesce(max(upto_id), 0) FROM document_snapshots WHERE document_id = $1)
    ) AS last
  ),
  inserted AS (
    INSERT INTO document_updates (document_id, id, update_bytes, user_id, party_id, created_at)
    SELECT $1, head.last + e.n, e.bytes, e.user_id, e.party_id, $5
    FROM lease, head, unnest($2::bytea[], $3::text[], $4::text[]) WITH ORDINALITY AS e(bytes, user_id, party_id, n)
    WHERE $8::bigint IS NULL OR head.last = $8::bigint
    RETURNING id
  )
  SELECT (SELECT count(*) FROM lease)::int AS leased, (SELECT last FROM head)::bigint AS head,
         (SELECT count(*) FROM inserted)::int AS stored, (SELECT max(id) FROM inserted)::bigint AS last_id`;

const renewLease = 'UPDATE document_leases SET expires_at = $2 WHERE document_id = $1 AND epoch = $3';

export function createPostgresDocumentLog(pool: pg.Pool, leases: DocumentLeases): DocumentLog {
  /** Zero rows written: the lease moved on. Forgotten, so a later room claims afresh. */
  const fenced = (documentId: string): never => {
    leases.forget(documentId);
    throw new DocumentFencedError(documentId);
  };
  return {
    // One snapshot of the database for both reads, so the snapshot and the rows after it belong together.
    read: (documentId) =>
      inTransaction(pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client): Promise<StoredLog> => {
        const snapshot = await client.query<{ state: Buffer; upto_id: number }>('SELECT state, upto_id FROM document_snapshots WHERE document_id = $1', [documentId]);
        const stored = snapshot.rows[0];
        const rows = await client.query<{ id: number; update_bytes: Buffer }>(
          'SELECT id, update_bytes FROM document_updates WHERE document_id = $1 AND id > $2 ORDER BY id',
          [documentId, stored?.upto_id ?? 0],
        );
        return {
          snapshot: stored ? { state: stored.state, uptoId: stored.upto_id } : null,
          updates: rows.rows.map((row) => ({ id: row.id, bytes: row.update_bytes })),
        };
      }),
    async append(documentId, entries, afterId) {
      const epoch = await leases.epochFor(documentId);
      // Read committed: the insert statement starts after the lock is held, so it sees the
      // rows of the append before it.
      return inTransaction(pool, 'BEGIN', async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [APPEND_LOCK_CLASS, documentId]);
        const result = await client.query<{ leased: number; head: string; stored: number; last_id: string | null }>(insertBatch, [
          documentId,
          entries.map((entry) => toBuffer(entry.update)),
          entries.map((entry) => entry.author.userId),
          entries.map((entry) => entry.author.partyId),
          Date.now(),
          leases.expiresAt(),
          epoch,
          afterId ?? null,
        ]);
        const { leased, head, stored, last_id } = result.rows[0]!;
        if (entries.length === 0) return Number(head);
        if (leased === 0) fenced(documentId);
        if (afterId !== undefined && Number(head) !== afterId) throw new DocumentLogMovedError(documentId, afterId, Number(head));
        if (stored !== entries.length) throw new Error(`document log append stored ${stored} of ${entries.length} rows`);
        return Number(last_id);
      });
    },
    async compact(documentId, state, uptoId) {
      const epoch = await leases.epochFor(documentId);
      await inTransaction(pool, 'BEGIN', async (client) => {
        // First, so a compaction by an instance that was taken over changes nothing.
        const renewed = await client.query(renewLease, [documentId, leases.expiresAt(), epoch]);
        if (renewed.rowCount === 0) fenced(documentId);
        // A snapshot already past uptoId was written by a holder that saw more: it stays, and
        // so do the rows (the ones up to it are gone already).
        const written = await client.query(
          `INSERT INTO document_snapshots (document_id, state, upto_id, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, upto_id = excluded.upto_id, updated_at = excluded.updated_at
           WHERE document_snapshots.upto_id <= excluded.upto_id`,
          [documentId, toBuffer(state), uptoId, Date.now()],
        );
        if (written.rowCount === 0) return;
        await client.query('DELETE FROM document_updates WHERE document_id = $1 AND id <= $2', [documentId, uptoId]);
      });
    },
    documentsWithLog: async () => (await pool.query<{ document_id: string }>('SELECT DISTINCT document_id FROM document_updates')).rows.map((row) => row.document_id),
  };
}
