import type { Db } from './database';

export interface CommitmentDecisionRow {
  id: number;
  document_id: string;
  block_id: string;
  status: 'proposed' | 'confirmed' | 'withdrawn';
  user_id: string;
  party_id: string;
  decided_at: number;
}

/** Append-only record of commitment confirmations and withdrawals. */
export function createCommitmentDecisionRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO commitment_decisions (document_id, block_id, status, user_id, party_id, decided_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const latestForDocument = db.prepare<[string], CommitmentDecisionRow>(
    `SELECT * FROM commitment_decisions WHERE id IN
       (SELECT MAX(id) FROM commitment_decisions WHERE document_id = ? GROUP BY block_id)`,
  );
  return {
    record(row: Omit<CommitmentDecisionRow, 'id'>): CommitmentDecisionRow {
      const id = Number(insert.run(row.document_id, row.block_id, row.status, row.user_id, row.party_id, row.decided_at).lastInsertRowid);
      return { ...row, id };
    },
    /** The last decision per commitment block of a document. */
    latestForDocument: (documentId: string) => latestForDocument.all(documentId),
  };
}
export type CommitmentDecisionRepo = ReturnType<typeof createCommitmentDecisionRepo>;
