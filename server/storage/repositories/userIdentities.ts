import type { UserIdentityRepo } from '../ports';
import type { Db } from './db';
import { isUniqueViolation } from './errors';

export function createUserIdentityRepo(db: Db): UserIdentityRepo {
  return {
    find: (issuer, subject) => db.selectFrom('user_identities').selectAll().where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst(),
    async link(row) {
      try {
        await db.insertInto('user_identities').values(row).execute();
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
      return true;
    },
  };
}
