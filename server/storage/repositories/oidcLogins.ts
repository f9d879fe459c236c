import type { OidcLoginRepo } from '../ports';
import type { Db } from './db';

export function createOidcLoginRepo(db: Db): OidcLoginRepo {
  return {
    insert: async (row) => void (await db.insertInto('oidc_logins').values(row).execute()),
    async take(id, now) {
      // One statement: of two callbacks with the same browser's login, only one gets it.
      const taken = await db.deleteFrom('oidc_logins').where('id', '=', id).returningAll().executeTakeFirst();
      return taken && taken.expires_at > now ? taken : null;
    },
    async deleteExpired(now) {
      const result = await db.deleteFrom('oidc_logins').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
