/**
 * The storage helper's part for ours on PostgreSQL (CP, C3x, C2x): seeding a document's
 * snapshot or update log, and reading its stored text back, in plain SQL on the server's
 * database while no instance of it runs (read-back also works after a `kill -9`). The tables
 * are the ones server/storage/postgres/PostgresDocumentLog.ts writes.
 */
import pg from 'pg';
import * as Y from 'yjs';
import { TEXT_NAME } from '../../protocol/textUpdates';

/** Rows per INSERT when seeding a log (bind parameters stay well under PostgreSQL's limit). */
const ROWS_PER_INSERT = 5000;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Forgets whatever an earlier sample left (a snapshot from compaction, log rows). */
async function clear(client: pg.Client, docName: string): Promise<void> {
  await client.query('DELETE FROM document_updates WHERE document_id = $1', [docName]);
  await client.query('DELETE FROM document_snapshots WHERE document_id = $1', [docName]);
}

/** Stores `state` as a snapshot covering no log rows: what compaction leaves behind. */
export function seedStatePostgres(url: string, docName: string, state: Uint8Array): Promise<void> {
  return withClient(url, async (client) => {
    await client.query('BEGIN');
    await clear(client, docName);
    await client.query('INSERT INTO document_snapshots (document_id, state, upto_id, updated_at) VALUES ($1, $2, 0, $3)', [docName, Buffer.from(state), Date.now()]);
    await client.query('COMMIT');
  });
}

/** Stores every update as its own log row, numbered 1, 2, 3... as appends number them. */
export function seedLogPostgres(url: string, docName: string, updates: Uint8Array[]): Promise<void> {
  return withClient(url, async (client) => {
    await client.query('BEGIN');
    await clear(client, docName);
    const now = Date.now();
    for (let start = 0; start < updates.length; start += ROWS_PER_INSERT) {
      const chunk = updates.slice(start, start + ROWS_PER_INSERT);
      await client.query(
        `INSERT INTO document_updates (document_id, id, update_bytes, user_id, party_id, created_at)
         SELECT $1, $2 + e.n, e.bytes, NULL, NULL, $4 FROM unnest($3::bytea[]) WITH ORDINALITY AS e(bytes, n)`,
        [docName, start, chunk.map((u) => Buffer.from(u)), now],
      );
    }
    await client.query('COMMIT');
  });
}

/** The stored text: the snapshot, then the log rows after it, in one read snapshot. */
export function readTextPostgres(url: string, docName: string): Promise<string> {
  return withClient(url, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = await client.query<{ state: Buffer; upto_id: string }>('SELECT state, upto_id FROM document_snapshots WHERE document_id = $1', [docName]);
    const uptoId = snapshot.rows[0]?.upto_id ?? '0';
    const rows = await client.query<{ update_bytes: Buffer }>('SELECT update_bytes FROM document_updates WHERE document_id = $1 AND id > $2 ORDER BY id', [docName, uptoId]);
    await client.query('COMMIT');
    const doc = new Y.Doc();
    doc.transact(() => {
      if (snapshot.rows[0]) Y.applyUpdate(doc, snapshot.rows[0].state);
      for (const row of rows.rows) Y.applyUpdate(doc, row.update_bytes);
    });
    return doc.getText(TEXT_NAME).toString();
  });
}
