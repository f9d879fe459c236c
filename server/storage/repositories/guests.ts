import type { GuestRepo } from '../ports';
import { isUniqueViolation } from './errors';
import type { Db } from './db';

export function createGuestRepo(db: Db): GuestRepo {
  return {
    async createJoinCode(row) {
      try {
        await db.insertInto('work_session_join_codes').values(row).execute();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    findJoinCodeByHash: (codeHash) => db.selectFrom('work_session_join_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst(),
    async join(code, user, grant, now) {
      return db.transaction().execute(async (tx) => {
        // The seat is taken by the statement that checks it: two phones on the last seat cannot both pass.
        const taken = await tx
          .updateTable('work_session_join_codes')
          .set((eb) => ({ used: eb('used', '+', 1) }))
          .where('id', '=', code.id)
          .where((eb) => eb('used', '<', eb.ref('seats')))
          .where('expires_at', '>', now)
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) !== 1) return false;
        await tx.insertInto('users').values(user).execute();
        await tx.insertInto('work_session_guests').values(grant).execute();
        return true;
      });
    },
    listNamesForSession: (sessionId) =>
      db
        .selectFrom('work_session_guests as g')
        .innerJoin('users as u', 'u.id', 'g.user_id')
        .select(['g.user_id', 'u.name'])
        .where('g.session_id', '=', sessionId)
        .execute(),
    findGrant: (userId) =>
      db
        .selectFrom('work_session_guests as g')
        .innerJoin('work_sessions as s', 's.id', 'g.session_id')
        .selectAll('g')
        .select('s.ended_at as session_ended_at')
        .where('g.user_id', '=', userId)
        .executeTakeFirst(),
    async becomeAccount(userId, account) {
      try {
        const result = await db
          .updateTable('users')
          .set({ guest: 0, email: account.email, name: account.name, password_hash: account.passwordHash, language: account.language, email_verified_at: null })
          .where('id', '=', userId)
          .where('guest', '=', 1)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}
