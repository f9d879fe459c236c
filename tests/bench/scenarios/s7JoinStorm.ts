/**
 * S7 join storm: the ~16 MB document is open with 10 editors typing (2 edits/s with cursors)
 * when 50 more clients join within one second. Figures: the joiners' time to first sync, and
 * the editors' latency during the storm (the measured window starts with the storm).
 */
import type { BenchConfig } from '../config';
import { largeFixture } from '../fixtures/documents';
import { num, type ResultRow } from '../report/results';
import type { ServerDef } from '../servers/catalog';
import { LatencyHistogram, summarize } from '../stats/histogram';
import type { ConnectResult } from '../generator/protocol';
import { connectClients, failedRow, log, measureLoad, planClients, toRow, withGenerator, withServer } from './loadPoint';
import { seedDocument } from './seeding';

/** Runs S7 against each server. */
export async function runS7(config: BenchConfig, servers: ServerDef[]): Promise<ResultRow[]> {
  const fixture = largeFixture(config.fixtures.largeBytes);
  const { editors, joiners, spreadMs } = config.s7;
  const rows: ResultRow[] = [];
  for (const def of servers) {
    log(`S7 join storm on ${def.id}`);
    try {
      rows.push(
        await withServer(def, (server) =>
          withGenerator(async (gen) => {
            const docs = await server.documents(1);
            await seedDocument(server, gen, docs.names[0]!, docs.targets[0]!, fixture);
            const target = server.target(docs.names[0]!);
            const clients = planClients({ docs: 1, perDoc: editors, fullPerDoc: 2, fullDocs: 1, writersPerDoc: editors, awareness: true });
            const connect = await connectClients(gen, [target], clients, 120_000);
            let storm: ConnectResult | null = null;
            const measured = await measureLoad(
              server,
              gen,
              { ratePerWriter: 2, text: true, awareness: true, charsMin: 1, charsMax: 3, jitter: 0.25 },
              { warmupMs: config.timing.warmupMs, measureMs: Math.max(config.timing.measureMs, spreadMs + 8000), drainMs: config.timing.drainMs },
              async () => {
                const joining = Array.from({ length: joiners }, () => ({ doc: 0, kind: 'thin' as const, writer: false, awareness: true }));
                storm = await gen.call('connect', { docs: [target], clients: joining, concurrency: joiners, spreadMs, timeoutMs: 60_000 }, 120_000);
              },
            );
            const convergence = await gen.call('converge', { timeoutMs: 60_000 }, 120_000);
            const joined = storm as ConnectResult | null;
            const join = summarize(joined ? LatencyHistogram.from(joined.join) : new LatencyHistogram());
            const problems = joined && joined.failed > 0 ? [`${joined.failed} joiners failed (${joined.errors.join('; ')})`] : [];
            return toRow({
              scenario: 'S7',
              variant: `${joiners} join in ${spreadMs / 1000} s`,
              n: editors + joiners,
              def,
              measured,
              connect,
              convergence,
              deliveries: 'doc',
              problems,
              extra: {
                join_storm_p50_ms: num(join.p50_ms),
                join_storm_p99_ms: num(join.p99_ms),
                join_storm_max_ms: num(join.max_ms),
                state_bytes: fixture.stateBytes,
              },
            });
          }),
        ),
      );
    } catch (error) {
      log(`  failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      rows.push(failedRow('S7', 'join storm', editors + joiners, def, error));
    }
  }
  return rows;
}
