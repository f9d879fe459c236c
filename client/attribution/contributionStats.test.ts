import { describe, expect, it } from 'vitest';
import type { DocumentContribution } from '../../shared/api/attribution';
import { dominantWriter, largestDay, metricBars, timelineByDay, writingShares } from './contributionStats';

const party = (partyId: string, charsInserted: number, extra: Partial<DocumentContribution> = {}): DocumentContribution => ({
  partyId,
  partyName: partyId,
  color: '#123456',
  charsInserted,
  charsDeleted: 0,
  updates: 1,
  blocksProposed: 0,
  commitmentsMade: 0,
  ...extra,
});

describe('metricBars', () => {
  it('scales every bar to the largest value of that metric', () => {
    const bars = metricBars([party('a', 400), party('b', 100), party('c', 0)], 'charsInserted');
    expect(bars.map((b) => [b.party.partyId, b.value, b.width])).toEqual([
      ['a', 400, 100],
      ['b', 100, 25],
      ['c', 0, 0],
    ]);
  });

  it('gives zero widths when nobody did anything', () => {
    expect(metricBars([party('a', 0)], 'commitmentsMade').map((b) => b.width)).toEqual([0]);
  });
});

describe('dominantWriter', () => {
  it('names a party that wrote far more than its share', () => {
    expect(dominantWriter([party('b', 20), party('a', 80)])).toMatchObject({ party: { partyId: 'a' }, share: 80 });
    expect(dominantWriter([party('a', 55), party('b', 25), party('c', 20)])).toMatchObject({ party: { partyId: 'a' }, share: 55 });
  });

  it('names nobody when the text is shared, or when one party is alone', () => {
    expect(dominantWriter([party('a', 50), party('b', 50)])).toBeNull();
    expect(dominantWriter([party('a', 65), party('b', 35)])).toBeNull();
    expect(dominantWriter([party('a', 50), party('b', 30), party('c', 20)])).toBeNull();
    expect(dominantWriter([party('a', 100)])).toBeNull();
    expect(dominantWriter([party('a', 0), party('b', 0)])).toBeNull();
  });
});

describe('writingShares', () => {
  it('gives each party its share of the text written, largest first', () => {
    expect(writingShares([party('a', 25), party('b', 75), party('c', 0)]).map((s) => [s.party.partyId, s.share])).toEqual([
      ['b', 75],
      ['a', 25],
      ['c', 0],
    ]);
    expect(writingShares([party('a', 0)])).toEqual([]);
  });
});

describe('timelineByDay', () => {
  it('sums per day and party and lists the people, oldest day first', () => {
    const rows = timelineByDay([
      { day: '2026-03-02', partyId: 'a', userId: 'u1', userName: 'Anouk', charsInserted: 10, charsDeleted: 1 },
      { day: '2026-03-01', partyId: 'a', userId: 'u1', userName: 'Anouk', charsInserted: 5, charsDeleted: 0 },
      { day: '2026-03-02', partyId: 'a', userId: 'u3', userName: 'Ahmed', charsInserted: 7, charsDeleted: 2 },
      { day: '2026-03-02', partyId: null, userId: 'u2', userName: 'Bram', charsInserted: 3, charsDeleted: 0 },
    ]);
    expect(rows.map((r) => r.day)).toEqual(['2026-03-01', '2026-03-02']);
    expect(rows[1]!.cells.get('a')).toEqual({ charsInserted: 17, charsDeleted: 3, people: ['Anouk', 'Ahmed'] });
    expect(rows[1]!.cells.get('')).toEqual({ charsInserted: 3, charsDeleted: 0, people: ['Bram'] });
    expect(largestDay(rows)).toBe(17);
  });
});
