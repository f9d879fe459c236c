import type { MemberRepo } from '../ports';
import { toCount, type Db } from './db';

export function createMemberRepo(db: Db): MemberRepo {
  return {
    find: (workspaceId, userId) =>
      db.selectFrom('members').selectAll().where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst(),
    listForWorkspace: (workspaceId) =>
      db
        .selectFrom('members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .selectAll('m')
        .select(['u.name', 'u.email', 'u.email_verified_at', 'u.language', 'u.workspace_mails'])
        .where('m.workspace_id', '=', workspaceId)
        .orderBy('m.created_at')
        .orderBy('u.name')
        .execute(),
    insert: async (row) => void (await db.insertInto('members').values(row).execute()),
    update: async (row) =>
      void (await db
        .updateTable('members')
        .set({ role: row.role, party_id: row.party_id })
        .where('workspace_id', '=', row.workspace_id)
        .where('user_id', '=', row.user_id)
        .execute()),
    delete: async (workspaceId, userId) =>
      void (await db.deleteFrom('members').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute()),
    async ownerCount(workspaceId) {
      const row = await db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('role', '=', 'owner')
        .executeTakeFirst();
      return toCount(row?.n);
    },
  };
}
