/** Werksessie rows as the API shows them (shared/api/sessions.ts). */
import type { SessionDetail, SessionStep, SessionSummary, SessionTimer, SessionTurn } from '../../shared/api/sessions';
import type { WorkSessionRow, WorkSessionStepRow, WorkSessionTurnRow } from '../storage/rows';
import { speakingTimes } from '../sessions/turns';

export function presentSessionSummary(row: WorkSessionRow): SessionSummary {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    startsAt: row.starts_at,
    status: row.status,
    chairUserId: row.chair_user_id,
    createdAt: row.created_at,
    minutesDocumentId: row.minutes_document_id,
  };
}

/** `cardCount`: how many cards the step has; the cards themselves are only in the cards API. */
export function presentStep(row: WorkSessionStepRow, cardCount = 0): SessionStep {
  return {
    id: row.id,
    title: row.title,
    instruction: row.instruction,
    minutes: row.minutes,
    kind: row.kind,
    documentId: row.document_id,
    blockId: row.block_id,
    revealedAt: row.revealed_at,
    guestsWrite: row.guests_write === 1,
    cardCount,
  };
}

/** The clock with the server's time of this answer, so every screen counts down alike. */
export function presentTimer(row: WorkSessionRow, now: number): SessionTimer | null {
  if (row.timer_ends_at === null && row.timer_paused_ms === null) return null;
  return { endsAt: row.timer_ends_at, serverNow: now, pausedRemainingMs: row.timer_paused_ms };
}

function presentTurn(row: WorkSessionTurnRow): SessionTurn {
  return { id: row.id, stepId: row.step_id, partyId: row.party_id, startedAt: row.started_at, endedAt: row.ended_at, said: row.said };
}

export interface SessionViewer {
  userId: string;
  canManage: boolean;
}

/** The polls as the session detail lists them (server/presenters/polls.ts). */
export type SessionPolls = SessionDetail['polls'];

export function presentSession(
  row: WorkSessionRow,
  steps: readonly WorkSessionStepRow[],
  turns: readonly WorkSessionTurnRow[],
  cardCounts: ReadonlyMap<string, number>,
  viewer: SessionViewer,
  polls: SessionPolls,
  now = Date.now(),
): SessionDetail {
  return {
    ...presentSessionSummary(row),
    steps: steps.map((step) => presentStep(step, cardCounts.get(step.id) ?? 0)),
    currentStepId: row.current_step_id,
    timer: presentTimer(row, now),
    follow: row.follow_document_id ? { documentId: row.follow_document_id, blockId: row.follow_block_id } : null,
    locked: row.locked === 1,
    turn: row.turn_party_id,
    turnOrder: JSON.parse(row.turn_order) as string[],
    turnSeconds: row.turn_seconds,
    turns: turns.map(presentTurn),
    speaking: speakingTimes(turns, now),
    youChair: row.status === 'running' && row.chair_user_id === viewer.userId,
    canManage: viewer.canManage,
    polls,
  };
}
