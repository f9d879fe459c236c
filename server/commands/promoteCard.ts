/**
 * Command: a revealed card becomes a paragraph or a block at the end of a document (issue 14,
 * item 4). The server writes it through the document's room, so it is stored before it is
 * relayed and every connection sees it arrive like any edit. It keeps who wrote it: the block's
 * `createdBy`/`createdByParty` and the change's attribution are the card's author — for an
 * anonymous card its party only. Who may do this was checked before (server/policies).
 */
import * as Y from 'yjs';
import type { PromotedCard } from '../../shared/api/cards';
import type { PromoteKind } from '../../shared/api/cardSchemas';
import { DOCUMENT_FRAGMENT, writeJsonToDoc } from '../../shared/editor/schema';
import { DocumentLoadError } from '../collab/loadDocument';
import type { Services } from '../context';
import { HttpError } from '../errors';
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
  const nodes = toYNodes(cardContent(card.text, kind, author, blockId));
  try {
    await services.registry.withRoom(document.id, (room) =>
      room.applyServerChange((doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT).push(nodes), author),
    );
  } catch (error) {
    if (error instanceof DocumentLoadError) throw new HttpError(503, 'document_unavailable', 'error.documentUnavailable');
    throw error;
  }
  // The card's author is not named here: for an anonymous card the log must not say who it was.
  await services.repos.auditLog.record({ workspaceId: document.workspace_id, documentId: document.id, userId: input.userId, action: 'card.promote', detail: { cardId: card.id, kind } });
  return { documentId: document.id, kind, blockId: kind === 'paragraph' ? null : blockId };
}

/**
 * The nodes as Yjs elements not yet in any document. They are built by the same conversion the
 * templates use (which checks them against the schema) in a scratch document, and copied out.
 */
function toYNodes(content: ReturnType<typeof cardContent>): (Y.XmlElement | Y.XmlText)[] {
  const scratch = new Y.Doc();
  try {
    writeJsonToDoc(scratch, { type: 'doc', content });
    return scratch.getXmlFragment(DOCUMENT_FRAGMENT).toArray().map((node) => node.clone() as Y.XmlElement | Y.XmlText);
  } finally {
    scratch.destroy();
  }
}
