/** Explicit field whitelists for JSON responses: a column added to a table never leaks by itself. */
import type { DocumentRow } from '../storage/rows';
import type { InviteRow } from '../storage/rows';
import type { MemberWithUserRow } from '../storage/rows';
import type { PartyRow } from '../storage/rows';
import type { UserRow } from '../storage/rows';
import type { WorkspaceRow } from '../storage/rows';

const iso = (ms: number) => new Date(ms).toISOString();

export const presentUser = (u: UserRow) => ({ id: u.id, email: u.email, name: u.name });

export const presentWorkspace = (w: WorkspaceRow) => ({ id: w.id, name: w.name, createdAt: iso(w.created_at) });

export const presentParty = (p: PartyRow) => ({ id: p.id, name: p.name, kind: p.kind, color: p.color });

/** Email addresses are personal data: only owners, who manage membership, see them. */
export const presentMember = (m: MemberWithUserRow, withEmail: boolean) => ({
  userId: m.user_id,
  name: m.name,
  ...(withEmail ? { email: m.email } : {}),
  role: m.role,
  partyId: m.party_id,
});

export const presentDocument = (d: DocumentRow) => ({
  id: d.id,
  workspaceId: d.workspace_id,
  title: d.title,
  template: d.template,
  archived: d.archived_at !== null,
  createdAt: iso(d.created_at),
  updatedAt: iso(d.updated_at),
});

export const presentInvite = (i: InviteRow) => ({
  id: i.id,
  role: i.role,
  partyId: i.party_id,
  expiresAt: iso(i.expires_at),
  maxUses: i.max_uses,
  uses: i.uses,
  revoked: i.revoked_at !== null,
  createdAt: iso(i.created_at),
});
