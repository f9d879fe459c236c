/** The suggestions API's answers (issue 15), shared by the routes and the client. */
import type { SuggestionKind } from '../suggestions/suggestionMarks';

/** `withdrawn`: a text suggestion nobody decided whose marked text is gone (taken back or deleted). */
export type SuggestionStatus = 'open' | 'accepted' | 'rejected' | 'withdrawn';

/** Who proposed it, from the server's record of the connection that wrote it. */
export interface Suggester {
  id: string | null;
  name: string | null;
  partyId: string | null;
  partyName: string | null;
  partyColor: string | null;
}

/** A suggested change of a block's fields: the block, the proposed values and what it held then. */
export interface FieldChange {
  blockId: string;
  blockKind: string;
  changes: Record<string, string | number | boolean | null>;
  previous: Record<string, string | number | boolean | null>;
}

export interface SuggestionRes {
  id: string;
  documentId: string;
  /** Text to add or remove (marks in the document), or a change of a block's fields. */
  kind: SuggestionKind | 'field';
  /** Only for `kind: 'field'`. */
  field?: FieldChange;
  status: SuggestionStatus;
  suggester: Suggester;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /**
   * Only for `kind: 'field'`: the poll of a werksessie whose weights decided it (`decidedBy` is
   * then who applied them), or null when a person decided it.
   */
  decidedByPollId?: string | null;
}

/** The answer to deciding all of one person's or one party's suggestions at once. */
export interface DecideSuggestionsRes {
  decided: SuggestionRes[];
  /** Suggestions left open, each with why (`not_your_party`, `suggestion_decided`, …). */
  refused: { id: string; code: string }[];
}
