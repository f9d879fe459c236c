/**
 * Request bodies of the werksessie API (issue 14). Messages are catalogue keys, worded where they
 * are shown, as in ./schemas.ts.
 */
import { z } from 'zod';
import { displayText, proseText } from './schemas';
import { sessionLimits, sessionTemplateNames, stepKinds } from '../sessions/steps';

const id = z.string().min(1).max(64);
const sessionTitle = displayText('validation.sessionTitleRequired', sessionLimits.titleMax);

/** When the session is planned: an ISO 8601 date and time with its offset. */
const startsAt = z.iso.datetime({ offset: true, message: 'validation.sessionStartsAt' }).nullable();

export const createSessionReq = z.object({
  title: sessionTitle,
  template: z.enum(sessionTemplateNames, 'validation.sessionTemplate').optional(),
  startsAt: startsAt.optional(),
});
export type CreateSessionReq = z.infer<typeof createSessionReq>;

/** One step of the agenda as the client sends it; a step without an id is new. */
export const stepInput = z.object({
  id: id.optional(),
  title: displayText('validation.stepTitleRequired', sessionLimits.stepTitleMax),
  instruction: proseText(sessionLimits.instructionMax).default(''),
  minutes: z.number('validation.stepMinutes').int('validation.stepMinutes').min(1, 'validation.stepMinutes').max(sessionLimits.maxStepMinutes, 'validation.stepMinutes'),
  kind: z.enum(stepKinds, 'validation.stepKind'),
  documentId: id.nullable().optional(),
  blockId: id.nullable().optional(),
  guestsWrite: z.boolean('validation.boolean').optional(),
});
export type StepInput = z.infer<typeof stepInput>;

export const updateSessionReq = z
  .object({
    title: sessionTitle.optional(),
    startsAt: startsAt.optional(),
    steps: z.array(stepInput).max(sessionLimits.maxSteps, 'validation.tooManySteps').optional(),
  })
  .strict();
export type UpdateSessionReq = z.input<typeof updateSessionReq>;

/** The next reflection moment, planned by the chair from the session (issue 14, item 8). */
export const planReflectionReq = z
  .object({
    documentId: id,
    date: z.string('validation.reflectionDate').regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.reflectionDate').refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'validation.reflectionDate'),
    text: proseText(sessionLimits.instructionMax).optional(),
  })
  .strict();
export type PlanReflectionReq = z.infer<typeof planReflectionReq>;

/** What the chair changes on a timer: a new one, pause, resume, one more minute. */
const timerChange = z.union([
  z.object({ seconds: z.number('validation.timerSeconds').int('validation.timerSeconds').min(1, 'validation.timerSeconds').max(sessionLimits.maxTimerSeconds, 'validation.timerSeconds') }).strict(),
  z.object({ action: z.enum(['pause', 'resume', 'extend'], 'validation.timerAction') }).strict(),
  z.null(),
]);

/** The order of turns in a round: parties as the chair set them, or drawn by lot. */
const turnOrder = z.union([
  z.object({ partyIds: z.array(id).min(1, 'validation.turnOrderEmpty').max(50) }).strict(),
  z.object({ lot: z.literal(true) }).strict(),
]);

export const sessionStateReq = z
  .object({
    stepId: id.optional(),
    timer: timerChange.optional(),
    follow: z.object({ documentId: id, blockId: id.optional() }).strict().nullable().optional(),
    locked: z.boolean('validation.boolean').optional(),
    turnPartyId: id.nullable().optional(),
    turnOrder: turnOrder.optional(),
    /** Seconds each turn of a round gets; its timer starts when the turn does. */
    turnSeconds: z.number('validation.timerSeconds').int('validation.timerSeconds').min(10, 'validation.timerSeconds').max(3600, 'validation.timerSeconds').optional(),
    /** Ends the current turn and gives the next party in the order its turn. */
    nextTurn: z.literal(true).optional(),
  })
  .strict();
export type SessionStateReq = z.infer<typeof sessionStateReq>;

export const handOverReq = z.object({ userId: id }).strict();

export const turnTextReq = z.object({ said: proseText(sessionLimits.saidMax) }).strict();
