import type { AttributionRepo } from '../ports';
import type { Db } from './db';

/** Attribution summaries, filled from the update log before compaction removes its rows. */
export function createAttributionRepo(db: Db): AttributionRepo {
  return {
    summarise: (documentId, uptoId, count) =>
      db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('document_updates')
          .select(['id', 'update_bytes', 'user_id', 'party_id', 'created_at'])
          .where('document_id', '=', documentId)
          .where('attributed', '=', 0)
          .where('id', '<=', uptoId)
          .orderBy('id')
          .execute();
        for (const row of rows) {
          if (!row.user_id) continue; // the server's own changes are nobody's writing
          const { counts, clientIds } = count(row);
          await trx
            .insertInto('attribution_daily')
            .values({
              document_id: documentId,
              user_id: row.user_id,
              party_id: row.party_id ?? '',
              day: new Date(row.created_at).toISOString().slice(0, 10),
              chars_inserted: counts.charsInserted,
              chars_deleted: counts.charsDeleted,
              blocks_inserted: counts.blocksInserted,
              updates: 1,
            })
            .onConflict((oc) =>
              oc.columns(['document_id', 'user_id', 'party_id', 'day']).doUpdateSet((eb) => ({
                chars_inserted: eb('attribution_daily.chars_inserted', '+', eb.ref('excluded.chars_inserted')),
                chars_deleted: eb('attribution_daily.chars_deleted', '+', eb.ref('excluded.chars_deleted')),
                blocks_inserted: eb('attribution_daily.blocks_inserted', '+', eb.ref('excluded.blocks_inserted')),
                updates: eb('attribution_daily.updates', '+', 1),
              })),
            )
            .execute();
          for (const clientId of clientIds) {
            await trx
              .insertInto('document_clients')
              .values({ document_id: documentId, client_id: clientId, user_id: row.user_id, party_id: row.party_id })
              .onConflict((oc) => oc.doNothing())
              .execute();
          }
        }
        await trx
          .updateTable('document_updates')
          .set({ attributed: 1 })
          .where('document_id', '=', documentId)
          .where('attributed', '=', 0)
          .where('id', '<=', uptoId)
          .execute();
        return rows.length;
      }),
    pending: (documentId) =>
      db
        .selectFrom('document_updates')
        .select(['id', 'update_bytes', 'user_id', 'party_id', 'created_at'])
        .where('document_id', '=', documentId)
        .where('attributed', '=', 0)
        .orderBy('id')
        .execute(),
    totals: (documentId) =>
      db
        .selectFrom('attribution_daily')
        .select(['user_id', 'party_id', 'day', 'chars_inserted', 'chars_deleted', 'blocks_inserted', 'updates'])
        .where('document_id', '=', documentId)
        .orderBy('day')
        .execute(),
    clients: (documentId) => db.selectFrom('document_clients').select(['client_id', 'user_id', 'party_id']).where('document_id', '=', documentId).execute(),
    documentsWithPending: async () =>
      (await db.selectFrom('document_updates').select('document_id').distinct().where('attributed', '=', 0).execute()).map((r) => r.document_id),
  };
}
