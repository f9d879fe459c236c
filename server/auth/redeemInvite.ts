/**
 * Joining a workspace through an invite: one use counted, the membership made, the audit log
 * told. An invited person accepting goes through `redeemInvite`; a new person signing up with the
 * invite's token joins in the transaction that makes the account, and is recorded here.
 */
import type { Services } from '../context';
import type { InviteRow } from '../storage/rows';

export async function recordInviteAccepted(services: Pick<Services, 'repos'>, invite: InviteRow, userId: string): Promise<void> {
  await services.repos.auditLog.record({
    workspaceId: invite.workspace_id,
    documentId: null,
    userId,
    action: 'invite.accept',
    detail: { inviteId: invite.id, role: invite.role, partyId: invite.party_id },
  });
}

/** Resolves false when the invite was used up, revoked or expired in the meantime. */
export async function redeemInvite(services: Pick<Services, 'repos'>, invite: InviteRow, userId: string): Promise<boolean> {
  const joined = await services.repos.invites.redeem(invite, userId, Date.now());
  if (joined) await recordInviteAccepted(services, invite, userId);
  return joined;
}
