import type { BlockRepo } from '../ports';
import type { BlockRow, RegisterRow } from '../rows';
import type { Db } from './db';

/** Rows of one insert statement: far below SQLite's 32,766 bound parameters at nine columns each. */
const INSERT_CHUNK = 500;

/**
 * PostgreSQL's TEXT cannot hold U+0000, which a client can put in a block's text; SQLite can.
 * The registers are read out of the document again at any time, so the character is left out
 * on both engines alike (the feed and the exports drop control characters anyway).
 */
const withoutNul = (row: BlockRow): BlockRow => (row.text.includes('\u0000') ? { ...row, text: row.text.replaceAll('\u0000', '') } : row);

export function createBlockRepo(db: Db): BlockRepo {
  const registerQuery = (workspaceId: string) =>
    db
      .selectFrom('document_blocks as b')
      .innerJoin('documents as d', 'd.id', 'b.document_id')
      .selectAll('b')
      .select(['d.title as document_title', 'd.archived_at'])
      .where('b.workspace_id', '=', workspaceId)
      .orderBy('d.created_at')
      .orderBy('b.document_id')
      .orderBy('b.position');
  const toRegisterRow = ({ archived_at, ...row }: Omit<RegisterRow, 'document_archived'> & { archived_at: number | null }): RegisterRow => ({
    ...row,
    document_archived: archived_at !== null,
  });
  return {
    replaceForDocument: (documentId, rows) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('document_blocks').where('document_id', '=', documentId).execute();
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          await trx.insertInto('document_blocks').values(rows.slice(i, i + INSERT_CHUNK).map(withoutNul)).execute();
        }
      }),
    listForWorkspace: async (workspaceId, kind) => (await registerQuery(workspaceId).where('b.kind', '=', kind).execute()).map(toRegisterRow),
    listAllForWorkspace: async (workspaceId) => (await registerQuery(workspaceId).execute()).map(toRegisterRow),
  };
}
