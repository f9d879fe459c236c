/**
 * Command: suggest a change of a block's fields (issue 15): a criterion's weight, an action's
 * owner or date. The suggestion is kept beside the document, not in it, until someone who may
 * decide accepts it (decideFieldSuggestion.ts); so a commenter, who cannot write the document,
 * can propose one, and who proposed is the server's record of the request. The block is read in
 * its room, so the check and the `previous` values are those of the document as everyone has it.
 */
import { DocumentLoadError } from '../collab/loadDocument';
import type { Services } from '../context';
import { HttpError, NotFoundError, ValidationError } from '../errors';
import { authorize, type Membership } from '../policies';
import { findAnyBlockElement } from '../registers/extractBlocks';
import type { DocumentRow, FieldSuggestionRow } from '../storage/rows';
import { changesNothing, checkFieldChanges, currentValues, type FieldValues } from '../suggestions/fieldChanges';
import { partyAttrs, userAttrs } from '../../shared/blocks/attrs';

export interface ProposeFieldChange {
  document: DocumentRow;
  membership: Membership;
  userId: string;
  blockId: string;
  changes: Record<string, string | number | null>;
}

/** A party or person a suggestion names must be one of the workspace's. */
async function checkReferences(services: Services, workspaceId: string, changes: FieldValues): Promise<void> {
  const fields: Record<string, 'validation.noSuchParty' | 'validation.noSuchMember'> = {};
  const partyFields = Object.keys(changes).filter((field) => partyAttrs.has(field) && changes[field] !== null);
  const userFields = Object.keys(changes).filter((field) => userAttrs.has(field) && changes[field] !== null);
  if (partyFields.length > 0) {
    const parties = new Set((await services.repos.parties.listForWorkspace(workspaceId)).map((party) => party.id));
    for (const field of partyFields) if (!parties.has(String(changes[field]))) fields[`changes.${field}`] = 'validation.noSuchParty';
  }
  for (const field of userFields) {
    if (!(await services.repos.members.find(workspaceId, String(changes[field])))) fields[`changes.${field}`] = 'validation.noSuchMember';
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

export async function proposeFieldChange(services: Services, input: ProposeFieldChange): Promise<FieldSuggestionRow> {
  authorize(input.membership, 'document:comment');
  const { document } = input;
  let row: FieldSuggestionRow;
  try {
    row = await services.registry.withRoom(document.id, async (room) => {
      const element = findAnyBlockElement(room.doc, input.blockId);
      if (!element) throw new NotFoundError('error.blockMissing');
      const checked = checkFieldChanges(element.nodeName, input.changes);
      if (!checked.ok) throw new ValidationError(checked.fields);
      await checkReferences(services, document.workspace_id, checked.changes);
      // The block may have changed while the references were looked up: read it now.
      const current = currentValues(element.getAttributes() as Record<string, unknown>, Object.keys(checked.changes));
      if (changesNothing(checked.changes, current)) throw new ValidationError({ changes: 'validation.noChange' });
      // Only what would change is proposed (and decides who decides: a weight left as it is
      // does not make it an owner's decision).
      const changes = Object.fromEntries(Object.entries(checked.changes).filter(([field, value]) => current[field] !== value));
      const previous = Object.fromEntries(Object.keys(changes).map((field) => [field, current[field] ?? null]));
      const proposed: FieldSuggestionRow = {
        document_id: document.id,
        id: crypto.randomUUID(),
        workspace_id: document.workspace_id,
        block_id: input.blockId,
        block_kind: element.nodeName,
        changes: JSON.stringify(changes),
        previous: JSON.stringify(previous),
        user_id: input.userId,
        party_id: input.membership.party_id ?? null,
        status: 'open',
        created_at: Date.now(),
        decided_by: null,
        decided_at: null,
        decided_by_poll_id: null,
      };
      await services.repos.fieldSuggestions.create(proposed);
      return proposed;
    });
  } catch (error) {
    if (error instanceof DocumentLoadError) throw new HttpError(503, 'document_unavailable', 'error.documentUnavailable');
    throw error;
  }
  services.events.publish(document.workspace_id, 'suggestions', { documentId: document.id });
  return row;
}
