/**
 * Whether a ballot fits its poll (issue 14, item 5), as field messages for a 400: points add up
 * to exactly the budget, dots stay within the budget and the most per option, every option gets
 * a score of 1 to 5 or a stance, and an objection comes with a reason. Pure: the poll and the
 * ballot in, the ballot as it is stored (every option once, in the poll's order) or the faults out.
 */
import type { AllocationInput } from '../../shared/api/pollSchemas';
import type { MessageKey, MessageParams } from '../../shared/i18n/translate';
import { consentStances, pollLimits, type ConsentStance, type PollKind } from '../../shared/sessions/polls';

export interface BallotPoll {
  kind: PollKind;
  budget: number | null;
  maxPerOption: number | null;
  /** The option ids in the poll's order. */
  optionIds: readonly string[];
}

export type StoredAllocation = { optionId: string; value: number } | { optionId: string; value: ConsentStance };

export type BallotFaults = Record<string, { key: MessageKey; params?: MessageParams }>;

export type BallotCheck = { ok: true; allocations: StoredAllocation[]; reason: string | null } | { ok: false; faults: BallotFaults };

const isStance = (value: unknown): value is ConsentStance => (consentStances as readonly unknown[]).includes(value);

export function checkBallot(poll: BallotPoll, allocations: readonly AllocationInput[], reason: string | undefined): BallotCheck {
  const faults: BallotFaults = {};
  const given = new Map<string, AllocationInput['value']>();
  allocations.forEach((allocation, index) => {
    if (!poll.optionIds.includes(allocation.optionId)) faults[`allocations.${index}.optionId`] = { key: 'validation.ballotUnknownOption' };
    else if (given.has(allocation.optionId)) faults[`allocations.${index}.optionId`] = { key: 'validation.ballotOptionTwice' };
    else given.set(allocation.optionId, allocation.value);
  });
  if (Object.keys(faults).length > 0) return { ok: false, faults };
  return poll.kind === 'consent' ? checkConsent(poll, given, reason) : checkNumbers(poll, given);
}

function checkNumbers(poll: BallotPoll, given: Map<string, AllocationInput['value']>): BallotCheck {
  const faults: BallotFaults = {};
  const values: { optionId: string; value: number }[] = [];
  for (const optionId of poll.optionIds) {
    const value = given.get(optionId);
    if (value !== undefined && typeof value !== 'number') {
      faults.allocations = { key: 'validation.ballotValue' };
      return { ok: false, faults };
    }
    values.push({ optionId, value: value ?? 0 });
  }
  const total = values.reduce((sum, v) => sum + v.value, 0);
  const budget = poll.budget ?? 0;
  if (poll.kind === 'points') {
    if (values.some((v) => v.value < 0)) faults.allocations = { key: 'validation.ballotNegative' };
    else if (total !== budget) faults.allocations = { key: 'validation.ballotPointsTotal', params: { budget, total } };
  } else if (poll.kind === 'dots') {
    const max = poll.maxPerOption ?? budget;
    if (values.some((v) => v.value < 0)) faults.allocations = { key: 'validation.ballotNegative' };
    else if (values.some((v) => v.value > max)) faults.allocations = { key: 'validation.ballotDotsPerOption', params: { max } };
    else if (total > budget) faults.allocations = { key: 'validation.ballotDotsTotal', params: { budget, total } };
    else if (total === 0) faults.allocations = { key: 'validation.ballotEmpty' };
  } else if (poll.optionIds.some((optionId) => !given.has(optionId))) {
    faults.allocations = { key: 'validation.ballotScoreEvery' };
  } else if (values.some((v) => v.value < pollLimits.scoreMin || v.value > pollLimits.scoreMax)) {
    faults.allocations = { key: 'validation.ballotScoreRange', params: { min: pollLimits.scoreMin, max: pollLimits.scoreMax } };
  }
  return Object.keys(faults).length > 0 ? { ok: false, faults } : { ok: true, allocations: values, reason: null };
}

function checkConsent(poll: BallotPoll, given: Map<string, AllocationInput['value']>, reason: string | undefined): BallotCheck {
  const faults: BallotFaults = {};
  const stances: { optionId: string; value: ConsentStance }[] = [];
  for (const optionId of poll.optionIds) {
    const value = given.get(optionId);
    if (value === undefined) faults.allocations = { key: 'validation.ballotStanceEvery' };
    else if (!isStance(value)) faults.allocations = { key: 'validation.ballotStance' };
    else stances.push({ optionId, value });
  }
  const trimmed = reason?.trim() ?? '';
  if (!faults.allocations && stances.some((s) => s.value === 'object') && trimmed === '') faults.reason = { key: 'validation.ballotReasonRequired' };
  return Object.keys(faults).length > 0 ? { ok: false, faults } : { ok: true, allocations: stances, reason: trimmed || null };
}
