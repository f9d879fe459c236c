import type { Db } from './database';
import { createAdoptionRepo } from './adoptions';
import { createAttributionRepo } from './attribution';
import { createAuditLogRepo } from './auditLog';
import { createBlockRepo } from './blocks';
import { createCalendarFeedRepo } from './calendarFeeds';
import { createCommitmentDecisionRepo } from './commitmentDecisions';
import { createDocumentRepo } from './documents';
import { createDocumentUpdateRepo } from './documentUpdates';
import { createInviteRepo } from './invites';
import { createMemberRepo } from './members';
import { createPartyRepo } from './parties';
import { createSessionRepo } from './sessions';
import { createUserRepo } from './users';
import { createVersionRepo } from './versions';
import { createWorkspaceRepo } from './workspaces';

/** Every repository over one database connection. */
export function createRepos(db: Db) {
  return {
    db,
    users: createUserRepo(db),
    sessions: createSessionRepo(db),
    workspaces: createWorkspaceRepo(db),
    parties: createPartyRepo(db),
    members: createMemberRepo(db),
    invites: createInviteRepo(db),
    documents: createDocumentRepo(db),
    documentUpdates: createDocumentUpdateRepo(db),
    blocks: createBlockRepo(db),
    commitmentDecisions: createCommitmentDecisionRepo(db),
    calendarFeeds: createCalendarFeedRepo(db),
    versions: createVersionRepo(db),
    adoptions: createAdoptionRepo(db),
    auditLog: createAuditLogRepo(db),
    attribution: createAttributionRepo(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;
