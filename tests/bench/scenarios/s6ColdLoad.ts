/**
 * S6 cold load: a stored document that is not in memory, and one client opening it. The time
 * from creating the socket to the first sync step 2 covers upgrade, authorisation, loading
 * from storage and encoding the state. Variants: small (~160 KB snapshot), log (the same
 * document as ~260k separate stored updates, where the server has such a log) and large
 * (~16 MB). Each sample restarts the server on its seeded storage, first warms its code paths
 * on another document, then opens the seeded one; the server's worst loop delay during the
 * load is recorded too. Joined means step 2 received *and* about the stored size received: a
 * server may answer before its storage has loaded and send the content afterwards.
 * Only servers with storage take part (A1, B1, ours).
 */
import type { BenchConfig } from '../config';
import { largeFixture, typedFixture, type FixtureFiles } from '../fixtures/documents';
import type { ClientSpec } from '../generator/protocol';
import { num, type ResultRow } from '../report/results';
import type { ServerDef } from '../servers/catalog';
import { windowStats } from '../servers/serverProcess';
import { LatencyHistogram, summarize } from '../stats/histogram';
import { failedRow, log, withGenerator, withServer } from './loadPoint';
import { seedDocuments } from './seeding';

const thin: ClientSpec = { doc: 0, kind: 'thin', writer: false, awareness: false };

async function coldLoad(config: BenchConfig, def: ServerDef, fixture: FixtureFiles): Promise<ResultRow> {
  const asLog = fixture.name === 'log';
  log(`S6 ${fixture.name} on ${def.id}`);
  return withServer(def, (server) =>
    withGenerator(async (gen) => {
      const docs = await server.documents(2);
      const [name, warmName] = docs.names as [string, string];
      const joins = new LatencyHistogram();
      let loopMax = 0;
      const problems: string[] = [];
      // The log is folded into a snapshot by the first load (ours and y-leveldb both compact),
      // so every log sample is seeded again; a snapshot is seeded once.
      // The warm-up document holds the same state: loading it first warms the server's code
      // (sockets, auth, Yjs decoding), so the sample measures a cold document, not a cold process.
      const samples = asLog ? 1 : config.s6.samples;
      // A little under the stored size: servers re-encode the state and may trim it slightly.
      const expectBytes = Math.floor(fixture.stateBytes * 0.9);
      for (let s = 0; s < samples; s++) {
        if (s === 0 || asLog) {
          await seedDocuments(server, gen, [
            { name, target: docs.targets[0]!, fixture, asLog },
            { name: warmName, target: docs.targets[1]!, fixture },
          ]);
        } else await server.restart();
        const warm = await gen.call('connect', { docs: [server.target(warmName)], clients: [thin], concurrency: 1, timeoutMs: 120_000, expectBytes }, 180_000);
        if (warm.failed > 0) problems.push(`warm-up join failed: ${warm.errors.join('; ')}`);
        const from = await server.process.mark();
        const result = await gen.call('connect', { docs: [server.target(name)], clients: [thin], concurrency: 1, timeoutMs: 120_000, expectBytes }, 180_000);
        const to = await server.process.mark();
        if (result.failed > 0) problems.push(`join failed: ${result.errors.join('; ')}`);
        joins.merge(result.join);
        loopMax = Math.max(loopMax, windowStats(server.process, from, to).loopDelayMaxMs);
        await gen.call('closeAll', {});
      }
      const summary = summarize(joins);
      return {
        scenario: 'S6',
        server: def.id,
        variant: fixture.name,
        n: 1,
        p50_ms: num(summary.p50_ms),
        p99_ms: num(summary.p99_ms),
        p999_ms: num(summary.p999_ms),
        max_ms: num(summary.max_ms),
        delivered_per_s: null,
        inbound_per_s: null,
        cpu_pct: null,
        cpu_ms_per_1k_delivered: null,
        rss_mb: null,
        drops: null,
        valid: problems.length === 0,
        ...(problems.length > 0 ? { invalid_reason: problems.join('; ') } : {}),
        extra: {
          samples: summary.count,
          state_bytes: fixture.stateBytes,
          log_rows: asLog ? fixture.logRows : 0,
          server_loop_delay_max_ms: num(loopMax, 1),
        },
      } satisfies ResultRow;
    }),
  );
}

/** Runs S6 for each configured variant against each server with storage. */
export async function runS6(config: BenchConfig, servers: ServerDef[]): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const stored = servers.filter((d) => d.storage !== 'none');
  const typed = config.s6.variants.some((v) => v !== 'large') ? typedFixture(config.fixtures.keystrokes) : null;
  for (const variant of config.s6.variants) {
    const fixture = variant === 'large' ? largeFixture(config.fixtures.largeBytes) : typed![variant];
    // Hocuspocus keeps one merged state per document: it has no log to load.
    const eligible = variant === 'log' ? stored.filter((d) => d.storage !== 'hocuspocus-sqlite') : stored;
    for (const def of eligible) {
      try {
        rows.push(await coldLoad(config, def, fixture));
      } catch (error) {
        log(`  failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        rows.push(failedRow('S6', variant, 1, def, error));
      }
    }
  }
  return rows;
}
