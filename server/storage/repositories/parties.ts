import type { PartyRepo } from '../ports';
import type { PartyRow } from '../rows';
import { newId } from '../ids';
import { toCount, type Db } from './db';

export function createPartyRepo(db: Db): PartyRepo {
  return {
    async create(input) {
      const row: PartyRow = { ...input, id: newId(), created_at: Date.now() };
      await db.insertInto('parties').values(row).execute();
      return row;
    },
    findById: (id) => db.selectFrom('parties').selectAll().where('id', '=', id).executeTakeFirst(),
    listForWorkspace: (workspaceId) =>
      db.selectFrom('parties').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute(),
    async countForWorkspace(workspaceId) {
      const row = await db.selectFrom('parties').select((eb) => eb.fn.countAll().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirst();
      return toCount(row?.n);
    },
    update: async (row) =>
      void (await db.updateTable('parties').set({ name: row.name, kind: row.kind, color: row.color }).where('id', '=', row.id).execute()),
    async usageCount(id) {
      const members = await db.selectFrom('members').select((eb) => eb.fn.countAll().as('n')).where('party_id', '=', id).executeTakeFirst();
      const invites = await db
        .selectFrom('invites')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('party_id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return toCount(members?.n) + toCount(invites?.n);
    },
    delete: (id) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('invites').where('party_id', '=', id).where('revoked_at', 'is not', null).execute();
        await trx.deleteFrom('parties').where('id', '=', id).execute();
      }),
  };
}
