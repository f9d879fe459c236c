/** Response shapes of the HTTP API, as written in the API contract. */
import type { Abilities } from '../shared/api/abilities';
import type { DocumentTemplate, PartyKind, Role } from '../shared/api/roles';

export type { Abilities, DocumentTemplate, PartyKind, Role };

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface Party {
  id: string;
  name: string;
  kind: PartyKind;
  color: string;
}

export interface Member {
  userId: string;
  name: string;
  /** Only present when the caller is an owner. */
  email?: string;
  role: Role;
  partyId: string | null;
}

export interface DocumentSummary {
  id: string;
  workspaceId: string;
  title: string;
  template: DocumentTemplate;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Invite {
  id: string;
  role: Role;
  partyId: string;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revoked: boolean;
  createdAt: string;
}

export interface CreatedInvite extends Invite {
  token: string;
  url: string;
}

export interface WorkspaceListItem {
  id: string;
  name: string;
  role: Role;
  partyId: string | null;
  createdAt: string;
}

export interface WorkspaceDetail {
  id: string;
  name: string;
  createdAt: string;
  role: Role;
  partyId: string | null;
  abilities: Abilities;
  parties: Party[];
  members: Member[];
  documents: DocumentSummary[];
  invites?: Invite[];
}

export interface DocumentDetail extends DocumentSummary {
  workspace: { id: string; name: string };
  role: Role;
  partyId: string | null;
  abilities: Abilities;
  parties: Party[];
  members: Member[];
}

export interface InvitePreview {
  workspace: { id: string; name: string };
  role: Role;
  party: Party;
  expiresAt: string;
}

export interface AcceptedInvite {
  workspaceId: string;
  role: Role;
  partyId: string;
}
