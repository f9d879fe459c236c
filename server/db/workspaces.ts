import type { Role } from '../../shared/api/roles';
import type { Db } from './database';
import { newId } from './ids';

export interface WorkspaceRow {
  id: string;
  name: string;
  created_by: string;
  created_at: number;
}

export interface WorkspaceListRow extends WorkspaceRow {
  role: Role;
  party_id: string | null;
}

export function createWorkspaceRepo(db: Db) {
  const insert = db.prepare('INSERT INTO workspaces (id, name, created_by, created_at) VALUES (?, ?, ?, ?)');
  const insertOwner = db.prepare(
    "INSERT INTO members (workspace_id, user_id, party_id, role, created_at) VALUES (?, ?, NULL, 'owner', ?)",
  );
  const byId = db.prepare<[string], WorkspaceRow>('SELECT * FROM workspaces WHERE id = ?');
  const forUser = db.prepare<[string], WorkspaceListRow>(
    `SELECT w.*, m.role, m.party_id FROM workspaces w JOIN members m ON m.workspace_id = w.id
     WHERE m.user_id = ? ORDER BY w.created_at DESC`,
  );
  const rename = db.prepare('UPDATE workspaces SET name = ? WHERE id = ?');
  return {
    /** Creates the workspace with its creator as owner, in one transaction. */
    create: db.transaction((name: string, userId: string): WorkspaceRow => {
      const row: WorkspaceRow = { id: newId(), name, created_by: userId, created_at: Date.now() };
      insert.run(row.id, row.name, row.created_by, row.created_at);
      insertOwner.run(row.id, userId, row.created_at);
      return row;
    }),
    findById: (id: string) => byId.get(id),
    listForUser: (userId: string) => forUser.all(userId),
    rename: (id: string, name: string) => void rename.run(name, id),
  };
}
export type WorkspaceRepo = ReturnType<typeof createWorkspaceRepo>;
