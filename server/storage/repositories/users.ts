import type { UserRepo } from '../ports';
import type { UserRow } from '../rows';
import { newId } from '../ids';
import { InviteUsedUpError } from '../ports';
import { isUniqueViolation } from './errors';
import { joinThroughInvite } from './invites';
import type { Db } from './db';

export function createUserRepo(db: Db): UserRepo {
  return {
    findByEmail: (email) => db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),
    findById: (id) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    async create(input) {
      const row: UserRow = {
        id: newId(),
        email: input.email,
        name: input.name,
        password_hash: input.passwordHash,
        created_at: Date.now(),
        deleted_at: null,
        email_verified_at: input.emailVerifiedAt ?? null,
        language: input.language ?? 'nl',
        workspace_mails: 1,
        guest: 0,
      };
      const { identity, invite } = input;
      try {
        await db.transaction().execute(async (tx) => {
          await tx.insertInto('users').values(row).execute();
          // Never an account without its identity: a second try would find the address taken.
          if (identity) await tx.insertInto('user_identities').values({ ...identity, user_id: row.id, created_at: row.created_at }).execute();
          // Nor one that got in through an invite without using it: many sign-ups at once with a
          // link for one person would otherwise all pass the check before any use was counted.
          if (invite && !(await joinThroughInvite(tx, invite, row.id, row.created_at))) throw new InviteUsedUpError();
        });
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
      return row;
    },
    async update(id, changes) {
      try {
        // A new address is not verified yet; the same address again keeps its verification.
        await db
          .updateTable('users')
          .set((eb) => ({
            ...changes,
            ...(changes.email !== undefined ? { email_verified_at: eb.case().when('email', '=', changes.email).then(eb.ref('email_verified_at')).else(null).end() } : {}),
          }))
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
      return true;
    },
    async markEmailVerified(id, email, now) {
      const result = await db
        .updateTable('users')
        .set({ email_verified_at: now })
        .where('id', '=', id)
        .where('email', '=', email)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    setPasswordHash: async (id, passwordHash) => void (await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute()),
  };
}
