import type { PollRepo } from '../ports';
import type { Db } from './db';

export function createPollRepo(db: Db): PollRepo {
  return {
    create: (poll, options) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('work_session_polls').values(poll).execute();
        await trx.insertInto('work_session_poll_options').values([...options]).execute();
      }),
    findById: (id) => db.selectFrom('work_session_polls').selectAll().where('id', '=', id).executeTakeFirst(),
    listForSession: (sessionId) =>
      db.selectFrom('work_session_polls').selectAll().where('session_id', '=', sessionId).orderBy('created_at').orderBy('id').execute(),
    listOptions: (pollId) => db.selectFrom('work_session_poll_options').selectAll().where('poll_id', '=', pollId).orderBy('position').execute(),
    castBallot: (unit, { voter, ballot }) =>
      db.transaction().execute(async (trx) => {
        // Writing the poll's row (to what it already is) while it is open takes its row lock on
        // PostgreSQL and the write lock on SQLite: a close at the same time waits for this
        // ballot, or this ballot sees the poll closed. No ballot slips in after a close.
        const open = await trx.updateTable('work_session_polls').set({ status: 'open' }).where('id', '=', ballot.poll_id).where('status', '=', 'open').executeTakeFirst();
        if (Number(open.numUpdatedRows) === 0) return 'poll_closed';
        const counted = await trx.insertInto('work_session_poll_voters').values(voter).onConflict((oc) => oc.columns(['poll_id', 'user_id']).doNothing()).executeTakeFirst();
        if (unit === 'person') {
          if (Number(counted.numInsertedOrUpdatedRows ?? 0) === 0) return 'already_voted';
          await trx.insertInto('work_session_poll_ballots').values(ballot).execute();
          return 'cast';
        }
        const replaced = await trx
          .updateTable('work_session_poll_ballots')
          .set({ user_id: ballot.user_id, allocations: ballot.allocations, reason: ballot.reason })
          .where('poll_id', '=', ballot.poll_id)
          .where('ballot_key', '=', ballot.ballot_key)
          .executeTakeFirst();
        if (Number(replaced.numUpdatedRows) > 0) return 'replaced';
        await trx.insertInto('work_session_poll_ballots').values(ballot).execute();
        return 'cast';
      }),
    close: async (id, at) => {
      const closed = await db.updateTable('work_session_polls').set({ status: 'closed', closed_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
      return Number(closed.numUpdatedRows) > 0;
    },
    markWeightsApplied: async (id, at) => void (await db.updateTable('work_session_polls').set({ weights_applied_at: at }).where('id', '=', id).execute()),
    // Ordered by the random key, not by when they came in: the order tells nothing about who.
    listBallots: (pollId) => db.selectFrom('work_session_poll_ballots').selectAll().where('poll_id', '=', pollId).orderBy('ballot_key').execute(),
    findBallot: (pollId, ballotKey) =>
      db.selectFrom('work_session_poll_ballots').selectAll().where('poll_id', '=', pollId).where('ballot_key', '=', ballotKey).executeTakeFirst(),
    async votedPollIds(sessionId, userId, partyId) {
      const asPerson = await db
        .selectFrom('work_session_poll_voters as v')
        .innerJoin('work_session_polls as p', 'p.id', 'v.poll_id')
        .select('p.id')
        .where('p.session_id', '=', sessionId)
        .where('p.unit', '=', 'person')
        .where('v.user_id', '=', userId)
        .execute();
      const asParty = partyId
        ? await db
            .selectFrom('work_session_poll_ballots as b')
            .innerJoin('work_session_polls as p', 'p.id', 'b.poll_id')
            .select('p.id')
            .where('p.session_id', '=', sessionId)
            .where('p.unit', '=', 'party')
            .where('b.ballot_key', '=', partyId)
            .execute()
        : [];
      return [...asPerson, ...asParty].map((row) => row.id);
    },
  };
}
