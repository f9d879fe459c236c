/** Response bodies of the private cards of a werksessie (issue 14, item 4). */
import type { PromoteKind } from './cardSchemas';

/**
 * A card as one person may see it: before the reveal only its author gets it; after, everyone
 * in the workspace. An anonymous card has no `author` for anyone, its author included, once
 * revealed: `mine` tells the author which cards are theirs.
 */
export interface SessionCard {
  id: string;
  sessionId: string;
  stepId: string;
  text: string;
  anonymous: boolean;
  createdAt: number;
  partyId: string | null;
  partyName: string | null;
  /** Null for an anonymous card; `name` null for someone who is no longer a member. */
  author: { id: string; name: string | null } | null;
  mine: boolean;
}

/** What `GET /api/sessions/:id/cards?stepId=` answers. */
export interface SessionCardList {
  stepId: string;
  /** When the chair revealed the step; null while every card is still its author's alone. */
  revealedAt: number | null;
  cards: SessionCard[];
}

/** What `POST /api/cards/:id/promote` answers (201): where the card went. */
export interface PromotedCard {
  documentId: string;
  kind: PromoteKind;
  /** The new block's id; null for a paragraph, which has none. */
  blockId: string | null;
}
