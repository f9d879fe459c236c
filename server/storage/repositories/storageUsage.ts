import { sql } from 'kysely';
import type { StorageUsageRepo } from '../ports';
import type { Db } from './db';

/** The total size of a BLOB column; `length()` reads it from each record's header, not the bytes. */
const totalLength = (column: string) => sql<number>`coalesce(sum(length(${sql.ref(column)})), 0)`.as('bytes');

/**
 * What a workspace takes on disk, counted as the bytes of its stored Yjs states (the engine's
 * own overhead and indexes left out).
 */
export function createStorageUsageRepo(db: Db): StorageUsageRepo {
  return {
    async forWorkspace(workspaceId) {
      const ofWorkspace = db.selectFrom('documents').select('id').where('workspace_id', '=', workspaceId);
      const [snapshots, updates, versions] = await Promise.all([
        db.selectFrom('document_snapshots').select(totalLength('state')).where('document_id', 'in', ofWorkspace).executeTakeFirstOrThrow(),
        db.selectFrom('document_updates').select(totalLength('update_bytes')).where('document_id', 'in', ofWorkspace).executeTakeFirstOrThrow(),
        db.selectFrom('document_versions').select(totalLength('state')).where('document_id', 'in', ofWorkspace).executeTakeFirstOrThrow(),
      ]);
      return { documentsBytes: Number(snapshots.bytes) + Number(updates.bytes), versionsBytes: Number(versions.bytes) };
    },
  };
}
