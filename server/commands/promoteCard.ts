/**
 * Command: a revealed card becomes a paragraph or a block at the end of a document (issue 14,
 * item 4). The server writes it through the document's room, so it is stored before it is
 * relayed and every connection sees it arrive like any edit. It keeps who wrote it: the block's
 * `createdBy`/`createdByParty` and the change's attribution are the card's author — for an
 * anonymous card its party only. Who may do this was checked before (server/policies).
 */
import type { PromotedCard } from '../../shared/api/cards';
import type { PromoteKind } from '../../shared/api/cardSchemas';
import type { Services } from '../context';
import { appendToDocument } from './appendToDocument';
import { cardContent, type CardAuthor } from '../sessions/cardContent';
import { newId } from '../storage/ids';
import type { DocumentRow, WorkSessionCardRow } from '../storage/rows';

export interface PromoteCard {
  card: WorkSessionCardRow;
  document: DocumentRow;
  kind: PromoteKind;
  /** Who turned the card into text: the audit log says so. */
  userId: string;
}

export async function promoteCard(services: Services, input: PromoteCard): Promise<PromotedCard> {
  const { card, document, kind } = input;
  const author: CardAuthor = { userId: card.anonymous === 1 ? null : card.author_id, partyId: card.party_id };
  const blockId = newId();
  await appendToDocument(services, document.id, cardContent(card.text, kind, author, blockId), author);
  // The card's author is not named here: for an anonymous card the log must not say who it was.
  await services.repos.auditLog.record({ workspaceId: document.workspace_id, documentId: document.id, userId: input.userId, action: 'card.promote', detail: { cardId: card.id, kind } });
  return { documentId: document.id, kind, blockId: kind === 'paragraph' ? null : blockId };
}
