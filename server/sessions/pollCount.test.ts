import { describe, expect, it } from 'vitest';
import { countPoll, type CountedBallot } from './pollCount';

const options = [
  { id: 'a', label: 'Kwaliteit', blockId: 'k1' },
  { id: 'b', label: 'Prijs', blockId: 'k2' },
];
const points = (partyId: string | null, a: number, b: number): CountedBallot => ({ partyId, reason: null, allocations: [{ optionId: 'a', value: a }, { optionId: 'b', value: b }] });

describe('countPoll', () => {
  it('weighs a party of three the same as a party of one; parties in the order of their ids', () => {
    const ballots = [points('klein', 0, 100), points('groot', 100, 0), points('groot', 100, 0), points('groot', 100, 0)];
    const count = countPoll('points', options, ballots, true);
    expect(count.ballots).toBe(4);
    expect(count.parties).toBe(2);
    expect(count.options.map((o) => o.perPerson)).toEqual([300, 100]);
    expect(count.options.map((o) => o.perPersonShare)).toEqual([75, 25]);
    expect(count.options.map((o) => o.partyEqual)).toEqual([100, 100]);
    expect(count.options.map((o) => o.partyEqualShare)).toEqual([50, 50]);
    expect(count.byParty).toEqual([
      { partyId: 'groot', ballots: 3, perOption: [{ optionId: 'a', value: 100, stances: null }, { optionId: 'b', value: 0, stances: null }] },
      { partyId: 'klein', ballots: 1, perOption: [{ optionId: 'a', value: 0, stances: null }, { optionId: 'b', value: 100, stances: null }] },
    ]);
  });

  it('averages within a party: a split party gives half to each', () => {
    const count = countPoll('points', options, [points('p', 100, 0), points('p', 0, 100), points('q', 30, 70)], true);
    expect(count.options.map((o) => o.partyEqual)).toEqual([80, 120]);
  });

  it('counts people without a party as one group, after the parties', () => {
    const count = countPoll('points', options, [points(null, 10, 90), points('p', 50, 50), points(null, 30, 70)], true);
    expect(count.byParty.map((p) => [p.partyId, p.ballots])).toEqual([
      ['p', 1],
      [null, 2],
    ]);
    expect(count.options.map((o) => o.partyEqual)).toEqual([70, 130]);
  });

  it('counts consent stances per person and per party, each party adding up to 1', () => {
    const one = [{ id: 'a', label: 'Voorstel', blockId: null }];
    const stance = (partyId: string, value: 'consent' | 'discuss' | 'object', reason: string | null = null): CountedBallot => ({ partyId, reason, allocations: [{ optionId: 'a', value }] });
    const ballots = [stance('groot', 'consent'), stance('groot', 'consent'), stance('groot', 'object', 'Te duur'), stance('klein', 'discuss')];
    const count = countPoll('consent', one, ballots, true);
    expect(count.options[0]!.stances).toEqual({ consent: 2, discuss: 1, object: 1 });
    const equal = count.options[0]!.stancesPartyEqual!;
    expect(equal.consent).toBeCloseTo(2 / 3);
    expect(equal.object).toBeCloseTo(1 / 3);
    expect(equal.discuss).toBe(1);
    expect(count.byParty.map((p) => p.perOption[0]!.stances)).toEqual([
      { consent: 2, discuss: 0, object: 1 },
      { consent: 0, discuss: 1, object: 0 },
    ]);
    expect(count.reasons).toEqual([{ partyId: 'groot', reason: 'Te duur' }]);
    expect(countPoll('consent', one, ballots, false).reasons).toEqual([{ partyId: null, reason: 'Te duur' }]);
  });

  it('gives shares of 0 when nothing was cast', () => {
    const count = countPoll('dots', options, [], true);
    expect(count.options.map((o) => [o.perPerson, o.perPersonShare, o.partyEqualShare])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});
