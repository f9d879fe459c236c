/**
 * What the ballot form shows while someone fills it in: how many points or dots are left. The
 * server decides whether a ballot counts (server/sessions/ballotRules.ts); this only helps to
 * get there, so the button can wait until a points ballot adds up.
 */
import type { PollKind } from '../../../shared/sessions/polls';

export interface BallotProgress {
  /** Points or dots still to give; null for scores and consent. */
  left: number | null;
  /** Whether the form is worth sending: points add up exactly, dots stay within the budget. */
  complete: boolean;
}

export function ballotProgress(kind: PollKind, budget: number | null, values: readonly number[]): BallotProgress {
  if (kind !== 'points' && kind !== 'dots') return { left: null, complete: true };
  const used = values.reduce((sum, v) => sum + (Number.isFinite(v) ? v : 0), 0);
  const left = (budget ?? 0) - used;
  return { left, complete: kind === 'points' ? left === 0 : left >= 0 && used > 0 };
}
