/**
 * What a werksessie's agenda is made of. Shared by the server (validation, storage) and the
 * client (the agenda editor, the session bar).
 */

/** Kinds of step (issue 14): how the table works during it. */
export const stepKinds = ['talk', 'round', 'write', 'private', 'poll', 'decide', 'close'] as const;
export type StepKind = (typeof stepKinds)[number];

/** A session from planned, through running (with a chair), to ended. */
export const sessionStatuses = ['planned', 'running', 'ended'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** The templates a session can start from; `blank` has no steps. */
export const sessionTemplateNames = ['verkenning', 'criteria', 'startbijeenkomst', 'blank'] as const;
export type SessionTemplateName = (typeof sessionTemplateNames)[number];

/** Limits the API and the forms share. */
export const sessionLimits = {
  titleMax: 200,
  stepTitleMax: 200,
  instructionMax: 2000,
  maxSteps: 40,
  maxStepMinutes: 480,
  maxTimerSeconds: 4 * 60 * 60,
  saidMax: 4000,
} as const;
