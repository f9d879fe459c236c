/**
 * Command: the chair changes the live state of a running session (step, clock, follow-me, lock,
 * turns). Checks that everything named belongs to the session's workspace, stores the new state
 * and the turn that ends or begins, updates the collaboration lock and tells the workspace.
 * The caller has already checked that the caller chairs the session (server/policies).
 */
import type { SessionStateReq } from '../../../shared/api/sessionSchemas';
import type { Services } from '../../context';
import { ConflictError, ValidationError } from '../../errors';
import { newId } from '../../storage/ids';
import type { WorkSessionRow, WorkSessionState, WorkSessionStepRow, WorkSessionTurnRow } from '../../storage/rows';
import { changedFields, liveState } from '../../sessions/liveState';
import { changeTimer } from '../../sessions/timer';
import { drawLots, nextInOrder } from '../../sessions/turns';
import { publishSessionChange } from './publishSessionChange';
import { guestWritingChanged } from '../../sessions/guestWriting';
import { stepLetsGuestsWrite } from '../../policies';

export async function changeSessionState(services: Services, session: WorkSessionRow, body: SessionStateReq, now = Date.now()): Promise<WorkSessionRow> {
  const { repos } = services;
  const steps = await repos.workSessions.listSteps(session.id);
  const partyIds = new Set((await repos.parties.listForWorkspace(session.workspace_id)).map((p) => p.id));
  const state: WorkSessionState = liveState(session);

  /** undefined: the turn stays as it is; null: the open turn ends; a row: it ends and this one begins. */
  let turnSwitch: WorkSessionTurnRow | null | undefined;
  /** Whether the current step changed: its time is recorded for the minutes. */
  let stepChanged = false;

  if (body.stepId !== undefined && body.stepId !== state.current_step_id) {
    if (!steps.some((step) => step.id === body.stepId)) throw new ValidationError({ stepId: 'error.stepMissing' });
    state.current_step_id = body.stepId;
    stepChanged = true;
    // A round belongs to its step: moving on ends whoever was speaking.
    if (state.turn_party_id !== null) turnSwitch = null;
    state.turn_party_id = null;
  }
  if (body.timer !== undefined) Object.assign(state, changeTimer(state, body.timer, now));
  if (body.follow !== undefined) {
    if (body.follow !== null) {
      const document = await repos.documents.findById(body.follow.documentId);
      if (!document || document.workspace_id !== session.workspace_id) throw new ValidationError({ 'follow.documentId': 'error.documentNotHere' });
    }
    state.follow_document_id = body.follow?.documentId ?? null;
    state.follow_block_id = body.follow?.blockId ?? null;
  }
  if (body.locked !== undefined) state.locked = body.locked ? 1 : 0;
  if (body.turnSeconds !== undefined) state.turn_seconds = body.turnSeconds;
  if (body.turnOrder !== undefined) {
    // By lot: the parties at the table, those with at least one member here.
    const present = async () => [...new Set((await repos.members.listForWorkspace(session.workspace_id)).flatMap((m) => (m.party_id ? [m.party_id] : [])))];
    const order = 'lot' in body.turnOrder ? drawLots(await present()) : body.turnOrder.partyIds;
    if (order.some((id) => !partyIds.has(id)) || new Set(order).size !== order.length) throw new ValidationError({ turnOrder: 'error.partyNotHere' });
    state.turn_order = JSON.stringify(order);
  }

  const wantsTurn = body.turnPartyId !== undefined || body.nextTurn;
  if (wantsTurn) {
    const step = currentRound(steps, state.current_step_id);
    const order = JSON.parse(state.turn_order) as string[];
    let party: string | null;
    if (body.turnPartyId !== undefined) {
      party = body.turnPartyId;
      if (party !== null && !partyIds.has(party)) throw new ValidationError({ turnPartyId: 'error.partyNotHere' });
    } else {
      if (order.length === 0) throw new ConflictError('no_turn_order', 'error.noTurnOrder');
      party = nextInOrder(order, state.turn_party_id);
    }
    state.turn_party_id = party;
    turnSwitch = party === null ? null : { id: newId(), session_id: session.id, step_id: step.id, party_id: party, started_at: now, ended_at: null, said: '' };
    // Every turn gets the same clock; after the last one the clock stops.
    Object.assign(state, changeTimer(state, party === null ? null : { seconds: state.turn_seconds }, now));
  }

  if (stepChanged && state.current_step_id) {
    await repos.workSessions.switchStep(session.id, now, { id: newId(), session_id: session.id, step_id: state.current_step_id, started_at: now, ended_at: null });
  }
  if (turnSwitch !== undefined) await repos.workSessions.switchTurn(session.id, now, turnSwitch);
  await repos.workSessions.setState(session.id, changedFields(liveState(session), state));
  const updated: WorkSessionRow = { ...session, ...state };
  if (updated.locked === 1 && updated.chair_user_id) services.sessionLocks.set(session.id, session.workspace_id, updated.chair_user_id);
  else services.sessionLocks.release(session.id);
  if (stepChanged) await guestWritingChanged(services, session, stepLetsGuestsWrite(session, steps));
  publishSessionChange(services, updated);
  return updated;
}

function currentRound(steps: readonly WorkSessionStepRow[], stepId: string | null): WorkSessionStepRow {
  const step = steps.find((s) => s.id === stepId);
  if (!step || step.kind !== 'round') throw new ConflictError('not_a_round', 'error.notARound');
  return step;
}
