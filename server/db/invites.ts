import type { Role } from '../../shared/api/roles';
import type { Db } from './database';
import { newId } from './ids';

export interface InviteRow {
  id: string;
  workspace_id: string;
  token_hash: string;
  role: Role;
  party_id: string;
  expires_at: number;
  max_uses: number;
  uses: number;
  revoked_at: number | null;
  created_by: string;
  created_at: number;
}

export function createInviteRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO invites (id, workspace_id, token_hash, role, party_id, expires_at, max_uses, uses, revoked_at, created_by, created_at)
     VALUES (@id, @workspace_id, @token_hash, @role, @party_id, @expires_at, @max_uses, @uses, @revoked_at, @created_by, @created_at)`,
  );
  const byTokenHash = db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE token_hash = ?');
  const byId = db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE id = ?');
  const forWorkspace = db.prepare<[string], InviteRow>(
    'SELECT * FROM invites WHERE workspace_id = ? ORDER BY created_at DESC',
  );
  const revoke = db.prepare('UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  // Counts a use only while the link is still valid, so two people racing for the last use
  // cannot both get in.
  const use = db.prepare(
    'UPDATE invites SET uses = uses + 1 WHERE id = ? AND uses < max_uses AND revoked_at IS NULL AND expires_at > ?',
  );
  return {
    create(input: Omit<InviteRow, 'id' | 'uses' | 'revoked_at' | 'created_at'>): InviteRow {
      const row: InviteRow = { ...input, id: newId(), uses: 0, revoked_at: null, created_at: Date.now() };
      insert.run(row);
      return row;
    },
    findByTokenHash: (hash: string) => byTokenHash.get(hash),
    findById: (id: string) => byId.get(id),
    listForWorkspace: (workspaceId: string) => forWorkspace.all(workspaceId),
    revoke: (id: string) => void revoke.run(Date.now(), id),
    /** Returns false when the invite was used up, revoked or expired in the meantime. */
    consumeUse: (id: string, now: number) => use.run(id, now).changes === 1,
  };
}
export type InviteRepo = ReturnType<typeof createInviteRepo>;
