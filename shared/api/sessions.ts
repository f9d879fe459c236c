/** Response bodies of the werksessie API (issue 14). Times are milliseconds since the epoch. */
import type { SessionStatus, StepKind } from '../sessions/steps';
import type { PollSummary } from './polls';

export interface SessionStep {
  id: string;
  title: string;
  instruction: string;
  minutes: number;
  kind: StepKind;
  documentId: string | null;
  blockId: string | null;
  /** When the chair revealed this private step's cards; null while they are private. */
  revealedAt: number | null;
  /** Guests may write in the documents while this step is current. */
  guestsWrite: boolean;
  /** How many cards were written in this step: a count, never what they say. */
  cardCount: number;
}

/**
 * A running timer says when it ends by the server's clock, and what that clock read when the
 * answer was written: a screen shows `endsAt - serverNow` minus the time since it received it,
 * whatever its own clock says. A paused timer has no end, only what was left.
 */
export interface SessionTimer {
  endsAt: number | null;
  serverNow: number;
  pausedRemainingMs: number | null;
}

export interface SessionFollow {
  documentId: string;
  blockId: string | null;
}

export interface SessionTurn {
  id: string;
  stepId: string;
  partyId: string;
  startedAt: number;
  endedAt: number | null;
  said: string;
}

/** After (and during) a session: turns and speaking time per party, in the order parties spoke. */
export interface SpeakingTime {
  partyId: string;
  turns: number;
  ms: number;
}

export interface SessionSummary {
  id: string;
  workspaceId: string;
  title: string;
  startsAt: number | null;
  status: SessionStatus;
  chairUserId: string | null;
  createdAt: number;
  /** The document its minutes were written into; null until it has ended. */
  minutesDocumentId: string | null;
}

/** What `POST /api/sessions/:id/end` answers: the minutes' document and the ended session. */
/** `POST /api/sessions/:id/reflection`: where the reflection block went. */
export interface ReflectionPlanned {
  documentId: string;
  blockId: string;
  date: string;
}

export interface SessionEnded {
  id: string;
  session: SessionDetail;
}

export interface SessionDetail extends SessionSummary {
  steps: SessionStep[];
  currentStepId: string | null;
  timer: SessionTimer | null;
  follow: SessionFollow | null;
  locked: boolean;
  /** The party whose turn it is in a round, or null. */
  turn: string | null;
  turnOrder: string[];
  turnSeconds: number;
  turns: SessionTurn[];
  speaking: SpeakingTime[];
  /** Whether the caller chairs this session (the interface shows the chair's panel). */
  youChair: boolean;
  /** Whether the caller may start it or change its agenda (owners and editors). */
  canManage: boolean;
  /** The session's polls, oldest first: their state, never ballots or counts. */
  polls: PollSummary[];
}

/** The data of a `session` event on the workspace stream: which session changed. */
export interface SessionEventData {
  sessionId: string;
}
