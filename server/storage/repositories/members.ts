import { isGuestAccessLive } from '../../../shared/sessions/guests';
import type { MemberRepo } from '../ports';
import type { MemberRow } from '../rows';
import { toCount, type Db } from './db';

export function createMemberRepo(db: Db): MemberRepo {
  return {
    async find(workspaceId, userId) {
      const member = await db.selectFrom('members').selectAll().where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
      return member ?? findGuestGrant(db, workspaceId, userId, Date.now());
    },
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

/**
 * A guest's grant read as a membership with the role `guest`, while it lasts: every check that
 * asks for someone's membership (routes, the socket when it opens and in its sweep, event
 * streams) then treats guests the same way, and the policies decide what the role allows. The
 * grant ends 12 hours after its session did (shared/sessions/guests.ts).
 */
async function findGuestGrant(db: Db, workspaceId: string, userId: string, now: number): Promise<MemberRow | undefined> {
  const grant = await db
    .selectFrom('work_session_guests as g')
    .innerJoin('work_sessions as s', 's.id', 'g.session_id')
    .select(['g.workspace_id', 'g.user_id', 'g.party_id', 'g.created_at', 'g.session_id', 's.ended_at'])
    .where('g.workspace_id', '=', workspaceId)
    .where('g.user_id', '=', userId)
    .executeTakeFirst();
  if (!grant || !isGuestAccessLive(grant.ended_at, now)) return undefined;
  return { workspace_id: grant.workspace_id, user_id: grant.user_id, party_id: grant.party_id, role: 'guest', created_at: grant.created_at, guest_session_id: grant.session_id };
}
