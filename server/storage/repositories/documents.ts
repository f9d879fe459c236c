import type { DocumentRepo } from '../ports';
import type { DocumentRow } from '../rows';
import { newId } from '../ids';
import type { Db } from './db';

export function createDocumentRepo(db: Db): DocumentRepo {
  return {
    async create(input) {
      const now = Date.now();
      const row: DocumentRow = { ...input, id: newId(), archived_at: null, created_at: now, updated_at: now };
      await db.insertInto('documents').values(row).execute();
      return row;
    },
    findById: (id) => db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst(),
    listForWorkspace: (workspaceId) =>
      db.selectFrom('documents').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').execute(),
    update: async (row) =>
      void (await db
        .updateTable('documents')
        .set({ title: row.title, archived_at: row.archived_at, updated_at: row.updated_at })
        .where('id', '=', row.id)
        .execute()),
    touch: async (id, at) => void (await db.updateTable('documents').set({ updated_at: at }).where('id', '=', id).execute()),
    remove: async (id) => void (await db.deleteFrom('documents').where('id', '=', id).execute()),
  };
}
