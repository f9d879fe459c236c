/**
 * S9 persistence: the S1 point at N = 50 (and, in the full run, the S3 ceiling) against the
 * persistent variants. After the measured window the writers start again and the server is
 * killed with SIGKILL mid-stream; then its storage is read back, and every beacon that some
 * receiver had seen (so the server had relayed it) but that is not in the stored document
 * counts as lost.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchConfig } from '../config';
import type { ResultRow } from '../report/results';
import type { ServerDef } from '../servers/catalog';
import { storedBeacons } from '../servers/storageOps';
import { runLoadPoint } from './loadPoint';
import { runCeiling } from './s3Ceiling';
import { s1Spec } from './s1FanOut';

/** Runs S9 (and, in a full run, the ceiling) against each persistent server. */
export async function runS9(config: BenchConfig, servers: ServerDef[]): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const def of servers) {
    const spec = s1Spec(config, config.s9.n);
    rows.push(
      await runLoadPoint(def, {
        ...spec,
        scenario: 'S9',
        variant: `S1 ${spec.variant}`,
        after: async (server, gen, docs): Promise<{ extra: Record<string, number>; problems: string[] }> => {
          if (server.def.storage === 'none') return { extra: {}, problems: [] };
          const killPhaseMs = config.s9.killPhaseMs;
          await gen.call('startLoad', { ...spec.load, maxDurationMs: killPhaseMs + 10_000 });
          await sleep(killPhaseMs);
          await server.kill9();
          await gen.call('endMeasure', {});
          await gen.call('report', { drainMs: 0 });
          const { keys } = await gen.call('delivered', {});
          const stored = await storedBeacons(server, docs.names[0]!);
          const lost = keys.filter((k) => !stored.keys.has(k)).length;
          return {
            extra: { delivered_beacons: keys.length, stored_beacons: stored.keys.size, lost_after_kill9: lost },
            problems: [],
          };
        },
      }),
    );
  }
  if (config.s9.withCeiling) {
    for (const def of servers) rows.push(...(await runCeiling(config, def, 'S9')));
  }
  return rows;
}
