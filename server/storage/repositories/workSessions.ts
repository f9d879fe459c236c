import type { WorkSessionRepo } from '../ports';
import type { Db } from './db';

export function createWorkSessionRepo(db: Db): WorkSessionRepo {
  return {
    create: (session, steps) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('work_sessions').values(session).execute();
        if (steps.length > 0) await trx.insertInto('work_session_steps').values([...steps]).execute();
      }),
    findById: (id) => db.selectFrom('work_sessions').selectAll().where('id', '=', id).executeTakeFirst(),
    listForWorkspace: (workspaceId) =>
      db.selectFrom('work_sessions').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').orderBy('id').execute(),
    listLocked: () => db.selectFrom('work_sessions').selectAll().where('status', '=', 'running').where('locked', '=', 1).execute(),
    rename: async (id, title, startsAt) => void (await db.updateTable('work_sessions').set({ title, starts_at: startsAt }).where('id', '=', id).execute()),
    replaceSteps: (sessionId, steps) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('work_session_steps').where('session_id', '=', sessionId).execute();
        if (steps.length > 0) await trx.insertInto('work_session_steps').values([...steps]).execute();
      }),
    listSteps: (sessionId) => db.selectFrom('work_session_steps').selectAll().where('session_id', '=', sessionId).orderBy('position').execute(),
    setState: async (id, changes) => {
      if (Object.keys(changes).length > 0) await db.updateTable('work_sessions').set(changes).where('id', '=', id).execute();
    },
    setStatus: async (id, status, at, chairUserId) =>
      void (await db.updateTable('work_sessions').set({ status, started_at: at, chair_user_id: chairUserId }).where('id', '=', id).execute()),
    end: (id, at, minutesDocumentId) =>
      db.transaction().execute(async (trx) => {
        // Only a running session ends: the status check and the change are one statement, so of
        // two ends at the same time exactly one wins.
        const ended = await trx
          .updateTable('work_sessions')
          .set({
            status: 'ended',
            ended_at: at,
            minutes_document_id: minutesDocumentId,
            locked: 0,
            timer_ends_at: null,
            timer_paused_ms: null,
            turn_party_id: null,
            follow_document_id: null,
            follow_block_id: null,
          })
          .where('id', '=', id)
          .where('status', '=', 'running')
          .executeTakeFirst();
        if (Number(ended.numUpdatedRows) === 0) return false;
        await trx.updateTable('work_session_turns').set({ ended_at: at }).where('session_id', '=', id).where('ended_at', 'is', null).execute();
        await trx.updateTable('work_session_step_periods').set({ ended_at: at }).where('session_id', '=', id).where('ended_at', 'is', null).execute();
        return true;
      }),
    switchStep: (sessionId, at, next) =>
      db.transaction().execute(async (trx) => {
        await trx.updateTable('work_session_step_periods').set({ ended_at: at }).where('session_id', '=', sessionId).where('ended_at', 'is', null).execute();
        if (next) await trx.insertInto('work_session_step_periods').values(next).execute();
      }),
    listStepPeriods: (sessionId) =>
      db.selectFrom('work_session_step_periods').selectAll().where('session_id', '=', sessionId).orderBy('started_at').orderBy('id').execute(),
    recordAttendance: async (row) =>
      void (await db.insertInto('work_session_attendance').values(row).onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing()).execute()),
    listAttendance: (sessionId) =>
      db.selectFrom('work_session_attendance').selectAll().where('session_id', '=', sessionId).orderBy('first_seen_at').execute(),
    switchTurn: (sessionId, at, next) =>
      db.transaction().execute(async (trx) => {
        await trx.updateTable('work_session_turns').set({ ended_at: at }).where('session_id', '=', sessionId).where('ended_at', 'is', null).execute();
        if (next) await trx.insertInto('work_session_turns').values(next).execute();
      }),
    findTurn: (id) => db.selectFrom('work_session_turns').selectAll().where('id', '=', id).executeTakeFirst(),
    setSaid: async (turnId, said) => void (await db.updateTable('work_session_turns').set({ said }).where('id', '=', turnId).execute()),
    listTurns: (sessionId) =>
      db.selectFrom('work_session_turns').selectAll().where('session_id', '=', sessionId).orderBy('started_at').orderBy('id').execute(),
  };
}
