/**
 * S4 cursor storm: N = 100 in one document, awareness only, 10 updates/s each. Latency is the
 * awareness beacon's; awareness is last-writer-wins, so skipped intermediate states are not
 * drops. Full clients use the stock providers, which re-send every awareness change they hear.
 */
import type { BenchConfig } from '../config';
import type { ResultRow } from '../report/results';
import type { ServerDef } from '../servers/catalog';
import { runLoadPoint } from './loadPoint';

/** Runs S4 against each server. */
export async function runS4(config: BenchConfig, servers: ServerDef[]): Promise<ResultRow[]> {
  const { n, hz } = config.s4;
  const rows: ResultRow[] = [];
  for (const def of servers) {
    rows.push(
      await runLoadPoint(def, {
        scenario: 'S4',
        variant: `${hz} Hz`,
        n,
        clients: { docs: 1, perDoc: n, fullPerDoc: config.fullClients, fullDocs: 1, writersPerDoc: n, awareness: true },
        load: { ratePerWriter: hz, text: false, awareness: true, charsMin: 1, charsMax: 1, jitter: 0.25 },
        timing: config.timing,
        deliveries: 'awareness',
      }),
    );
  }
  return rows;
}
