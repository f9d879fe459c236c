import type { SessionCardRepo } from '../ports';
import type { Db } from './db';

export function createSessionCardRepo(db: Db): SessionCardRepo {
  return {
    insert: async (card) => void (await db.insertInto('work_session_cards').values(card).execute()),
    findById: (id) => db.selectFrom('work_session_cards').selectAll().where('id', '=', id).executeTakeFirst(),
    listForStep: (sessionId, stepId) =>
      db.selectFrom('work_session_cards').selectAll().where('session_id', '=', sessionId).where('step_id', '=', stepId).orderBy('created_at').orderBy('id').execute(),
    listOwn: (sessionId, stepId, authorId) =>
      db
        .selectFrom('work_session_cards')
        .selectAll()
        .where('session_id', '=', sessionId)
        .where('step_id', '=', stepId)
        .where('author_id', '=', authorId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    countPerStep: async (sessionId) => {
      const rows = await db
        .selectFrom('work_session_cards')
        .select(['step_id', (eb) => eb.fn.countAll().as('cards')])
        .where('session_id', '=', sessionId)
        .groupBy('step_id')
        .execute();
      // PostgreSQL counts as bigint, which pg hands over as a string.
      return new Map(rows.map((row) => [row.step_id, Number(row.cards)]));
    },
    listRevealed: (sessionId) =>
      db
        .selectFrom('work_session_cards')
        .innerJoin('work_session_steps', 'work_session_steps.id', 'work_session_cards.step_id')
        .selectAll('work_session_cards')
        .where('work_session_cards.session_id', '=', sessionId)
        .where('work_session_steps.session_id', '=', sessionId)
        .where('work_session_steps.revealed_at', 'is not', null)
        .orderBy('work_session_cards.created_at')
        .orderBy('work_session_cards.id')
        .execute(),
    reveal: (stepId, at) =>
      db.transaction().execute(async (trx) => {
        // Only the first reveal sets the time: a second one (a double click, two screens) changes nothing.
        await trx.updateTable('work_session_steps').set({ revealed_at: at }).where('id', '=', stepId).where('revealed_at', 'is', null).execute();
        const step = await trx.selectFrom('work_session_steps').select('revealed_at').where('id', '=', stepId).executeTakeFirstOrThrow();
        return step.revealed_at ?? at;
      }),
  };
}
