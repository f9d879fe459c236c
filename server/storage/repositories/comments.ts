import type { CommentRepo } from '../ports';
import { toCount, type Db } from './db';

/** Comment threads, their comments and the notifications they cause. */
export function createCommentRepo(db: Db): CommentRepo {
  return {
    createThread: (thread, first) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('comment_threads').values(thread).execute();
        await trx.insertInto('comments').values(first).execute();
      }),
    deleteThread: async (id) => void (await db.deleteFrom('comment_threads').where('id', '=', id).execute()),
    findThread: (id) => db.selectFrom('comment_threads').selectAll().where('id', '=', id).executeTakeFirst(),
    threadsOfDocument: (documentId, status) => {
      let query = db.selectFrom('comment_threads').selectAll().where('document_id', '=', documentId);
      if (status) query = query.where('status', '=', status);
      return query.orderBy('created_at').orderBy('id').execute();
    },
    openThreadsOfWorkspace: (workspaceId) =>
      db.selectFrom('comment_threads').selectAll().where('workspace_id', '=', workspaceId).where('status', '=', 'open').orderBy('created_at').orderBy('id').execute(),
    setStatus: async (threadId, status, by, at) => {
      const resolved = status === 'resolved';
      await db
        .updateTable('comment_threads')
        .set({ status, resolved_at: resolved ? at : null, resolved_by: resolved ? by : null })
        .where('id', '=', threadId)
        .execute();
    },
    addComment: async (row) => void (await db.insertInto('comments').values(row).execute()),
    findComment: (id) => db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst(),
    commentsOf: async (threadIds) =>
      threadIds.length === 0 ? [] : db.selectFrom('comments').selectAll().where('thread_id', 'in', [...threadIds]).orderBy('created_at').orderBy('id').execute(),
    editComment: async (id, body, at) => void (await db.updateTable('comments').set({ body, edited_at: at }).where('id', '=', id).execute()),
    deleteComment: async (id) => void (await db.deleteFrom('comments').where('id', '=', id).execute()),
    countByParty: async (workspaceId) =>
      (
        await db
          .selectFrom('comments as c')
          .innerJoin('comment_threads as t', 't.id', 'c.thread_id')
          .select(['c.party_id', (eb) => eb.fn.countAll().as('comments')])
          .where('t.workspace_id', '=', workspaceId)
          .where('c.party_id', 'is not', null)
          .groupBy('c.party_id')
          .execute()
      ).map((row) => ({ party_id: row.party_id!, comments: toCount(row.comments) })),
    notify: async (rows) => {
      if (rows.length === 0) return [];
      const inserted = await db
        .insertInto('comment_notifications')
        .values([...rows])
        .onConflict((oc) => oc.columns(['user_id', 'comment_id']).doNothing())
        .returning('user_id')
        .execute();
      return inserted.map((row) => row.user_id);
    },
    inbox: (userId, limit) =>
      db
        .selectFrom('comment_notifications as n')
        .innerJoin('comments as c', 'c.id', 'n.comment_id')
        .innerJoin('comment_threads as t', 't.id', 'n.thread_id')
        .selectAll('n')
        .select(['t.document_id', 't.workspace_id', 't.quote', 'c.body', 'c.author_id'])
        .where('n.user_id', '=', userId)
        .orderBy('n.created_at', 'desc')
        .orderBy('n.id')
        .limit(limit)
        .execute(),
    unreadCount: async (userId) =>
      toCount(
        (
          await db
            .selectFrom('comment_notifications as n')
            .innerJoin('comment_threads as t', 't.id', 'n.thread_id')
            // Only workspaces the person is still in, as the inbox lists: a workspace they left
            // keeps its talk to itself, its count included.
            .innerJoin('members as m', (join) => join.onRef('m.workspace_id', '=', 't.workspace_id').on('m.user_id', '=', userId))
            .select((eb) => eb.fn.countAll().as('n'))
            .where('n.user_id', '=', userId)
            .where('n.read_at', 'is', null)
            .executeTakeFirst()
        )?.n,
      ),
    markRead: async (userId, ids, at) => {
      if (ids.length === 0) return;
      await db.updateTable('comment_notifications').set({ read_at: at }).where('user_id', '=', userId).where('id', 'in', [...ids]).where('read_at', 'is', null).execute();
    },
  };
}
