import type { PasswordResetRepo } from '../ports';
import type { Db } from './db';

export function createPasswordResetRepo(db: Db): PasswordResetRepo {
  return {
    insert: async (row) => void (await db.insertInto('password_resets').values({ ...row, used_at: null }).execute()),
    async take(tokenHash, now) {
      // One statement: of two requests with the same link, only one gets the user.
      const taken = await db
        .updateTable('password_resets')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('user_id')
        .executeTakeFirst();
      return taken?.user_id ?? null;
    },
    dropForUser: async (userId) => void (await db.deleteFrom('password_resets').where('user_id', '=', userId).execute()),
  };
}
