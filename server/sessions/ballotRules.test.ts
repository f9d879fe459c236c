import { describe, expect, it } from 'vitest';
import { checkBallot, type BallotPoll } from './ballotRules';

const optionIds = ['a', 'b', 'c'];
const poll = (kind: BallotPoll['kind'], budget: number | null = null, maxPerOption: number | null = null): BallotPoll => ({ kind, budget, maxPerOption, optionIds });
const faultsOf = (check: ReturnType<typeof checkBallot>) => (check.ok ? null : check.faults);

describe('checkBallot', () => {
  it('points: must add up to exactly the budget; options left out count 0', () => {
    const ok = checkBallot(poll('points', 100), [{ optionId: 'b', value: 60 }, { optionId: 'a', value: 40 }], undefined);
    expect(ok).toEqual({ ok: true, reason: null, allocations: [{ optionId: 'a', value: 40 }, { optionId: 'b', value: 60 }, { optionId: 'c', value: 0 }] });
    expect(faultsOf(checkBallot(poll('points', 100), [{ optionId: 'a', value: 99 }], undefined))).toEqual({
      allocations: { key: 'validation.ballotPointsTotal', params: { budget: 100, total: 99 } },
    });
    expect(faultsOf(checkBallot(poll('points', 100), [{ optionId: 'a', value: 120 }, { optionId: 'b', value: -20 }], undefined))?.allocations?.key).toBe('validation.ballotNegative');
  });

  it('dots: within the budget and the most per option, at least one', () => {
    expect(checkBallot(poll('dots', 5, 2), [{ optionId: 'a', value: 2 }, { optionId: 'b', value: 2 }], undefined).ok).toBe(true);
    expect(faultsOf(checkBallot(poll('dots', 5, 2), [{ optionId: 'a', value: 3 }], undefined))?.allocations?.key).toBe('validation.ballotDotsPerOption');
    expect(faultsOf(checkBallot(poll('dots', 3, 2), [{ optionId: 'a', value: 2 }, { optionId: 'b', value: 2 }], undefined))?.allocations).toEqual({
      key: 'validation.ballotDotsTotal',
      params: { budget: 3, total: 4 },
    });
    expect(faultsOf(checkBallot(poll('dots', 3, 2), [], undefined))?.allocations?.key).toBe('validation.ballotEmpty');
  });

  it('score: every option 1 to 5', () => {
    const all = (v: number) => optionIds.map((optionId) => ({ optionId, value: v }));
    expect(checkBallot(poll('score'), all(5), undefined).ok).toBe(true);
    expect(faultsOf(checkBallot(poll('score'), all(6), undefined))?.allocations?.key).toBe('validation.ballotScoreRange');
    expect(faultsOf(checkBallot(poll('score'), all(3).slice(1), undefined))?.allocations?.key).toBe('validation.ballotScoreEvery');
  });

  it('consent: a stance for every option, a reason with an objection', () => {
    const stances = (last: 'consent' | 'object') => [
      { optionId: 'a', value: 'consent' as const },
      { optionId: 'b', value: 'discuss' as const },
      { optionId: 'c', value: last },
    ];
    expect(checkBallot(poll('consent'), stances('consent'), undefined).ok).toBe(true);
    expect(faultsOf(checkBallot(poll('consent'), stances('object'), '  '))).toEqual({ reason: { key: 'validation.ballotReasonRequired' } });
    expect(checkBallot(poll('consent'), stances('object'), ' Te duur ')).toMatchObject({ ok: true, reason: 'Te duur' });
    expect(faultsOf(checkBallot(poll('consent'), [{ optionId: 'a', value: 1 }, ...stances('consent').slice(1)], undefined))?.allocations?.key).toBe('validation.ballotStance');
  });

  it('refuses options of another poll and an option twice, and numbers in a consent poll the other way round', () => {
    expect(faultsOf(checkBallot(poll('points', 10), [{ optionId: 'x', value: 10 }], undefined))).toEqual({ 'allocations.0.optionId': { key: 'validation.ballotUnknownOption' } });
    expect(faultsOf(checkBallot(poll('points', 10), [{ optionId: 'a', value: 5 }, { optionId: 'a', value: 5 }], undefined))).toEqual({ 'allocations.1.optionId': { key: 'validation.ballotOptionTwice' } });
    expect(faultsOf(checkBallot(poll('points', 10), [{ optionId: 'a', value: 'consent' }], undefined))?.allocations?.key).toBe('validation.ballotValue');
  });
});
