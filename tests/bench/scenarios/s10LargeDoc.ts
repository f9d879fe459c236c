/**
 * S10 large-document editing: the S1 load at N = 20 on the ~16 MB document for 120 s.
 * The figure is stalls: seconds in which the server's event loop was blocked > 50 ms, and
 * deliveries later than 50 ms.
 */
import type { BenchConfig } from '../config';
import { largeFixture } from '../fixtures/documents';
import type { ResultRow } from '../report/results';
import type { ServerDef } from '../servers/catalog';
import { runLoadPoint } from './loadPoint';
import { s1Spec } from './s1FanOut';
import { seedDocument } from './seeding';

/** Runs S10 against each server. */
export async function runS10(config: BenchConfig, servers: ServerDef[]): Promise<ResultRow[]> {
  const fixture = largeFixture(config.fixtures.largeBytes);
  const rows: ResultRow[] = [];
  for (const def of servers) {
    const spec = s1Spec(config, config.s10.n);
    rows.push(
      await runLoadPoint(def, {
        ...spec,
        scenario: 'S10',
        variant: `${(fixture.stateBytes / 1e6).toFixed(1)} MB`,
        timing: { ...config.timing, measureMs: config.s10.durationMs },
        prepare: async (server, gen, docs) => {
          await seedDocument(server, gen, docs.names[0]!, docs.targets[0]!, fixture);
          // After a restart the cookie still holds (sessions are stored), but ask for fresh targets.
          return docs.names.map((name) => server.target(name));
        },
        convergenceTimeoutMs: 60_000,
      }),
    );
  }
  return rows;
}
