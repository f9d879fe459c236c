import type { Db } from './database';

export interface SessionRow {
  id: string;
  user_id: string;
  expires_at: number;
}

export function createSessionRepo(db: Db) {
  const insert = db.prepare('INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)');
  const byId = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id = ?');
  const extend = db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  return {
    insert: (row: SessionRow) => void insert.run(row.id, row.user_id, row.expires_at),
    findById: (id: string) => byId.get(id),
    delete: (id: string) => void remove.run(id),
    setExpiry: (id: string, expiresAt: number) => void extend.run(expiresAt, id),
    deleteExpired: (now: number) => removeExpired.run(now).changes,
  };
}
export type SessionRepo = ReturnType<typeof createSessionRepo>;
