/**
 * Commands: plan a session (from a template, in the language of the request) and change its
 * title, date and agenda. Steps keep their ids when the client sends them back, so the current
 * step of a running session survives an edit of the agenda.
 */
import type { StepInput } from '../../../shared/api/sessionSchemas';
import type { SessionTemplateName } from '../../../shared/sessions/steps';
import { templateSteps } from '../../../shared/sessions/templates';
import type { Language } from '../../../shared/i18n/messages';
import type { Services } from '../../context';
import { ValidationError } from '../../errors';
import { newId } from '../../storage/ids';
import type { WorkSessionRow, WorkSessionStepRow } from '../../storage/rows';
import { publishSessionChange } from './publishSessionChange';
import { guestWritingChanged } from '../../sessions/guestWriting';
import { stepLetsGuestsWrite } from '../../policies';

export async function createSession(
  services: Services,
  input: { workspaceId: string; title: string; template: SessionTemplateName; startsAt: number | null; userId: string; lang: Language },
): Promise<WorkSessionRow> {
  const now = Date.now();
  const session: WorkSessionRow = {
    id: newId(),
    workspace_id: input.workspaceId,
    title: input.title,
    starts_at: input.startsAt,
    status: 'planned',
    chair_user_id: null,
    current_step_id: null,
    timer_ends_at: null,
    timer_paused_ms: null,
    follow_document_id: null,
    follow_block_id: null,
    locked: 0,
    turn_party_id: null,
    turn_order: '[]',
    turn_seconds: 180,
    created_by: input.userId,
    created_at: now,
    started_at: null,
    ended_at: null,
    minutes_document_id: null,
  };
  const steps = templateSteps(input.template, input.lang).map(
    (step, position): WorkSessionStepRow => ({ id: newId(), session_id: session.id, position, ...step, document_id: null, block_id: null, revealed_at: null, guests_write: 0 }),
  );
  await services.repos.workSessions.create(session, steps);
  publishSessionChange(services, session);
  return session;
}

export async function updateSession(
  services: Services,
  session: WorkSessionRow,
  body: { title?: string; startsAt?: string | null; steps?: StepInput[] },
): Promise<void> {
  const { repos } = services;
  if (body.title !== undefined || body.startsAt !== undefined) {
    const startsAt = body.startsAt === undefined ? session.starts_at : body.startsAt === null ? null : Date.parse(body.startsAt);
    await repos.workSessions.rename(session.id, body.title ?? session.title, startsAt);
  }
  if (body.steps !== undefined) {
    // A step keeps its reveal: editing the agenda never makes revealed cards private again.
    const before = await repos.workSessions.listSteps(session.id);
    const known = new Map(before.map((step) => [step.id, step.revealed_at]));
    const documents = new Set((await repos.documents.listForWorkspace(session.workspace_id)).map((d) => d.id));
    const fields: Record<string, 'error.documentNotHere'> = {};
    const rows = body.steps.map((step, position): WorkSessionStepRow => {
      if (step.documentId && !documents.has(step.documentId)) fields[`steps.${position}.documentId`] = 'error.documentNotHere';
      // An id from elsewhere is not taken over: the step is new here.
      const id = step.id && known.has(step.id) ? step.id : newId();
      return {
        id,
        session_id: session.id,
        position,
        title: step.title,
        instruction: step.instruction,
        minutes: step.minutes,
        kind: step.kind,
        document_id: step.documentId ?? null,
        block_id: step.documentId ? (step.blockId ?? null) : null,
        revealed_at: known.get(id) ?? null,
        guests_write: step.guestsWrite ? 1 : 0,
      };
    });
    if (Object.keys(fields).length > 0) throw new ValidationError(fields);
    await repos.workSessions.replaceSteps(session.id, rows);
    if (session.current_step_id && !rows.some((row) => row.id === session.current_step_id)) {
      await repos.workSessions.setState(session.id, { current_step_id: null });
      await repos.workSessions.switchStep(session.id, Date.now(), null);
    }
    await guestWritingChanged(services, session, stepLetsGuestsWrite(session, before));
  }
  publishSessionChange(services, session);
}
