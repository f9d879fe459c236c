/** Responses of "who wrote what" per document: contributions per party and per day, and authors. */

/** `GET /api/documents/:id/contributions`. */
export interface DocumentContributions {
  parties: DocumentContribution[];
  timeline: ContributionDay[];
}

/** What one party wrote, deleted and proposed in the document. */
export interface DocumentContribution {
  partyId: string;
  partyName: string;
  color: string;
  charsInserted: number;
  charsDeleted: number;
  updates: number;
  blocksProposed: number;
  commitmentsMade: number;
}

/** What one person wrote on one day. */
export interface ContributionDay {
  /** YYYY-MM-DD */
  day: string;
  partyId: string | null;
  userId: string;
  userName: string | null;
  charsInserted: number;
  charsDeleted: number;
}

/** One row of `GET /api/documents/:id/authors`: which person and party a Yjs client id belongs to. */
export interface DocumentAuthor {
  clientId: number;
  userId: string;
  userName: string | null;
  partyId: string | null;
  partyName: string | null;
  color: string | null;
}
