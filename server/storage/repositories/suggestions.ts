import type { SuggestionRepo } from '../ports';
import type { Db } from './db';

/** The server's record of who proposed each suggestion and what became of it. */
export function createSuggestionRepo(db: Db): SuggestionRepo {
  return {
    record: async (rows) => {
      if (rows.length === 0) return;
      await db
        .insertInto('suggestions')
        .values([...rows])
        .onConflict((oc) => oc.columns(['document_id', 'id']).doNothing())
        .execute();
    },
    find: (documentId, id) => db.selectFrom('suggestions').selectAll().where('document_id', '=', documentId).where('id', '=', id).executeTakeFirst(),
    ofDocument: (documentId, status) => {
      let query = db.selectFrom('suggestions').selectAll().where('document_id', '=', documentId);
      if (status) query = query.where('status', '=', status);
      return query.orderBy('created_at').orderBy('id').execute();
    },
    decide: async (documentId, id, status, by, at) => {
      const result = await db
        .updateTable('suggestions')
        .set({ status, decided_by: by, decided_at: at })
        .where('document_id', '=', documentId)
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    reopen: async (documentId, id) =>
      void (await db.updateTable('suggestions').set({ status: 'open', decided_by: null, decided_at: null }).where('document_id', '=', documentId).where('id', '=', id).execute()),
    revive: async (documentId, ids) => {
      if (ids.length === 0) return;
      await db
        .updateTable('suggestions')
        .set({ status: 'open', decided_by: null, decided_at: null })
        .where('document_id', '=', documentId)
        .where('id', 'in', [...ids])
        .where('status', '=', 'withdrawn')
        .execute();
    },
    withdraw: async (documentId, ids, at) => {
      if (ids.length === 0) return [];
      // Only open ones: a decision that reached the row first stands.
      return db
        .updateTable('suggestions')
        .set({ status: 'withdrawn', decided_by: null, decided_at: at })
        .where('document_id', '=', documentId)
        .where('id', 'in', [...ids])
        .where('status', '=', 'open')
        .returning(['id', 'workspace_id'])
        .execute();
    },
  };
}
