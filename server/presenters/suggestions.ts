import type { SuggestionRes } from '../../shared/api/suggestions';
import type { SuggestionRow } from '../storage/rows';
import type { NameBook } from './threads';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A suggestion as the API shows it: the suggester is the server's record, named from the workspace. */
export function presentSuggestion(row: SuggestionRow, names: NameBook): SuggestionRes {
  const party = names.party(row.party_id);
  return {
    id: row.id,
    documentId: row.document_id,
    kind: row.kind,
    status: row.status,
    suggester: { id: row.user_id, name: names.person(row.user_id), partyId: party?.id ?? null, partyName: party?.name ?? null, partyColor: party?.color ?? null },
    createdAt: new Date(row.created_at).toISOString(),
    decidedBy: row.decided_by,
    decidedAt: iso(row.decided_at),
  };
}
