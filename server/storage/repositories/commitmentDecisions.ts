import type { CommitmentDecisionRepo } from '../ports';
import type { Db } from './db';

/** Append-only record of commitment confirmations and withdrawals. */
export function createCommitmentDecisionRepo(db: Db): CommitmentDecisionRepo {
  return {
    async record(row) {
      const inserted = await db.insertInto('commitment_decisions').values(row).returning('id').executeTakeFirstOrThrow();
      return { ...row, id: Number(inserted.id) };
    },
    latestForDocument: (documentId) =>
      db
        .selectFrom('commitment_decisions')
        .selectAll()
        .where('id', 'in', (eb) =>
          eb.selectFrom('commitment_decisions').select((inner) => inner.fn.max('id').as('id')).where('document_id', '=', documentId).groupBy('block_id'),
        )
        .execute(),
  };
}
