/** Response shapes of the HTTP API, as written in the API contract. */
import type { JSONContent } from '@tiptap/core';
import type { CommitmentStatus } from '../shared/blocks/attrs';
import type { Abilities } from '../shared/api/abilities';
import type { DocumentTemplate, PartyKind, Role } from '../shared/api/roles';
import type { AdoptionState, DiffEntry, DiffSegment, FieldChange, PartySignOff } from '../shared/api/versions';

export type { AdoptionState, DiffEntry, DiffSegment, FieldChange, PartySignOff };

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

/** Answer of POST /api/documents/:id/commitments/:blockId/confirm|withdraw. */
export interface CommitmentDecision {
  documentId: string;
  blockId: string;
  status: CommitmentStatus;
  confirmedBy: string | null;
  confirmedAt: string | null;
}

export type {
  ActionEntry,
  CommitmentEntry,
  CriterionEntry,
  ReflectionEntry,
  RegisterEntries,
  RegisterEntry,
  RegisterName,
  WorkspaceContribution as Contribution,
} from '../shared/api/registers';

export type VersionKind = 'manual' | 'auto' | 'before_restore';

export interface VersionAttribution {
  partyId: string;
  charsInserted: number;
  charsDeleted: number;
  blocksInserted: number;
  updates: number;
}

/** GET /api/documents/:id/versions (newest first). */
export interface Version {
  id: string;
  documentId: string;
  label: string;
  kind: VersionKind;
  createdAt: string;
  createdBy: string | null;
  createdByName: string | null;
  attribution: VersionAttribution[];
  adoption: AdoptionState | null;
}

/** GET /api/documents/:id/versions/:vid: the version with its content as Tiptap JSON. */
export interface VersionDetail extends Version {
  content: JSONContent;
}

/** GET /api/documents/:id/versions/:vid/diff?against=current|<vid>. */
export interface VersionDiff {
  from: { id: string; label: string };
  to: { id: string; label: string };
  entries: DiffEntry[];
}

export interface RestoreResult {
  restoredVersionId: string;
  backupVersionId: string;
}

/** GET /api/documents/:id/contributions. */
export interface DocumentContributions {
  parties: PartyContribution[];
  timeline: ContributionDay[];
}

export interface PartyContribution {
  partyId: string;
  partyName: string;
  color: string;
  charsInserted: number;
  charsDeleted: number;
  updates: number;
  blocksProposed: number;
  commitmentsMade: number;
}

export interface ContributionDay {
  /** YYYY-MM-DD */
  day: string;
  partyId: string | null;
  userId: string;
  userName: string | null;
  charsInserted: number;
  charsDeleted: number;
}

/** GET /api/documents/:id/authors: which person and party a Yjs client id belongs to. */
export interface DocumentAuthor {
  clientId: number;
  userId: string;
  userName: string | null;
  partyId: string | null;
  partyName: string | null;
  color: string | null;
}

export const exportFormats = ['docx', 'pdf', 'md', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];
