import type { Db } from './database';

export interface AdoptionRequestRow {
  version_id: string;
  party_ids: string;
  requested_by: string;
  requested_at: number;
}

export interface AdoptionDecisionRow {
  id: number;
  version_id: string;
  party_id: string;
  user_id: string;
  decision: 'signed' | 'declined';
  reason: string | null;
  decided_at: number;
}

/** Adoption requests and their append-only sign-off decisions. */
export function createAdoptionRepo(db: Db) {
  const insertRequest = db.prepare(
    'INSERT INTO adoption_requests (version_id, party_ids, requested_by, requested_at) VALUES (?, ?, ?, ?)',
  );
  const request = db.prepare<[string], AdoptionRequestRow>('SELECT * FROM adoption_requests WHERE version_id = ?');
  const requestsForDocument = db.prepare<[string], AdoptionRequestRow>(
    `SELECT r.* FROM adoption_requests r JOIN document_versions v ON v.id = r.version_id WHERE v.document_id = ?`,
  );
  const insertDecision = db.prepare(
    'INSERT INTO adoption_decisions (version_id, party_id, user_id, decision, reason, decided_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const decisions = db.prepare<[string], AdoptionDecisionRow>(
    'SELECT * FROM adoption_decisions WHERE version_id = ? ORDER BY id',
  );
  return {
    createRequest: (row: AdoptionRequestRow) => void insertRequest.run(row.version_id, row.party_ids, row.requested_by, row.requested_at),
    findRequest: (versionId: string) => request.get(versionId),
    requestsForDocument: (documentId: string) => requestsForDocument.all(documentId),
    recordDecision(row: Omit<AdoptionDecisionRow, 'id'>): void {
      insertDecision.run(row.version_id, row.party_id, row.user_id, row.decision, row.reason, row.decided_at);
    },
    decisions: (versionId: string) => decisions.all(versionId),
  };
}
export type AdoptionRepo = ReturnType<typeof createAdoptionRepo>;
