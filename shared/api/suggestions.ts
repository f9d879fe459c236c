/** The suggestions API's answers (issue 15), shared by the routes and the client. */
import type { SuggestionKind } from '../suggestions/suggestionMarks';

export type SuggestionStatus = 'open' | 'accepted' | 'rejected';

/** Who proposed it, from the server's record of the connection that wrote it. */
export interface Suggester {
  id: string | null;
  name: string | null;
  partyId: string | null;
  partyName: string | null;
  partyColor: string | null;
}

export interface SuggestionRes {
  id: string;
  documentId: string;
  kind: SuggestionKind;
  status: SuggestionStatus;
  suggester: Suggester;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** The answer to deciding all of one person's or one party's suggestions at once. */
export interface DecideSuggestionsRes {
  decided: SuggestionRes[];
  /** Suggestions left open, each with why (`not_your_party`, `suggestion_decided`, …). */
  refused: { id: string; code: string }[];
}
