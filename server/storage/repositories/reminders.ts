/**
 * What reminders need: the dated blocks of every workspace, and a record of reminders sent so
 * that a restart, a second pass on the same day or a second instance sends none twice.
 */
import type { ReminderRepo } from '../ports';
import { isUniqueViolation } from './errors';
import type { Db } from './db';

export function createReminderRepo(db: Db): ReminderRepo {
  return {
    // The date sits inside the JSON attributes: the caller reads which field holds it
    // (server/registers/blockRow), which keeps this query the same on every engine.
    datedBlocks: (date) =>
      db
        .selectFrom('document_blocks as b')
        .innerJoin('documents as d', 'd.id', 'b.document_id')
        .innerJoin('workspaces as w', 'w.id', 'b.workspace_id')
        .select(['b.workspace_id', 'w.name as workspace_name', 'b.document_id', 'd.title as document_title', 'b.block_id', 'b.kind', 'b.attrs', 'b.text', 'b.valid', 'b.issues'])
        .where('b.kind', 'in', ['reflection', 'action'])
        .where('b.valid', '=', 1)
        .where('d.archived_at', 'is', null)
        // A cheap first cut on every engine; `date` is YYYY-MM-DD, no LIKE wildcards in it.
        .where('b.attrs', 'like', `%"${date}"%`)
        .execute(),
    async claim(row) {
      try {
        await db.insertInto('reminders_sent').values(row).execute();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}
