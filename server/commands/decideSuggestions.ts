/**
 * Command: accept or reject all open suggestions of one person or of one party in a document,
 * text and block fields alike (issue 15, "all of one person's or one party's suggestions at
 * once"). Each one is decided as on its own (decideSuggestion.ts, decideFieldSuggestion.ts):
 * the same policy per place, its own stored change and
 * credit. One that may not be decided here (inside another party's commitment) or was decided
 * meanwhile stays as it is and is named in the answer; only when none could be decided for
 * want of the right does the request itself answer 403.
 */
import type { Services } from '../context';
import { HttpError } from '../errors';
import type { Membership } from '../policies';
import type { DocumentRow, FieldSuggestionRow, SuggestionRow } from '../storage/rows';
import { decideFieldSuggestion } from './decideFieldSuggestion';
import { decideSuggestion, type SuggestionDecision } from './decideSuggestion';

export interface DecideSuggestions {
  document: DocumentRow;
  membership: Membership;
  userId: string;
  decision: SuggestionDecision;
  of: { userId: string } | { partyId: string };
}

export interface DecidedSuggestions {
  decided: (SuggestionRow | FieldSuggestionRow)[];
  refused: { id: string; code: string }[];
}

export async function decideSuggestions(services: Services, input: DecideSuggestions): Promise<DecidedSuggestions> {
  const ofWhom = (row: { user_id: string | null; party_id: string | null }) => ('userId' in input.of ? row.user_id === input.of.userId : row.party_id === input.of.partyId);
  const texts = (await services.repos.suggestions.ofDocument(input.document.id, 'open')).filter(ofWhom);
  const fields = (await services.repos.fieldSuggestions.ofDocument(input.document.id, 'open')).filter(ofWhom);
  const decided: (SuggestionRow | FieldSuggestionRow)[] = [];
  const refused: { id: string; code: string; error: HttpError }[] = [];
  const common = { document: input.document, membership: input.membership, userId: input.userId, decision: input.decision, announce: false };
  const attempt = async (id: string, decide: () => Promise<SuggestionRow | FieldSuggestionRow>) => {
    try {
      decided.push(await decide());
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      refused.push({ id, code: error.code, error });
    }
  };
  // In the order they were made: a later suggestion may sit inside an earlier one's text.
  for (const row of texts) await attempt(row.id, () => decideSuggestion(services, { ...common, suggestionId: row.id, found: row }));
  for (const row of fields) await attempt(row.id, () => decideFieldSuggestion(services, { ...common, suggestionId: row.id, found: row }));
  // One announcement for the lot: every stream refetches the list once, not once per suggestion.
  if (decided.length > 0) services.events.publish(input.document.workspace_id, 'suggestions', { documentId: input.document.id });
  if (decided.length === 0 && refused.length > 0 && refused.every((refusal) => refusal.error.status === 403)) throw refused[0]!.error;
  return { decided, refused: refused.map(({ id, code }) => ({ id, code })) };
}
