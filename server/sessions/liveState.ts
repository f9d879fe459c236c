import type { WorkSessionRow, WorkSessionState } from '../storage/rows';

/** The part of a session row the chair changes, to be changed and stored as a whole. */
export function liveState(session: WorkSessionRow): WorkSessionState {
  const { current_step_id, timer_ends_at, timer_paused_ms, follow_document_id, follow_block_id, locked, turn_party_id, turn_order, turn_seconds, chair_user_id } = session;
  return { current_step_id, timer_ends_at, timer_paused_ms, follow_document_id, follow_block_id, locked, turn_party_id, turn_order, turn_seconds, chair_user_id };
}
