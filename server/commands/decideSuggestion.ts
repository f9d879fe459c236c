/**
 * Command: accept or reject a suggestion. The decision is recorded first (only an open one can
 * be decided: a second decision is 409), then the server changes the document through its room
 * and the change is stored before the caller answers; when it cannot be stored the decision is
 * taken back. Accepting an insertion takes its mark off (the text stays), accepting a removal
 * deletes the text; rejecting does the reverse. A proposed paragraph becomes a plain one when
 * accepted and goes when rejected. Who may decide is the policy's call, per place:
 * ordinary text or a commitment's.
 *
 * A confirmed commitment whose text an acceptance changes is proposed again (its party confirms
 * anew); a suggestion that is only proposed inside it leaves the confirmation alone.
 *
 * An accepted suggestion keeps its credit: the characters were written by the suggester's own
 * connection, and the accepting change is stored in the suggester's name too, so the
 * contributions and "Wie schreef dit?" count it for the suggester's party.
 */
import * as Y from 'yjs';
import { SUGGESTION_INSERT_MARK } from '../../shared/suggestions/suggestionMarks';
import { DocumentLoadError } from '../collab/loadDocument';
import type { Services } from '../context';
import { ConflictError, HttpError, NotFoundError } from '../errors';
import { commitmentGuardOf } from '../extensions/commitmentGuard';
import { suggestionGuardOf } from '../extensions/suggestionGuard';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { authorizeSuggestionDecision, type Membership } from '../policies';
import type { DocumentRow, SuggestionRow } from '../storage/rows';
import { proposedParagraphs, suggestionRanges, type ProposedParagraph, type SuggestionRange } from '../suggestions/suggestionRanges';
import { PARAGRAPH_SUGGESTION_ATTR } from '../../shared/suggestions/suggestedParagraph';

export type SuggestionDecision = 'accept' | 'reject';

export interface DecideSuggestion {
  document: DocumentRow;
  membership: Membership;
  userId: string;
  suggestionId: string;
  decision: SuggestionDecision;
  /** The suggestion's record when the caller has read it already (a decision in bulk). */
  found?: SuggestionRow;
  /** False when the caller announces once for many decisions; the stream hears `suggestions` otherwise. */
  announce?: boolean;
}

/**
 * Deletes or unmarks each range, from the last to the first so that earlier indexes hold; then
 * a proposed paragraph stays as a plain one (accepted) or goes with all it holds (rejected: the
 * paragraph was the proposal, and words typed into it belonged to it).
 */
function applyDecision(ranges: SuggestionRange[], paragraphs: ProposedParagraph[], decision: SuggestionDecision): void {
  for (const range of [...ranges].reverse()) {
    const keepText = (range.mark === SUGGESTION_INSERT_MARK) === (decision === 'accept');
    if (keepText) range.text.format(range.index, range.length, { [range.mark]: null });
    else range.text.delete(range.index, range.length);
  }
  for (const { element } of paragraphs) {
    if (decision === 'accept') {
      element.removeAttribute(PARAGRAPH_SUGGESTION_ATTR);
      continue;
    }
    const parent = element.parent as Y.XmlFragment;
    parent.delete(parent.toArray().indexOf(element), 1);
  }
}

function placeOf(places: readonly { commitmentParty: { partyId: unknown } | undefined }[]) {
  return {
    // A suggestion whose text is gone is ordinary text's business (editors tidy it up).
    inOrdinaryText: places.length === 0 || places.some((place) => place.commitmentParty === undefined),
    commitmentPartyIds: places.flatMap((place) => (place.commitmentParty ? [place.commitmentParty.partyId] : [])),
  };
}

export async function decideSuggestion(services: Services, input: DecideSuggestion): Promise<SuggestionRow> {
  const { repos, registry } = services;
  const { document, suggestionId } = input;
  const found = input.found ?? (await repos.suggestions.find(document.id, suggestionId));
  if (!found) throw new NotFoundError('error.suggestionMissing');
  try {
    await registry.withRoom(document.id, async (room) => {
      authorizeSuggestionDecision(input.membership, placeOf([...suggestionRanges(room.doc, suggestionId), ...proposedParagraphs(room.doc, suggestionId)]));
      const status = input.decision === 'accept' ? 'accepted' : 'rejected';
      const guard = suggestionGuardOf(room);
      // Withdrawn in the room already (its text is gone), before its row says so.
      if (guard.statusOf(suggestionId) === 'withdrawn' || !(await repos.suggestions.decide(document.id, suggestionId, status, input.userId, Date.now()))) {
        throw new ConflictError('suggestion_decided', 'error.suggestionDecided');
      }
      guard.setStatus(suggestionId, status);
      const author = input.decision === 'accept' ? { userId: found.user_id, partyId: found.party_id } : undefined;
      try {
        await room.applyServerChange((doc: Y.Doc) => {
          const ranges = suggestionRanges(doc, suggestionId);
          const paragraphs = proposedParagraphs(doc, suggestionId);
          applyDecision(ranges, paragraphs, input.decision);
          // A confirmed commitment whose words an acceptance changed is proposed again, as
          // after any change of its text (the guard does not answer the server's own changes).
          if ([...ranges, ...paragraphs].some((place) => place.commitmentParty)) commitmentGuardOf(room).enforceAll(doc.getXmlFragment(DOCUMENT_FRAGMENT));
        }, author);
      } catch (error) {
        guard.setStatus(suggestionId, 'open');
        await repos.suggestions.reopen(document.id, suggestionId);
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof DocumentLoadError) throw new HttpError(503, 'document_unavailable', 'error.documentUnavailable');
    throw error;
  }
  if (input.announce !== false) services.events.publish(document.workspace_id, 'suggestions', { documentId: document.id });
  return (await repos.suggestions.find(document.id, suggestionId))!;
}
