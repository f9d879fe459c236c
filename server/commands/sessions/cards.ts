/**
 * Commands of a private step (issue 14, item 4): write a card, and the chair's reveal. A card is
 * stored in the database only, never in a document, so nothing carries it to anyone before the
 * reveal; the session event that follows says only that the session changed.
 * The callers have already checked who may do this (server/policies).
 */
import type { Services } from '../../context';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { newId } from '../../storage/ids';
import type { WorkSessionCardRow, WorkSessionRow, WorkSessionStepRow } from '../../storage/rows';
import { publishSessionChange } from './publishSessionChange';

export interface WriteCard {
  stepId: string;
  text: string;
  anonymous: boolean;
  userId: string;
  partyId: string | null;
}

/** Only while the session runs, in a private step whose cards are still private. */
export async function writeCard(services: Services, session: WorkSessionRow, input: WriteCard, now = Date.now()): Promise<WorkSessionCardRow> {
  if (session.status !== 'running') throw new ConflictError('session_not_running', 'error.sessionNotRunning');
  const step = (await services.repos.workSessions.listSteps(session.id)).find((s) => s.id === input.stepId);
  if (!step) throw new ValidationError({ stepId: 'error.stepMissing' });
  assertPrivate(step);
  if (step.revealed_at !== null) throw new ConflictError('step_revealed', 'error.stepRevealed');
  const card: WorkSessionCardRow = {
    id: newId(),
    session_id: session.id,
    step_id: step.id,
    author_id: input.userId,
    party_id: input.partyId,
    text: input.text,
    anonymous: input.anonymous ? 1 : 0,
    created_at: now,
  };
  await services.repos.sessionCards.insert(card);
  // The count of cards in the session detail changed; the event carries no card.
  publishSessionChange(services, session);
  return card;
}

/**
 * The chair shows everyone every card of the step. Revealing again changes nothing (the first
 * time stands) and answers the same: two screens or a double click are not an error.
 */
export async function revealStep(services: Services, session: WorkSessionRow, stepId: string, now = Date.now()): Promise<number> {
  const step = (await services.repos.workSessions.listSteps(session.id)).find((s) => s.id === stepId);
  if (!step) throw new NotFoundError('error.stepMissing');
  assertPrivate(step);
  const revealedAt = await services.repos.sessionCards.reveal(step.id, now);
  if (step.revealed_at === null) publishSessionChange(services, session);
  return revealedAt;
}

function assertPrivate(step: WorkSessionStepRow): void {
  if (step.kind !== 'private') throw new ConflictError('not_a_private_step', 'error.notAPrivateStep');
}
