/**
 * Command: accept or reject a suggested change of a block's fields (issue 15). As for text
 * suggestions (decideSuggestion.ts): the decision is recorded first (a second one is 409), then
 * an acceptance writes the proposed values into the block through the room and is stored before
 * the caller answers; when that cannot be stored the decision is taken back. The accepting change
 * is stored in the suggester's name, so "Wie schreef dit?" and the contributions credit their
 * party. Who may decide is the policy's call: editors and owners, a weight only owners.
 *
 * A suggestion whose block has gone can still be rejected; accepting it is 409 `block_missing`
 * and leaves it open. An example block that takes a suggestion is no longer an example: a
 * person's proposal changed it.
 */
import { exampleAttr, isBlockName, ownerDecides } from '../../shared/blocks/attrs';
import { DocumentLoadError } from '../collab/loadDocument';
import type { Services } from '../context';
import { ConflictError, HttpError, NotFoundError } from '../errors';
import { authorizeFieldSuggestionDecision, type Membership } from '../policies';
import { findAnyBlockElement } from '../registers/extractBlocks';
import type { DocumentRow, FieldSuggestionRow } from '../storage/rows';
import { parseFieldValues } from '../suggestions/fieldChanges';
import type { SuggestionDecision } from './decideSuggestion';

export interface DecideFieldSuggestion {
  document: DocumentRow;
  membership: Membership;
  userId: string;
  suggestionId: string;
  decision: SuggestionDecision;
  /** The suggestion's record when the caller has read it already. */
  found?: FieldSuggestionRow;
  /** False when the caller announces once for many decisions. */
  announce?: boolean;
}

export async function decideFieldSuggestion(services: Services, input: DecideFieldSuggestion): Promise<FieldSuggestionRow> {
  const { repos, registry } = services;
  const { document, suggestionId } = input;
  const found = input.found ?? (await repos.fieldSuggestions.find(document.id, suggestionId));
  if (!found) throw new NotFoundError('error.suggestionMissing');
  const changes = parseFieldValues(found.changes);
  const kind = isBlockName(found.block_kind) ? found.block_kind : 'action';
  authorizeFieldSuggestionDecision(input.membership, { ownerOnly: ownerDecides(kind, Object.keys(changes)) });
  try {
    await registry.withRoom(document.id, async (room) => {
      const element = findAnyBlockElement(room.doc, found.block_id);
      if (input.decision === 'accept' && !element) throw new ConflictError('block_missing', 'error.blockMissing');
      const status = input.decision === 'accept' ? 'accepted' : 'rejected';
      if (!(await repos.fieldSuggestions.decide(document.id, suggestionId, status, input.userId, Date.now()))) {
        throw new ConflictError('suggestion_decided', 'error.suggestionDecided');
      }
      if (input.decision === 'reject') return;
      try {
        await room.applyServerChange(() => {
          // The block may have gone while the decision was recorded.
          if (!element || element._item?.deleted) return;
          // As the editor writes them: an empty field is an absent attribute.
          for (const [field, value] of Object.entries(changes)) {
            if (value === null) element.removeAttribute(field);
            else element.setAttribute(field, value as string);
          }
          if ((element.getAttribute(exampleAttr) as unknown) === true) element.removeAttribute(exampleAttr);
        }, { userId: found.user_id, partyId: found.party_id });
      } catch (error) {
        await repos.fieldSuggestions.reopen(document.id, suggestionId);
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof DocumentLoadError) throw new HttpError(503, 'document_unavailable', 'error.documentUnavailable');
    throw error;
  }
  if (input.announce !== false) services.events.publish(document.workspace_id, 'suggestions', { documentId: document.id });
  return (await repos.fieldSuggestions.find(document.id, suggestionId))!;
}
