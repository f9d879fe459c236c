import type { VersionAttribution } from '../../shared/api/versions';
import type { AttributionTotalRow } from '../storage/rows';

/** One party's totals, as versions keep them. */
export type PartyTotal = VersionAttribution;

/** Folds daily per-user rows into one total per party ('' = members without a party). */
export function partyTotals(rows: AttributionTotalRow[]): PartyTotal[] {
  const byParty = new Map<string, PartyTotal>();
  for (const row of rows) {
    const total = byParty.get(row.party_id) ?? { partyId: row.party_id, charsInserted: 0, charsDeleted: 0, blocksInserted: 0, updates: 0 };
    total.charsInserted += row.chars_inserted;
    total.charsDeleted += row.chars_deleted;
    total.blocksInserted += row.blocks_inserted;
    total.updates += row.updates;
    byParty.set(row.party_id, total);
  }
  return [...byParty.values()];
}
