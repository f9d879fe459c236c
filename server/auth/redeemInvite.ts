/**
 * Joining a workspace through an invite: one use counted, the membership made, the audit log
 * told. Used when an invited person accepts, and when a new person signs up with the invite's
 * token (so that under `SIGNUP=invite` a link for one person opens one account, not many).
 */
import type { Services } from '../context';
import type { InviteRow } from '../storage/rows';

/** Resolves false when the invite was used up, revoked or expired in the meantime. */
export async function redeemInvite(services: Pick<Services, 'repos'>, invite: InviteRow, userId: string): Promise<boolean> {
  const joined = await services.repos.invites.redeem(invite, userId, Date.now());
  if (joined) {
    await services.repos.auditLog.record({
      workspaceId: invite.workspace_id,
      documentId: null,
      userId,
      action: 'invite.accept',
      detail: { inviteId: invite.id, role: invite.role, partyId: invite.party_id },
    });
  }
  return joined;
}
