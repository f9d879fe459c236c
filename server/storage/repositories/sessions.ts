import type { SessionRepo } from '../ports';
import type { Db } from './db';

export function createSessionRepo(db: Db): SessionRepo {
  return {
    insert: async (row) => void (await db.insertInto('sessions').values(row).execute()),
    findById: (id) => db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst(),
    delete: async (id) => void (await db.deleteFrom('sessions').where('id', '=', id).execute()),
    setExpiry: async (id, expiresAt) => void (await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute()),
    listForUser: (userId) => db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute(),
    async deleteAllForUserExcept(userId, keepId) {
      const gone = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepId ?? '').returning('id').execute();
      return gone.map((row) => row.id);
    },
    async deleteExpired(now) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
