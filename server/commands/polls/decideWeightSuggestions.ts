/**
 * Command: the weights a poll set decide the open suggestions of those weights (issue 15, "a
 * criterion's weight only an owner, or a poll of a session"). Once the table has weighed the
 * criteria, a proposal of one of those weights has had its answer: it is accepted when it
 * proposed the weight the poll set and rejected otherwise. The decision is recorded in the name
 * of whoever applied the weights (the server's record of the request) together with the poll,
 * so the list of decisions says the poll decided, not that person on their own.
 *
 * Nothing is written into the document here: the poll's weights are already there
 * (applyPollWeights.ts), so an accepted proposal is one the document agrees with.
 *
 * A suggestion that changes other fields besides the weight (a category, a kind) stays open: the
 * poll says nothing about those fields, so it can neither accept nor reject the whole proposal,
 * and splitting it would decide half of what someone proposed as one. It remains an owner's
 * decision, as any suggestion of a weight is (ownerDecides in shared/blocks/attrs.ts).
 */
import type { Services } from '../../context';
import type { FieldSuggestionRow } from '../../storage/rows';
import { parseFieldValues } from '../../suggestions/fieldChanges';

/** One weight the poll set: the criterion block, its document and the weight. */
export interface PollWeight {
  documentId: string;
  blockId: string;
  weight: number;
}

export interface DecideWeightSuggestions {
  workspaceId: string;
  pollId: string;
  weights: readonly PollWeight[];
  /** Who applied the weights. */
  userId: string;
}

/** Decides them and announces each document's list once; answers the suggestions it decided. */
export async function decideWeightSuggestions(services: Services, input: DecideWeightSuggestions): Promise<FieldSuggestionRow[]> {
  const { repos, events } = services;
  const decided: FieldSuggestionRow[] = [];
  for (const documentId of new Set(input.weights.map((w) => w.documentId))) {
    const weightOf = new Map(input.weights.filter((w) => w.documentId === documentId).map((w) => [w.blockId, w.weight]));
    const open = await repos.fieldSuggestions.ofDocument(documentId, 'open');
    const at = Date.now();
    let decidedHere = 0;
    for (const row of open) {
      const weight = weightOf.get(row.block_id);
      const proposed = onlyWeight(row);
      if (weight === undefined || proposed === undefined) continue;
      const status = proposed === weight ? 'accepted' : 'rejected';
      // False when someone decided it meanwhile: their decision stands.
      if (!(await repos.fieldSuggestions.decide(documentId, row.id, status, input.userId, at, input.pollId))) continue;
      decided.push((await repos.fieldSuggestions.find(documentId, row.id))!);
      decidedHere += 1;
    }
    // One announcement per document: every stream refetches its list once, not once per suggestion.
    if (decidedHere > 0) events.publish(input.workspaceId, 'suggestions', { documentId });
  }
  return decided;
}

/**
 * The proposed weight of a suggestion that proposes a weight and nothing else; undefined for
 * any other. A proposal to clear the weight (null) is not the poll's weight, so it is rejected.
 */
function onlyWeight(row: FieldSuggestionRow): number | null | undefined {
  const changes = parseFieldValues(row.changes);
  const fields = Object.keys(changes);
  if (fields.length !== 1 || fields[0] !== 'weight') return undefined;
  const weight = changes.weight;
  return typeof weight === 'number' || weight === null ? weight : undefined;
}
