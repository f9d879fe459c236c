import type { VersionRepo } from '../ports';
import type { VersionRow } from '../rows';
import { newId } from '../ids';
import type { Db } from './db';

const metaColumns = ['id', 'document_id', 'label', 'kind', 'attribution', 'created_by', 'created_at'] as const;

/** Versions are immutable: there is no update. */
export function createVersionRepo(db: Db): VersionRepo {
  return {
    async create(input) {
      const row: VersionRow = { ...input, id: newId(), created_at: input.created_at ?? Date.now() };
      await db
        .insertInto('document_versions')
        .values((eb) => ({ ...row, seq: eb.selectFrom('document_versions').select((s) => s.fn.coalesce(s.fn.max('seq'), s.lit(0)).as('m')).$castTo<number>() }))
        .execute();
      return row;
    },
    findById: (id) => db.selectFrom('document_versions').select([...metaColumns, 'state']).where('id', '=', id).executeTakeFirst(),
    // Two versions made in the same millisecond (a backup before a restore, say) keep the order
    // they were made in: `seq` grows with every insert.
    listForDocument: (documentId) =>
      db.selectFrom('document_versions').select(metaColumns).where('document_id', '=', documentId).orderBy('created_at', 'desc').orderBy('seq', 'desc').execute(),
    latestForDocument: (documentId) =>
      db
        .selectFrom('document_versions')
        .select([...metaColumns, 'state'])
        .where('document_id', '=', documentId)
        .orderBy('created_at', 'desc')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst(),
  };
}
