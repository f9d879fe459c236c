/**
 * A person's own data across the tables (AVG article 20: the right to take it along), and the
 * removal of their personal data when they delete their account (article 17). A deleted account
 * keeps its row, without name, address or password, so that what the person wrote, signed and
 * decided stays credited to their party as a former participant.
 */
import type { PersonalDataRepo } from '../ports';
import type { Db } from './db';
import { forgetMentionedName } from './forgetMentions';

/** The name a deleted account shows wherever its work is credited. */
export const formerParticipantName = 'Voormalig deelnemer';

export function createPersonalDataRepo(db: Db): PersonalDataRepo {
  return {
    async export(userId) {
      const [memberships, contributions, commitmentDecisions, adoptionDecisions, auditEntries, identities, comments, notifications, sessionCards] = await Promise.all([
        db
          .selectFrom('members')
          .innerJoin('workspaces', 'workspaces.id', 'members.workspace_id')
          .leftJoin('parties', 'parties.id', 'members.party_id')
          .select(['workspaces.id as workspaceId', 'workspaces.name as workspaceName', 'members.role', 'parties.name as partyName', 'members.created_at as joinedAt'])
          .where('members.user_id', '=', userId)
          .execute(),
        db
          .selectFrom('attribution_daily')
          .innerJoin('documents', 'documents.id', 'attribution_daily.document_id')
          .select(['documents.id as documentId', 'documents.title as documentTitle', 'attribution_daily.day', 'attribution_daily.chars_inserted as charsInserted', 'attribution_daily.chars_deleted as charsDeleted', 'attribution_daily.blocks_inserted as blocksInserted'])
          .where('attribution_daily.user_id', '=', userId)
          .orderBy('attribution_daily.day')
          .execute(),
        db.selectFrom('commitment_decisions').select(['document_id as documentId', 'block_id as blockId', 'status', 'decided_at as decidedAt', 'reason']).where('user_id', '=', userId).orderBy('id').execute(),
        db.selectFrom('adoption_decisions').select(['version_id as versionId', 'decision', 'reason', 'decided_at as decidedAt']).where('user_id', '=', userId).orderBy('id').execute(),
        db.selectFrom('audit_log').select(['workspace_id as workspaceId', 'document_id as documentId', 'action', 'detail', 'at']).where('user_id', '=', userId).orderBy('id').execute(),
        db.selectFrom('user_identities').select(['issuer', 'subject', 'created_at as linkedAt']).where('user_id', '=', userId).orderBy('created_at').execute(),
        db
          .selectFrom('comments as c')
          .innerJoin('comment_threads as t', 't.id', 'c.thread_id')
          .innerJoin('documents as d', 'd.id', 't.document_id')
          .select(['c.id as commentId', 'c.thread_id as threadId', 'd.id as documentId', 'd.title as documentTitle', 'c.body', 'c.created_at as createdAt', 'c.edited_at as editedAt'])
          .where('c.author_id', '=', userId)
          .orderBy('c.created_at')
          .orderBy('c.id')
          .execute(),
        db
          .selectFrom('comment_notifications as n')
          .innerJoin('comment_threads as t', 't.id', 'n.thread_id')
          .select(['n.id', 'n.kind', 'n.thread_id as threadId', 'n.comment_id as commentId', 't.document_id as documentId', 'n.created_at as createdAt', 'n.read_at as readAt'])
          .where('n.user_id', '=', userId)
          .orderBy('n.created_at')
          .orderBy('n.id')
          .execute(),
        db
          .selectFrom('work_session_cards')
          .select(['id as cardId', 'session_id as sessionId', 'step_id as stepId', 'text', 'anonymous', 'created_at as createdAt'])
          .where('author_id', '=', userId)
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
      ]);
      return { memberships, contributions, commitmentDecisions, adoptionDecisions, auditEntries, identities, comments, notifications, sessionCards };
    },

    async anonymise(userId, now) {
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('users')
          // The address must stay unique and can never be typed at sign-in; no hash verifies.
          .set({ name: formerParticipantName, email: `verwijderd-${userId}@werktafel.invalid`, password_hash: '!', deleted_at: now, email_verified_at: null })
          .where('id', '=', userId)
          .execute();
        await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        await tx.deleteFrom('members').where('user_id', '=', userId).execute();
        await tx.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
        // Mailed links name the old address.
        await tx.deleteFrom('single_use_links').where('user_id', '=', userId).execute();
        // The provider's account no longer signs in here: a later sign-in there starts afresh.
        await tx.deleteFrom('user_identities').where('user_id', '=', userId).execute();
        // Comments are treated like the person's text in the documents: the bodies stay, as the
        // workshop's talk that others replied to, credited to the kept row (now the former
        // participant's name) and to the party. What goes is what is only about them: their
        // inbox, and their name inside other people's mentions, which the body holds as written.
        await tx.deleteFrom('comment_notifications').where('user_id', '=', userId).execute();
        await forgetMentionedName(tx, userId, formerParticipantName);
      });
    },
  };
}
