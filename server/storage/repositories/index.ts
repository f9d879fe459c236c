/** Every repository over one query builder: the same code for SQLite and PostgreSQL. */
import type { Repos } from '../ports';
import { createAdoptionRepo } from './adoptions';
import { createAttributionRepo } from './attribution';
import { createAuditLogRepo } from './auditLog';
import { createBlockRecordRepo } from './blockRecords';
import { createBlockRepo } from './blocks';
import { createCalendarFeedRepo } from './calendarFeeds';
import { createCommentRepo } from './comments';
import { createCommitmentDecisionRepo } from './commitmentDecisions';
import type { Db } from './db';
import { createDocumentRepo } from './documents';
import { createGuestRepo } from './guests';
import { createInviteRepo } from './invites';
import { createMemberRepo } from './members';
import { createOidcLoginRepo } from './oidcLogins';
import { createPartyRepo } from './parties';
import { createPersonalDataRepo } from './personalData';
import { createPollRepo } from './polls';
import { createReminderRepo } from './reminders';
import { createSessionCardRepo } from './sessionCards';
import { createSessionRepo } from './sessions';
import { createSingleUseLinkRepo } from './singleUseLinks';
import { createStorageUsageRepo } from './storageUsage';
import { createSuggestionRepo } from './suggestions';
import { createFieldSuggestionRepo } from './fieldSuggestions';
import { createUserIdentityRepo } from './userIdentities';
import { createUserRepo } from './users';
import { createVersionRepo } from './versions';
import { createWorkspaceRepo } from './workspaces';
import { createWorkSessionRepo } from './workSessions';

export function createRepos(db: Db): Repos {
  return {
    guests: createGuestRepo(db),
    users: createUserRepo(db),
    sessions: createSessionRepo(db),
    workspaces: createWorkspaceRepo(db),
    parties: createPartyRepo(db),
    members: createMemberRepo(db),
    invites: createInviteRepo(db),
    documents: createDocumentRepo(db),
    blocks: createBlockRepo(db),
    commitmentDecisions: createCommitmentDecisionRepo(db),
    comments: createCommentRepo(db),
    suggestions: createSuggestionRepo(db),
    fieldSuggestions: createFieldSuggestionRepo(db),
    calendarFeeds: createCalendarFeedRepo(db),
    blockRecords: createBlockRecordRepo(db),
    versions: createVersionRepo(db),
    storageUsage: createStorageUsageRepo(db),
    adoptions: createAdoptionRepo(db),
    auditLog: createAuditLogRepo(db),
    attribution: createAttributionRepo(db),
    personalData: createPersonalDataRepo(db),
    singleUseLinks: createSingleUseLinkRepo(db),
    reminders: createReminderRepo(db),
    identities: createUserIdentityRepo(db),
    oidcLogins: createOidcLoginRepo(db),
    workSessions: createWorkSessionRepo(db),
    sessionCards: createSessionCardRepo(db),
    polls: createPollRepo(db),
  };
}
