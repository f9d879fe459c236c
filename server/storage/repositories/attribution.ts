import type { AttributionRepo } from '../ports';
import type { AttributionCounts } from '../rows';
import type { Db } from './db';

/** Rows of one multi-row insert: 4 parameters each, well under SQLite's parameter limit. */
const CLIENT_ROWS_PER_INSERT = 200;

/** The per-person, party and day summaries of a document, oldest day first. */
function dailyTotals(db: Db, documentId: string) {
  return db
    .selectFrom('attribution_daily')
    .select(['user_id', 'party_id', 'day', 'chars_inserted', 'chars_deleted', 'blocks_inserted', 'updates'])
    .where('document_id', '=', documentId)
    .orderBy('day')
    .execute();
}

/** Attribution summaries, filled from the update log before compaction removes its rows. */
export function createAttributionRepo(db: Db): AttributionRepo {
  return {
    summarise: (documentId, uptoId, count) =>
      db.transaction().execute(async (trx) => {
        // The rows are claimed (marked) in the statement that reads them: two summaries at once
        // (an automatic version's and the unloading room's) each counted every row on
        // PostgreSQL, where a plain read takes no lock; the second now waits and claims none.
        const rows = (
          await trx
            .updateTable('document_updates')
            .set({ attributed: 1 })
            .where('document_id', '=', documentId)
            .where('attributed', '=', 0)
            .where('id', '<=', uptoId)
            .returning(['id', 'update_bytes', 'user_id', 'party_id', 'created_at'])
            .execute()
        ).sort((a, b) => a.id - b.id);
        // Rows are added up in memory first: one upsert per person, party and day and one insert
        // per new client id, not a statement per row and per client id (a log of many updates,
        // or an update naming hundreds of client ids, made this one long stall of the event loop).
        const days = new Map<string, { user_id: string; party_id: string; day: string; counts: AttributionCounts; updates: number }>();
        const clients = new Map<number, { user_id: string; party_id: string | null }>();
        for (const row of rows) {
          if (!row.user_id) continue; // the server's own changes are nobody's writing
          const { counts, clientIds } = count(row);
          const day = new Date(row.created_at).toISOString().slice(0, 10);
          const party = row.party_id ?? '';
          const key = `${row.user_id}\u0000${party}\u0000${day}`;
          const sum = days.get(key) ?? { user_id: row.user_id, party_id: party, day, counts: { charsInserted: 0, charsDeleted: 0, blocksInserted: 0 }, updates: 0 };
          sum.counts.charsInserted += counts.charsInserted;
          sum.counts.charsDeleted += counts.charsDeleted;
          sum.counts.blocksInserted += counts.blocksInserted;
          sum.updates += 1;
          days.set(key, sum);
          // The first writer with a client id is its owner, as when rows were inserted one by one.
          for (const clientId of clientIds) if (!clients.has(clientId)) clients.set(clientId, { user_id: row.user_id, party_id: row.party_id });
        }
        for (const sum of days.values()) {
          await trx
            .insertInto('attribution_daily')
            .values({
              document_id: documentId,
              user_id: sum.user_id,
              party_id: sum.party_id,
              day: sum.day,
              chars_inserted: sum.counts.charsInserted,
              chars_deleted: sum.counts.charsDeleted,
              blocks_inserted: sum.counts.blocksInserted,
              updates: sum.updates,
            })
            .onConflict((oc) =>
              oc.columns(['document_id', 'user_id', 'party_id', 'day']).doUpdateSet((eb) => ({
                chars_inserted: eb('attribution_daily.chars_inserted', '+', eb.ref('excluded.chars_inserted')),
                chars_deleted: eb('attribution_daily.chars_deleted', '+', eb.ref('excluded.chars_deleted')),
                blocks_inserted: eb('attribution_daily.blocks_inserted', '+', eb.ref('excluded.blocks_inserted')),
                updates: eb('attribution_daily.updates', '+', eb.ref('excluded.updates')),
              })),
            )
            .execute();
        }
        const clientRows = [...clients].map(([clientId, owner]) => ({ document_id: documentId, client_id: clientId, ...owner }));
        for (let i = 0; i < clientRows.length; i += CLIENT_ROWS_PER_INSERT) {
          await trx
            .insertInto('document_clients')
            .values(clientRows.slice(i, i + CLIENT_ROWS_PER_INSERT))
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
        return rows.length;
      }),
    totals: (documentId) => dailyTotals(db, documentId),
    live: (documentId) =>
      // Repeatable read on PostgreSQL; a SQLite transaction reads one snapshot anyway.
      db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => ({
          totals: await dailyTotals(trx, documentId),
          clients: await trx.selectFrom('document_clients').select(['client_id', 'user_id', 'party_id']).where('document_id', '=', documentId).execute(),
          pending: await trx
            .selectFrom('document_updates')
            .select(['id', 'update_bytes', 'user_id', 'party_id', 'created_at'])
            .where('document_id', '=', documentId)
            .where('attributed', '=', 0)
            .orderBy('id')
            .execute(),
        })),
    documentsWithPending: async () =>
      (await db.selectFrom('document_updates').select('document_id').distinct().where('attributed', '=', 0).execute()).map((r) => r.document_id),
  };
}
