/** Explicit field whitelists for JSON responses: a column added to a table never leaks by itself. */
import type { User } from '../../shared/api/accounts';
import { hasPassword } from '../auth/passwords';
import type { DocumentSummary } from '../../shared/api/documents';
import type { Invite, Member, Party, Workspace } from '../../shared/api/workspaces';
import type { DocumentRow, InviteRow, MemberWithUserRow, PartyRow, UserRow, WorkspaceRow } from '../storage/rows';

export const iso = (ms: number) => new Date(ms).toISOString();

/** A guest has no address: the placeholder in its place is never shown, not even to the guest. */
export const presentUser = (u: UserRow): User => ({
  id: u.id,
  email: u.guest === 1 ? '' : u.email,
  name: u.name,
  emailVerified: u.email_verified_at !== null,
  language: u.language,
  workspaceMails: u.workspace_mails === 1,
  hasPassword: hasPassword(u.password_hash),
  guest: u.guest === 1,
});

export const presentWorkspace = (w: WorkspaceRow): Workspace => ({ id: w.id, name: w.name, createdAt: iso(w.created_at) });

export const presentParty = (p: PartyRow): Party => ({ id: p.id, name: p.name, kind: p.kind, color: p.color });

/** Email addresses are personal data: only owners, who manage membership, see them. */
export const presentMember = (m: MemberWithUserRow, withEmail: boolean): Member => ({
  userId: m.user_id,
  name: m.name,
  ...(withEmail ? { email: m.email } : {}),
  role: m.role,
  partyId: m.party_id,
});

export const presentDocument = (d: DocumentRow): DocumentSummary => ({
  id: d.id,
  workspaceId: d.workspace_id,
  title: d.title,
  // The column is written only from a validated createDocumentReq; the row type does not say so yet.
  template: d.template,
  archived: d.archived_at !== null,
  createdAt: iso(d.created_at),
  updatedAt: iso(d.updated_at),
});

export const presentInvite = (i: InviteRow): Invite => ({
  id: i.id,
  role: i.role,
  partyId: i.party_id,
  expiresAt: iso(i.expires_at),
  maxUses: i.max_uses,
  uses: i.uses,
  revoked: i.revoked_at !== null,
  createdAt: iso(i.created_at),
  email: i.email,
});
