import type { Role } from '../../shared/api/roles';
import type { Db } from './database';

export interface MemberRow {
  workspace_id: string;
  user_id: string;
  party_id: string | null;
  role: Role;
  created_at: number;
}

export interface MemberWithUserRow extends MemberRow {
  name: string;
  email: string;
}

export function createMemberRepo(db: Db) {
  const find = db.prepare<[string, string], MemberRow>(
    'SELECT * FROM members WHERE workspace_id = ? AND user_id = ?',
  );
  const forWorkspace = db.prepare<[string], MemberWithUserRow>(
    `SELECT m.*, u.name, u.email FROM members m JOIN users u ON u.id = m.user_id
     WHERE m.workspace_id = ? ORDER BY m.created_at, u.name`,
  );
  const insert = db.prepare(
    'INSERT INTO members (workspace_id, user_id, party_id, role, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE members SET role = ?, party_id = ? WHERE workspace_id = ? AND user_id = ?');
  const remove = db.prepare('DELETE FROM members WHERE workspace_id = ? AND user_id = ?');
  const owners = db.prepare<[string], { n: number }>(
    "SELECT COUNT(*) AS n FROM members WHERE workspace_id = ? AND role = 'owner'",
  );
  return {
    find: (workspaceId: string, userId: string) => find.get(workspaceId, userId),
    listForWorkspace: (workspaceId: string) => forWorkspace.all(workspaceId),
    insert: (row: MemberRow) => void insert.run(row.workspace_id, row.user_id, row.party_id, row.role, row.created_at),
    update: (row: MemberRow) => void update.run(row.role, row.party_id, row.workspace_id, row.user_id),
    delete: (workspaceId: string, userId: string) => void remove.run(workspaceId, userId),
    ownerCount: (workspaceId: string) => owners.get(workspaceId)!.n,
  };
}
export type MemberRepo = ReturnType<typeof createMemberRepo>;
