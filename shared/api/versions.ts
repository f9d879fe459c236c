/**
 * Responses of the versions API: versions, their adoption and the readable diff. Defined once
 * here; the server builds them, the client shows them.
 */
import type { JSONContent } from '@tiptap/core';

/** Saved by someone, saved after a quiet period, or kept just before a restore. */
export const versionKinds = ['manual', 'auto', 'before_restore'] as const;
export type VersionKind = (typeof versionKinds)[number];

/** What one party had written when the version was saved. */
export interface VersionAttribution {
  partyId: string;
  charsInserted: number;
  charsDeleted: number;
  blocksInserted: number;
  updates: number;
}

/** `GET /api/documents/:id/versions` (newest first) and `POST` (201). */
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

/** `GET /api/documents/:id/versions/:vid`: the version with its content as Tiptap JSON. */
export interface VersionDetail extends Version {
  content: JSONContent;
}

/** `POST /api/documents/:id/versions/:vid/restore`. */
export interface RestoreResult {
  restoredVersionId: string;
  /** The version kept of the text as it was just before. */
  backupVersionId: string;
}

/** `GET /api/documents/:id/versions/:vid/diff?against=current|<vid>`. */
export interface VersionDiff {
  from: { id: string; label: string };
  /** `id` is 'current' when compared with the document as it is now. */
  to: { id: string; label: string };
  entries: DiffEntry[];
}

/** One party's place in an adoption: still to decide, signed or declined (latest decision counts). */
export interface PartySignOff {
  partyId: string;
  partyName: string;
  color: string;
  status: 'pending' | 'signed' | 'declined';
  userId: string | null;
  userName: string | null;
  at: string | null;
  reason: string | null;
}

/** The adoption (vaststelling) of a version: which parties must sign, and who did. */
export interface AdoptionState {
  status: 'pending' | 'adopted';
  requestedBy: string;
  requestedByName: string | null;
  requestedAt: string;
  adoptedAt: string | null;
  parties: PartySignOff[];
}

/** A run of words that stayed, came in or went out. */
export interface DiffSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface FieldChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

export interface DiffEntry {
  op: 'insert' | 'delete' | 'change';
  nodeType: string;
  /** Set for structured blocks. */
  blockId?: string;
  segments: DiffSegment[];
  fieldChanges: FieldChange[];
  /** A Dutch one-liner from the server: "actie 'Werkplaats openen': eigenaar leeg -> …". */
  summary: string;
}
