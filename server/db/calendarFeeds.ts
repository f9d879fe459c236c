import type { Db } from './database';

export interface CalendarFeedRow {
  token_hash: string;
  workspace_id: string;
  user_id: string;
  created_at: number;
}

/** One secret calendar URL per member and workspace; a new one replaces the old. */
export function createCalendarFeedRepo(db: Db) {
  const remove = db.prepare('DELETE FROM calendar_feeds WHERE workspace_id = ? AND user_id = ?');
  const insert = db.prepare('INSERT INTO calendar_feeds (token_hash, workspace_id, user_id, created_at) VALUES (?, ?, ?, ?)');
  const byHash = db.prepare<[string], CalendarFeedRow>('SELECT * FROM calendar_feeds WHERE token_hash = ?');
  return {
    replace: db.transaction((workspaceId: string, userId: string, tokenHash: string) => {
      remove.run(workspaceId, userId);
      insert.run(tokenHash, workspaceId, userId, Date.now());
    }),
    findByTokenHash: (hash: string) => byHash.get(hash),
  };
}
