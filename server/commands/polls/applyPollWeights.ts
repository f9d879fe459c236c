/**
 * Command: a closed points poll over award criteria becomes their weights (issue 14, item 6).
 * The result with every party weighing the same is rounded to whole numbers that add up to
 * exactly 100 (largest remainder), a version of each document is saved first, the weights are
 * written into the criterion blocks by the server through each document's room (everyone
 * connected sees them arrive like any edit), and the audit log says which poll set them.
 *
 * Every criterion is checked in every document before anything is written, so a missing block
 * does not leave half the weights changed. With several instances each document's check and
 * write run at its owner (server/cluster/documentParts.ts), whichever instance took the request.
 * Once the weights are in, the poll decides the open suggestions of those weights
 * (decideWeightSuggestions.ts: rows only, so on any instance).
 */
import type * as Y from 'yjs';
import type { WeightsApplied } from '../../../shared/api/polls';
import type { Language } from '../../../shared/i18n/messages';
import { translate } from '../../../shared/i18n/translate';
import { DocumentLoadError } from '../../collab/loadDocument';
import { documentPart, runAtOwner } from '../../cluster/documentParts';
import type { Services } from '../../context';
import { ConflictError, HttpError } from '../../errors';
import { findBlockElement } from '../../registers/extractBlocks';
import type { StoredAllocation } from '../../sessions/ballotRules';
import { largestRemainder } from '../../sessions/largestRemainder';
import { countPoll } from '../../sessions/pollCount';
import type { FieldSuggestionRow, PollOptionRow, PollRow, WorkSessionRow } from '../../storage/rows';
import { publishSessionChange } from '../sessions/publishSessionChange';
import { describeFailure } from '../../support/log';
import { decideWeightSuggestions } from './decideWeightSuggestions';

export interface ApplyWeights {
  session: WorkSessionRow;
  poll: PollRow;
  options: readonly PollOptionRow[];
  by: { userId: string; partyId: string | null };
  lang: Language;
}

/** The weights written and the suggestions they decided, as rows: the route presents them. */
export interface AppliedWeights extends Omit<WeightsApplied, 'suggestions'> {
  decidedSuggestions: FieldSuggestionRow[];
}

interface Weight {
  option: PollOptionRow & { document_id: string; block_id: string };
  weight: number;
}

/** One document's check and write, run at the document's owner (server/app.ts lists them for its route). */
export const criteriaCheck = documentPart('poll-weights-check', (services, documentId, { weights }: { weights: Weight[] }) => checkCriteria(services, documentId, weights));
export const weightsWrite = documentPart('poll-weights-write', (services, documentId, { input, weights }: { input: ApplyWeights; weights: Weight[] }) => writeWeights(services, input, documentId, weights));

export async function applyPollWeights(services: Services, input: ApplyWeights): Promise<AppliedWeights> {
  const weights = await weightsOf(services, input);
  const byDocument = new Map<string, Weight[]>();
  for (const w of weights) byDocument.set(w.option.document_id, [...(byDocument.get(w.option.document_id) ?? []), w]);
  try {
    for (const [documentId, inDocument] of byDocument) await runAtOwner(services, criteriaCheck, documentId, { weights: inDocument });
    const versionIds: string[] = [];
    for (const [documentId, inDocument] of byDocument) versionIds.push(await runAtOwner(services, weightsWrite, documentId, { input, weights: inDocument }));
    await services.repos.polls.markWeightsApplied(input.poll.id, Date.now());
    publishSessionChange(services, input.session);
    const written = weights.map((w) => ({ optionId: w.option.id, documentId: w.option.document_id, blockId: w.option.block_id, weight: w.weight }));
    // The weights are in: a failure to close their suggestions leaves those open for an owner,
    // and must not answer a request whose change was made with an error (its retry would be 409).
    const decidedSuggestions = await decideWeightSuggestions(services, {
      workspaceId: input.session.workspace_id,
      pollId: input.poll.id,
      weights: written,
      userId: input.by.userId,
    }).catch((error: unknown) => {
      services.logger.error('poll did not decide the weight suggestions', { poll: input.poll.id, ...describeFailure(error) });
      return [];
    });
    return { pollId: input.poll.id, weights: written, versionIds, decidedSuggestions };
  } catch (error) {
    if (error instanceof DocumentLoadError) throw new HttpError(503, 'document_unavailable', 'error.documentUnavailable');
    throw error;
  }
}

/** The party-equal result as whole weights adding up to 100; 409 when the poll cannot give them. */
async function weightsOf(services: Services, { poll, options }: ApplyWeights): Promise<Weight[]> {
  if (poll.status !== 'closed') throw new ConflictError('poll_open', 'error.weightsNeedClosedPoll');
  if (poll.kind !== 'points') throw new ConflictError('wrong_kind', 'error.weightsNeedPoints');
  if (options.some((o) => !o.block_id || !o.document_id)) throw new ConflictError('not_criteria', 'error.weightsNeedCriteria');
  const ballots = await services.repos.polls.listBallots(poll.id);
  const count = countPoll(
    poll.kind,
    options.map((o) => ({ id: o.id, label: o.label, blockId: o.block_id })),
    ballots.map((b) => ({ partyId: b.party_id, reason: null, allocations: JSON.parse(b.allocations) as StoredAllocation[] })),
    false,
  );
  const values = count.options.map((o) => o.partyEqual);
  if (values.every((v) => v === 0)) throw new ConflictError('no_ballots', 'error.weightsNoBallots');
  const rounded = largestRemainder(values, 100);
  return options.map((option, i) => ({ option: option as Weight['option'], weight: rounded[i]! }));
}

/** Every option's block is still an award criterion in its document. */
async function checkCriteria(services: Services, documentId: string, weights: readonly Weight[]): Promise<void> {
  await services.registry.withRoom(documentId, (room) => {
    for (const { option } of weights) {
      const element = findBlockElement(room.doc, 'criterion', option.block_id);
      if (!element) throw new ConflictError('criterion_gone', 'error.criterionGone');
      if (element.getAttribute('kind') !== 'award') throw new ConflictError('not_criteria', 'error.weightsNeedCriteria');
    }
  });
}

/** A version of the document as it was, then the weights; answers the version's id. */
async function writeWeights(services: Services, input: ApplyWeights, documentId: string, weights: readonly Weight[]): Promise<string> {
  const { registry, versionKeeper, repos, events } = services;
  const label = translate(input.lang, 'poll.versionLabel', { question: input.poll.question });
  const versionId = await registry.withRoom(documentId, async (room) => {
    // When nothing changed since the latest version, that version is the one before.
    const { version } = await versionKeeper.create(documentId, room.doc, { label, kind: 'manual', userId: input.by.userId });
    await room.applyServerChange((doc) => {
      for (const { option, weight } of weights) {
        // A number, as the editor and the templates store a weight (yjs types attributes as strings).
        const element = findBlockElement(doc, 'criterion', option.block_id) as Y.XmlElement<{ weight: number }> | undefined;
        element?.setAttribute('weight', weight);
      }
    }, input.by);
    return version.id;
  });
  await repos.auditLog.record({
    workspaceId: input.session.workspace_id,
    documentId,
    userId: input.by.userId,
    action: 'poll.weights',
    detail: {
      pollId: input.poll.id,
      sessionId: input.session.id,
      question: input.poll.question,
      versionId,
      weights: weights.map((w) => ({ blockId: w.option.block_id, weight: w.weight })),
    },
  });
  events.publish(input.session.workspace_id, 'versions', { documentId });
  return versionId;
}
