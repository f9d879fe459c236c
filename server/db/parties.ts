import type { PartyKind } from '../../shared/api/roles';
import type { Db } from './database';
import { newId } from './ids';

export interface PartyRow {
  id: string;
  workspace_id: string;
  name: string;
  kind: PartyKind;
  color: string;
  created_at: number;
}

export function createPartyRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO parties (id, workspace_id, name, kind, color, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[string], PartyRow>('SELECT * FROM parties WHERE id = ?');
  const forWorkspace = db.prepare<[string], PartyRow>(
    'SELECT * FROM parties WHERE workspace_id = ? ORDER BY created_at, id',
  );
  const countForWorkspace = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM parties WHERE workspace_id = ?',
  );
  const update = db.prepare('UPDATE parties SET name = ?, kind = ?, color = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM parties WHERE id = ?');
  const usage = db.prepare<[string, string], { n: number }>(
    `SELECT (SELECT COUNT(*) FROM members WHERE party_id = ?) +
            (SELECT COUNT(*) FROM invites WHERE party_id = ? AND revoked_at IS NULL) AS n`,
  );
  const detachRevokedInvites = db.prepare('DELETE FROM invites WHERE party_id = ? AND revoked_at IS NOT NULL');
  return {
    create(input: Omit<PartyRow, 'id' | 'created_at'>): PartyRow {
      const row: PartyRow = { ...input, id: newId(), created_at: Date.now() };
      insert.run(row.id, row.workspace_id, row.name, row.kind, row.color, row.created_at);
      return row;
    },
    findById: (id: string) => byId.get(id),
    listForWorkspace: (workspaceId: string) => forWorkspace.all(workspaceId),
    countForWorkspace: (workspaceId: string) => countForWorkspace.get(workspaceId)!.n,
    update: (row: PartyRow) => void update.run(row.name, row.kind, row.color, row.id),
    /** Members and open invites that still speak for this party. */
    usageCount: (id: string) => usage.get(id, id)!.n,
    delete: db.transaction((id: string) => {
      detachRevokedInvites.run(id);
      remove.run(id);
    }),
  };
}
export type PartyRepo = ReturnType<typeof createPartyRepo>;
