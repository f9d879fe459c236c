import type { WorkspaceRepo } from '../ports';
import type { WorkspaceRow } from '../rows';
import { newId } from '../ids';
import type { Db } from './db';

export function createWorkspaceRepo(db: Db): WorkspaceRepo {
  return {
    create: (name, userId) =>
      db.transaction().execute(async (trx) => {
        const row: WorkspaceRow = { id: newId(), name, created_by: userId, created_at: Date.now() };
        await trx.insertInto('workspaces').values(row).execute();
        await trx.insertInto('members').values({ workspace_id: row.id, user_id: userId, party_id: null, role: 'owner', created_at: row.created_at }).execute();
        return row;
      }),
    findById: (id) => db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst(),
    listForUser: (userId) =>
      db
        .selectFrom('workspaces as w')
        .innerJoin('members as m', 'm.workspace_id', 'w.id')
        .selectAll('w')
        .select(['m.role', 'm.party_id'])
        .where('m.user_id', '=', userId)
        .orderBy('w.created_at', 'desc')
        .execute(),
    rename: async (id, name) => void (await db.updateTable('workspaces').set({ name }).where('id', '=', id).execute()),
  };
}
