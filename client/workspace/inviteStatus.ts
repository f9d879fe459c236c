import type { Invite } from '../../shared/api/workspaces';

export type InviteStatus = 'active' | 'expired' | 'revoked' | 'usedUp';

/** Why a link does or does not work any more, for display only (the server decides). */
export function inviteStatus(invite: Invite, now: Date = new Date()): InviteStatus {
  if (invite.revoked) return 'revoked';
  if (new Date(invite.expiresAt).getTime() <= now.getTime()) return 'expired';
  if (invite.uses >= invite.maxUses) return 'usedUp';
  return 'active';
}
