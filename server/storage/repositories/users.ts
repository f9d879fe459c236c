import type { UserRepo } from '../ports';
import type { UserRow } from '../rows';
import { newId } from '../ids';
import { isUniqueViolation } from './errors';
import type { Db } from './db';

export function createUserRepo(db: Db): UserRepo {
  return {
    findByEmail: (email) => db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),
    findById: (id) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    async create(input) {
      const row: UserRow = { id: newId(), email: input.email, name: input.name, password_hash: input.passwordHash, created_at: Date.now(), deleted_at: null };
      try {
        await db.insertInto('users').values(row).execute();
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
      return row;
    },
    async update(id, changes) {
      try {
        await db.updateTable('users').set(changes).where('id', '=', id).where('deleted_at', 'is', null).execute();
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
      return true;
    },
    setPasswordHash: async (id, passwordHash) => void (await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute()),
  };
}
