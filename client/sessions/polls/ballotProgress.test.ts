import { describe, expect, it } from 'vitest';
import { ballotProgress } from './ballotProgress';

describe('ballotProgress', () => {
  it('counts down the points; complete only at exactly 0 left', () => {
    expect(ballotProgress('points', 100, [40, 30])).toEqual({ left: 30, complete: false });
    expect(ballotProgress('points', 100, [40, 60])).toEqual({ left: 0, complete: true });
    expect(ballotProgress('points', 100, [80, 60])).toEqual({ left: -40, complete: false });
  });

  it('dots: complete with at least one and no more than the budget', () => {
    expect(ballotProgress('dots', 5, [0, 0])).toEqual({ left: 5, complete: false });
    expect(ballotProgress('dots', 5, [2, 1])).toEqual({ left: 2, complete: true });
    expect(ballotProgress('dots', 5, [4, 2])).toEqual({ left: -1, complete: false });
  });

  it('has nothing to count for scores and consent', () => {
    expect(ballotProgress('score', null, [3])).toEqual({ left: null, complete: true });
  });
});
