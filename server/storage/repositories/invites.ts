import type { InviteRepo } from '../ports';
import type { InviteRow } from '../rows';
import { newId } from '../ids';
import type { Transaction } from 'kysely';
import type { Tables } from '../schema';
import type { Db } from './db';

/**
 * Within a transaction: counts one use of the invite, only while it is still valid (so two
 * people racing for the last use cannot both get in), and makes the membership. Resolves false,
 * having changed nothing, when the invite was used up, revoked or expired in the meantime.
 */
export async function joinThroughInvite(trx: Transaction<Tables>, invite: InviteRow, userId: string, now: number): Promise<boolean> {
  const used = await trx
    .updateTable('invites')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', invite.id)
    .where((eb) => eb('uses', '<', eb.ref('max_uses')))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return false;
  await trx.insertInto('members').values({ workspace_id: invite.workspace_id, user_id: userId, party_id: invite.party_id, role: invite.role, created_at: now }).execute();
  return true;
}

export function createInviteRepo(db: Db): InviteRepo {
  return {
    async create(input) {
      const row: InviteRow = { ...input, email: input.email ?? null, id: newId(), uses: 0, revoked_at: null, created_at: Date.now() };
      await db.insertInto('invites').values(row).execute();
      return row;
    },
    findByTokenHash: (hash) => db.selectFrom('invites').selectAll().where('token_hash', '=', hash).executeTakeFirst(),
    findById: (id) => db.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirst(),
    listForWorkspace: (workspaceId) =>
      db.selectFrom('invites').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').execute(),
    revoke: async (id) =>
      void (await db.updateTable('invites').set({ revoked_at: Date.now() }).where('id', '=', id).where('revoked_at', 'is', null).execute()),
    redeem: (invite, userId, now) => db.transaction().execute((trx) => joinThroughInvite(trx, invite, userId, now)),
  };
}
