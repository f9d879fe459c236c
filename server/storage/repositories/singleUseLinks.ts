/**
 * Links sent by mail that work once, for a while (password reset, address verification). A link
 * only works while the account still has the address it was sent to and is not deleted: a
 * reset link that went to an old address is no key to the account once the address changed.
 */
import { sql } from 'kysely';
import type { SingleUseLinkRepo } from '../ports';
import type { Db } from './db';

export function createSingleUseLinkRepo(db: Db): SingleUseLinkRepo {
  return {
    insert: async (row) => void (await db.insertInto('single_use_links').values({ ...row, used_at: null }).execute()),
    async take(purpose, tokenHash, now) {
      // One statement: of two requests with the same link, only one gets the user.
      const taken = await db
        .updateTable('single_use_links')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('users')
              .select(sql<number>`1`.as('one'))
              .whereRef('users.id', '=', 'single_use_links.user_id')
              .whereRef('users.email', '=', 'single_use_links.email')
              .where('users.deleted_at', 'is', null),
          ),
        )
        .returning(['user_id', 'email'])
        .executeTakeFirst();
      return taken ?? null;
    },
    dropForUser: async (userId, purpose) => void (await db.deleteFrom('single_use_links').where('user_id', '=', userId).where('purpose', '=', purpose).execute()),
  };
}
