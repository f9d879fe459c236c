/**
 * Who wrote what, up to the last stored update, without writing anything: the summaries in
 * attribution_daily and document_clients, plus the log rows not yet summarised, counted the
 * way AttributionRecorder.summarise will count them. Reading a page must not change the data.
 */
import type { Repos } from '../storage/ports';
import type { AttributionTotalRow, DocumentClientRow, PendingUpdateRow } from '../storage/rows';
import { countUpdate } from './countUpdate';

function countSafely(row: PendingUpdateRow) {
  try {
    return countUpdate(row.update_bytes);
  } catch {
    return { counts: { charsInserted: 0, charsDeleted: 0, blocksInserted: 0 }, clientIds: [] };
  }
}

export async function liveAttribution(repos: Repos, documentId: string): Promise<{ totals: AttributionTotalRow[]; clients: DocumentClientRow[] }> {
  const { totals, clients, pending } = await repos.attribution.live(documentId);
  const byKey = new Map(totals.map((row) => [`${row.user_id}\u0000${row.party_id}\u0000${row.day}`, { ...row }]));
  const knownClients = new Set(clients.map((row) => row.client_id));
  const allClients = [...clients];
  for (const row of pending) {
    if (!row.user_id) continue; // the server's own changes are nobody's writing
    const { counts, clientIds } = countSafely(row);
    const partyId = row.party_id ?? '';
    const day = new Date(row.created_at).toISOString().slice(0, 10);
    const key = `${row.user_id}\u0000${partyId}\u0000${day}`;
    const total = byKey.get(key) ?? { user_id: row.user_id, party_id: partyId, day, chars_inserted: 0, chars_deleted: 0, blocks_inserted: 0, updates: 0 };
    total.chars_inserted += counts.charsInserted;
    total.chars_deleted += counts.charsDeleted;
    total.blocks_inserted += counts.blocksInserted;
    total.updates += 1;
    byKey.set(key, total);
    // The first writer of a client id keeps it, as in document_clients.
    for (const clientId of clientIds) {
      if (knownClients.has(clientId)) continue;
      knownClients.add(clientId);
      allClients.push({ client_id: clientId, user_id: row.user_id, party_id: row.party_id });
    }
  }
  return { totals: [...byKey.values()].sort((a, b) => a.day.localeCompare(b.day)), clients: allClients };
}
