import type { FieldSuggestionRepo } from '../ports';
import type { Db } from './db';

/** Suggested changes of block fields and what became of them (issue 15). */
export function createFieldSuggestionRepo(db: Db): FieldSuggestionRepo {
  return {
    create: async (row) => void (await db.insertInto('field_suggestions').values(row).execute()),
    find: (documentId, id) => db.selectFrom('field_suggestions').selectAll().where('document_id', '=', documentId).where('id', '=', id).executeTakeFirst(),
    ofDocument: (documentId, status) => {
      let query = db.selectFrom('field_suggestions').selectAll().where('document_id', '=', documentId);
      if (status) query = query.where('status', '=', status);
      return query.orderBy('created_at').orderBy('id').execute();
    },
    decide: async (documentId, id, status, by, at, byPollId) => {
      const result = await db
        .updateTable('field_suggestions')
        .set({ status, decided_by: by, decided_at: at, decided_by_poll_id: byPollId ?? null })
        .where('document_id', '=', documentId)
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    reopen: async (documentId, id) =>
      void (await db.updateTable('field_suggestions').set({ status: 'open', decided_by: null, decided_at: null, decided_by_poll_id: null }).where('document_id', '=', documentId).where('id', '=', id).execute()),
  };
}
