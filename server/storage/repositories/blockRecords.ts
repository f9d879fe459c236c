import type { BlockRecordRepo } from '../ports';
import type { Db } from './db';

/** Who created which block: written once per block, never changed. */
export function createBlockRecordRepo(db: Db): BlockRecordRepo {
  return {
    forDocument: (documentId) => db.selectFrom('block_records').selectAll().where('document_id', '=', documentId).execute(),
    async insert(rows) {
      if (rows.length === 0) return;
      await db.insertInto('block_records').values(rows).onConflict((oc) => oc.doNothing()).execute();
    },
  };
}
