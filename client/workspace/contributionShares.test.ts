import { describe, expect, it } from 'vitest';
import type { WorkspaceContribution } from '../../shared/api/registers';
import { contributionShares, dominantParty } from './contributionShares';

const row = (partyId: string, blocksProposed: number, actionsOwned = 0, commitmentsMade = 0): WorkspaceContribution => ({
  partyId,
  partyName: partyId,
  color: '#1f6feb',
  blocksProposed,
  actionsOwned,
  commitmentsMade,
  commitmentsConfirmed: 0,
  comments: 0,
});

describe('contributionShares', () => {
  it('adds up proposals, owned actions and commitments, largest first', () => {
    const shares = contributionShares([row('a', 1, 1), row('b', 4, 2, 2)]);
    expect(shares.map((s) => [s.row.partyId, s.total, s.share])).toEqual([
      ['b', 8, 80],
      ['a', 2, 20],
    ]);
  });

  it('names a party with more than half of everything, but not a lone party or a balanced table', () => {
    expect(dominantParty(contributionShares([row('a', 1), row('b', 8)]))?.row.partyId).toBe('b');
    expect(dominantParty(contributionShares([row('a', 5), row('b', 5)]))).toBeNull();
    expect(dominantParty(contributionShares([row('a', 5)]))).toBeNull();
    expect(dominantParty(contributionShares([row('a', 0), row('b', 0)]))).toBeNull();
  });
});
