import type { VersionRepo } from '../ports';
import type { VersionRow } from '../rows';
import { newId } from '../ids';
import type { Db } from './db';

const metaColumns = ['id', 'document_id', 'label', 'kind', 'attribution', 'created_by', 'created_at', 'content_hash'] as const;

/** Versions are immutable: there is no update. They may be deleted while no adoption uses them. */
export function createVersionRepo(db: Db): VersionRepo {
  /** Deletes only versions no adoption request names, in the same statement that checks it. */
  const unadopted = (ids: readonly string[]) =>
    db
      .deleteFrom('document_versions')
      .where('id', 'in', ids)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('adoption_requests').select('version_id').whereRef('adoption_requests.version_id', '=', 'document_versions.id'))));

  return {
    async create(input) {
      const row: VersionRow = { ...input, id: newId(), created_at: input.created_at ?? Date.now(), content_hash: input.content_hash ?? null };
      await db
        .insertInto('document_versions')
        // One more than the highest so far: ties of created_at are ordered by seq alone (on
        // PostgreSQL there is no rowid to fall back on).
        .values((eb) => ({
          ...row,
          seq: eb
            .selectFrom('document_versions')
            .select((s) => s(s.fn.coalesce(s.fn.max('seq'), s.lit(0)), '+', 1).as('m'))
            .$castTo<number>(),
        }))
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
    async delete(id) {
      const result = await unadopted([id]).executeTakeFirst();
      if (Number(result.numDeletedRows) > 0) return 'deleted';
      const request = await db.selectFrom('adoption_requests').select('version_id').where('version_id', '=', id).executeTakeFirst();
      return request ? 'adopted' : 'missing';
    },
    async deleteAutomatic(ids) {
      if (ids.length === 0) return 0;
      const result = await unadopted(ids).where('kind', '=', 'auto').executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
