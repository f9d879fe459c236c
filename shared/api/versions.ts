/**
 * Shapes of the versions API that server and client share: the adoption of a version and the
 * readable diff. Defined once here; the server builds them, the client shows them.
 */

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
