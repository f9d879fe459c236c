import type { SuggestionRes } from '../../shared/api/suggestions';
import type { FieldSuggestionRow, SuggestionRow } from '../storage/rows';
import { parseFieldValues } from '../suggestions/fieldChanges';
import type { NameBook } from './threads';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What every suggestion shows: the suggester is the server's record, named from the workspace. */
function presentCommon(row: SuggestionRow | FieldSuggestionRow, names: NameBook): Omit<SuggestionRes, 'kind'> {
  const party = names.party(row.party_id);
  return {
    id: row.id,
    documentId: row.document_id,
    status: row.status,
    suggester: { id: row.user_id, name: names.person(row.user_id), partyId: party?.id ?? null, partyName: party?.name ?? null, partyColor: party?.color ?? null },
    createdAt: new Date(row.created_at).toISOString(),
    decidedBy: row.decided_by,
    decidedAt: iso(row.decided_at),
  };
}

/** A suggestion of text to add or remove, as the API shows it. */
export function presentSuggestion(row: SuggestionRow, names: NameBook): SuggestionRes {
  return { ...presentCommon(row, names), kind: row.kind };
}

/** A suggested change of a block's fields, in the same list as the text suggestions. */
export function presentFieldSuggestion(row: FieldSuggestionRow, names: NameBook): SuggestionRes {
  const field = { blockId: row.block_id, blockKind: row.block_kind, changes: parseFieldValues(row.changes), previous: parseFieldValues(row.previous) };
  return { ...presentCommon(row, names), kind: 'field', field, decidedByPollId: row.decided_by_poll_id };
}

/** Either kind, told apart by the block a field suggestion names. */
export function presentAnySuggestion(row: SuggestionRow | FieldSuggestionRow, names: NameBook): SuggestionRes {
  return 'block_id' in row ? presentFieldSuggestion(row, names) : presentSuggestion(row, names);
}
