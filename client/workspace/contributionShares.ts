/** Shares of the contributions per party, and which party (if any) dominates. */
import type { WorkspaceContribution } from '../../shared/api/registers';

export interface ContributionShare {
  row: WorkspaceContribution;
  /** Blocks proposed + actions owned + commitments made. */
  total: number;
  /** Whole percent of all parties' totals. */
  share: number;
}

/** A party with more than this share of all contributions, while others take part, dominates. */
export const dominanceThreshold = 50;

export function contributionShares(rows: readonly WorkspaceContribution[]): ContributionShare[] {
  const totals = rows.map((row) => ({ row, total: row.blocksProposed + row.actionsOwned + row.commitmentsMade }));
  const sum = totals.reduce((n, t) => n + t.total, 0);
  return totals
    .map(({ row, total }) => ({ row, total, share: sum === 0 ? 0 : Math.round((total / sum) * 100) }))
    .sort((a, b) => b.total - a.total);
}

export function dominantParty(shares: readonly ContributionShare[]): ContributionShare | null {
  if (shares.length < 2) return null;
  const top = shares[0];
  return top && top.share > dominanceThreshold ? top : null;
}
