/** Responses about workspaces, their parties, members and invites. */
import type { Abilities } from './abilities';
import type { DocumentSummary } from './documents';
import type { MemberRole, PartyKind, Role } from './roles';

/** `POST /api/workspaces` (201) and `PATCH /api/workspaces/:id`. */
export interface Workspace {
  id: string;
  name: string;
  createdAt: string;
}

/** One row of `GET /api/workspaces`: a workspace with the caller's place in it. */
export interface WorkspaceListItem extends Workspace {
  role: MemberRole;
  partyId: string | null;
}

/** `GET /api/workspaces/:id`. */
export interface WorkspaceDetail extends WorkspaceListItem {
  abilities: Abilities;
  parties: Party[];
  members: Member[];
  documents: DocumentSummary[];
  /** Only for those who manage invites (owners). */
  invites?: Invite[];
  /** Only for those who may delete versions (owners). */
  storage?: StorageUsage;
}

/** Bytes the workspace takes: its documents (stored Yjs states and update logs) and their versions. */
export interface StorageUsage {
  documentsBytes: number;
  versionsBytes: number;
}

/** A party around the table, with its colour on every caret, name and list. */
export interface Party {
  id: string;
  name: string;
  kind: PartyKind;
  color: string;
}

/** A person in the workspace, the party they speak for and their role. */
export interface Member {
  userId: string;
  name: string;
  /** Only present when the caller manages members (owners): email addresses are personal data. */
  email?: string;
  role: MemberRole;
  partyId: string | null;
}

/** An invite link as its owners see it (without the token). */
export interface Invite {
  id: string;
  role: Role;
  partyId: string;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revoked: boolean;
  createdAt: string;
  /** The address the link was mailed to, if it was. */
  email: string | null;
}

/** `POST /api/workspaces/:id/invites` (201): the link is shown this once, only its hash is stored. */
export interface CreatedInvite extends Invite {
  token: string;
  url: string;
}

/** `GET /api/invites/:token`, without a session. */
export interface InvitePreview {
  workspace: { id: string; name: string };
  role: Role;
  party: Party;
  expiresAt: string;
}

/** `POST /api/invites/:token/accept`. */
export interface AcceptedInvite {
  workspaceId: string;
  role: MemberRole;
  partyId: string | null;
}
