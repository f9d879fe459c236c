/**
 * S2 many rooms: 500 documents with 3 clients each, one writer per document at 0.7 edits/s.
 * Measures what per-room overhead costs: p99 and RSS. The first document's clients are full
 * clients (the convergence check); the rest are thin.
 */
import type { BenchConfig } from '../config';
import type { ResultRow } from '../report/results';
import type { ServerDef } from '../servers/catalog';
import { runLoadPoint } from './loadPoint';

/** Runs S2 against each server. */
export async function runS2(config: BenchConfig, servers: ServerDef[]): Promise<ResultRow[]> {
  const { docs, clientsPerDoc, rate } = config.s2;
  const rows: ResultRow[] = [];
  for (const def of servers) {
    rows.push(
      await runLoadPoint(def, {
        scenario: 'S2',
        variant: `${docs}x${clientsPerDoc}`,
        n: docs * clientsPerDoc,
        clients: { docs, perDoc: clientsPerDoc, fullPerDoc: clientsPerDoc, fullDocs: 1, writersPerDoc: 1, awareness: true },
        load: { ratePerWriter: rate, text: true, awareness: false, charsMin: 1, charsMax: 3, jitter: 0.25 },
        timing: config.timing,
        deliveries: 'doc',
      }),
    );
  }
  return rows;
}
