/**
 * S5 idle presence: N = 500 clients with a presence in one document, nobody typing, for
 * 120 s. What remains is the cost of keeping presence alive: every client renews its state
 * every 15 s (y-protocols), which a server that relays everything turns into N^2 frames.
 */
import type { BenchConfig } from '../config';
import type { ResultRow } from '../report/results';
import type { ServerDef } from '../servers/catalog';
import { runLoadPoint } from './loadPoint';

/** Runs S5 against each server. */
export async function runS5(config: BenchConfig, servers: ServerDef[]): Promise<ResultRow[]> {
  const { n, idleMs } = config.s5;
  const rows: ResultRow[] = [];
  for (const def of servers) {
    rows.push(
      await runLoadPoint(def, {
        scenario: 'S5',
        variant: `idle ${Math.round(idleMs / 1000)} s`,
        n,
        clients: { docs: 1, perDoc: n, fullPerDoc: config.fullClients, fullDocs: 1, writersPerDoc: 0, awareness: true },
        // No writers: the schedule is empty and only renewals and keepalives flow.
        load: { ratePerWriter: 1, text: false, awareness: false, charsMin: 1, charsMax: 1, jitter: 0 },
        timing: { warmupMs: config.timing.warmupMs, measureMs: idleMs, drainMs: 500 },
        deliveries: 'frames',
      }),
    );
  }
  return rows;
}
