import type { CalendarFeedRepo } from '../ports';
import type { Db } from './db';

export function createCalendarFeedRepo(db: Db): CalendarFeedRepo {
  return {
    replace: (workspaceId, userId, tokenHash) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('calendar_feeds').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
        await trx.insertInto('calendar_feeds').values({ token_hash: tokenHash, workspace_id: workspaceId, user_id: userId, created_at: Date.now() }).execute();
      }),
    findByTokenHash: (hash) => db.selectFrom('calendar_feeds').selectAll().where('token_hash', '=', hash).executeTakeFirst(),
    deleteForMember: async (workspaceId, userId) =>
      void (await db.deleteFrom('calendar_feeds').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute()),
  };
}
