import { describe, expect, it } from 'vitest';
import { largestRemainder } from './largestRemainder';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('largestRemainder', () => {
  it('keeps values that already add up', () => {
    expect(largestRemainder([40, 40, 20], 100)).toEqual([40, 40, 20]);
  });

  it('gives the leftover units to the largest remainders', () => {
    // Quotas 33.33…, 33.33…, 33.33…: one unit left, equal remainders: the first position.
    expect(largestRemainder([1, 1, 1], 100)).toEqual([34, 33, 33]);
    // 12.5 / 37.5 / 50 of 100 → 13 / 38 / 50 would be 101: remainders .5 and .5, the larger value first.
    expect(largestRemainder([1, 3, 4], 100)).toEqual([12, 38, 50]);
  });

  it('always adds up to the total, whatever the values', () => {
    const cases = [
      [1, 2, 3, 4, 5, 6, 7],
      [0.1, 0.2, 0.3],
      [100 / 3, 200 / 3, 1e-6],
      [5, 0, 0, 0],
      [13.37, 42, 7.77, 0.5, 99],
    ];
    for (const values of cases) {
      const result = largestRemainder(values, 100);
      expect(sum(result), JSON.stringify(values)).toBe(100);
      expect(result.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    }
  });

  it('gives nothing to a value of 0', () => {
    expect(largestRemainder([0, 1, 2], 100)).toEqual([0, 33, 67]);
  });

  it('is the same for the same values, in whatever order they were computed', () => {
    const a = largestRemainder([0.1 + 0.2, 0.3, 0.3], 100);
    const b = largestRemainder([0.3, 0.3, 0.1 + 0.2], 100);
    expect(a).toEqual([34, 33, 33]);
    expect(b).toEqual([34, 33, 33]);
  });

  it('refuses what it cannot divide', () => {
    expect(() => largestRemainder([0, 0], 100)).toThrow(RangeError);
    expect(() => largestRemainder([-1, 2], 100)).toThrow(RangeError);
  });
});
