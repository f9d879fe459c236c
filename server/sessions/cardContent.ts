/**
 * A card as document content: a plain paragraph, or one of the structured blocks built from its
 * one definition (shared/blocks), carrying who wrote it. Pure: a card in, Tiptap JSON out.
 */
import type { JSONContent } from '@tiptap/core';
import type { PromoteKind } from '../../shared/api/cardSchemas';
import { blockDefaults } from '../../shared/blocks/attrs';
import { paragraph } from '../../shared/templates/builders';

/** Who wrote the card, as the block will say: only the party for an anonymous card. */
export interface CardAuthor {
  userId: string | null;
  partyId: string | null;
}

/** One paragraph per line the author wrote; an empty card still makes one (empty) paragraph. */
function paragraphsOf(text: string): JSONContent[] {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  return lines.length > 0 ? lines.map((line) => paragraph(line)) : [paragraph()];
}

/**
 * The nodes to append. A paragraph has no attributes to carry its author; the change itself is
 * recorded as the author's (attribution). A commitment is proposed for the author's party: a
 * card is what that party brought to the table, and only its own people can confirm it.
 */
export function cardContent(text: string, kind: PromoteKind, author: CardAuthor, blockId: string): JSONContent[] {
  if (kind === 'paragraph') return paragraphsOf(text);
  const identity = { id: blockId, createdBy: author.userId, createdByParty: author.partyId };
  const own = kind === 'commitment' ? { partyId: author.partyId } : {};
  return [{ type: kind, attrs: { ...blockDefaults[kind], ...own, ...identity }, content: paragraphsOf(text) }];
}
