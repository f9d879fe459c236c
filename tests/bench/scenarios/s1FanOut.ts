/**
 * S1 fan-out: one document, N clients, each typing 1-3 characters at 2 edits/s with a cursor
 * awareness update per edit. The headline curve: latency, deliveries, server CPU, loop delay
 * and RSS as N grows. The null relay runs the same points as the floor.
 */
import type { BenchConfig } from '../config';
import type { ResultRow } from '../report/results';
import type { ServerDef } from '../servers/catalog';
import { runLoadPoint, type LoadPointSpec } from './loadPoint';

/** The S1 point at `n` clients and `rate` edits/s per client (also used by S9 and S10). */
export function s1Spec(config: BenchConfig, n: number, rate = 2, variant = `${rate}/s`): LoadPointSpec {
  return {
    scenario: 'S1',
    variant,
    n,
    clients: { docs: 1, perDoc: n, fullPerDoc: Math.min(n, config.fullClients), fullDocs: 1, writersPerDoc: n, awareness: true },
    load: { ratePerWriter: rate, text: true, awareness: true, charsMin: 1, charsMax: 3, jitter: 0.25 },
    timing: config.timing,
    deliveries: 'doc',
  };
}

/** Runs S1 over the configured N for each server, then the 1 edit/s stretch point. */
export async function runS1(config: BenchConfig, servers: ServerDef[]): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const n of config.s1.ns) {
    for (const def of servers) rows.push(await runLoadPoint(def, s1Spec(config, n)));
  }
  // The stretch target: N=500 at 1 edit/s.
  if (config.s1.stretchN) {
    for (const def of servers) rows.push(await runLoadPoint(def, s1Spec(config, config.s1.stretchN, 1)));
  }
  return rows;
}
