import type { WorkSessionRow, WorkSessionState } from '../storage/rows';

/** The part of a session row the chair changes. */
export function liveState(session: WorkSessionRow): WorkSessionState {
  const { current_step_id, timer_ends_at, timer_paused_ms, follow_document_id, follow_block_id, locked, turn_party_id, turn_order, turn_seconds, chair_user_id } = session;
  return { current_step_id, timer_ends_at, timer_paused_ms, follow_document_id, follow_block_id, locked, turn_party_id, turn_order, turn_seconds, chair_user_id };
}

/** The fields of `after` that differ from `before`: what a change writes, and nothing it merely read. */
export function changedFields(before: WorkSessionState, after: WorkSessionState): Partial<WorkSessionState> {
  const changes: Partial<Record<keyof WorkSessionState, unknown>> = {};
  for (const key of Object.keys(after) as (keyof WorkSessionState)[]) if (after[key] !== before[key]) changes[key] = after[key];
  return changes as Partial<WorkSessionState>;
}
