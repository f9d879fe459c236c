/**
 * S3 ceiling: one document, 20 readers and 4 writers; the inbound rate steps up
 * (1k -> 2k -> 5k -> 10k -> 20k updates/s) on the same connections. A step is sustained when
 * p99 <= 50 ms, nothing was dropped and nothing was still owed when the drain ended (no
 * growing backlog). The ceiling is the highest sustained step; stepping stops at the first
 * step that fails. A late full client then joins and must hold every beacon sent.
 */
import type { BenchConfig } from '../config';
import { num, type ResultRow } from '../report/results';
import type { ServerDef } from '../servers/catalog';
import { connectClients, failedRow, log, measureLoad, planClients, toRow, withGenerator, withServer } from './loadPoint';

const MAX_P99_MS = 50;
/**
 * Ours limits messages per connection (500/s by default) against floods; a ceiling writer sends
 * up to 5k/s on purpose, so the limit is lifted here (MESSAGE_RATE_LIMIT=0, recorded per row).
 */
const CEILING_ENV = { MESSAGE_RATE_LIMIT: '0' };

/** Steps the inbound rate on one server; a row per step plus a summary row. */
export async function runCeiling(config: BenchConfig, def: ServerDef, scenario: 'S3' | 'S9'): Promise<ResultRow[]> {
  const { readers, writers, steps, stepMs } = config.s3;
  const n = readers + writers;
  log(`${scenario} ceiling on ${def.id}`);
  try {
    return await withServer(def, (server) =>
      withGenerator(async (gen) => {
        const docs = await server.documents(1);
        const clients = planClients({ docs: 1, perDoc: n, fullPerDoc: 0, fullDocs: 0, writersPerDoc: writers, awareness: true });
        const connect = await connectClients(gen, docs.targets, clients);
        const rows: ResultRow[] = [];
        let ceiling = 0;
        for (const total of steps) {
          const measured = await measureLoad(
            server,
            gen,
            { ratePerWriter: total / writers, text: true, awareness: false, charsMin: 1, charsMax: 3, jitter: 0.25 },
            { warmupMs: 1000, measureMs: stepMs, drainMs: 3000 },
          );
          const row = toRow({ scenario, variant: `ceiling ${total}/s`, n, def, measured, connect, convergence: null, deliveries: 'doc' });
          const backlog = measured.report.drops;
          const sustained = row.valid && row.p99_ms !== null && row.p99_ms <= MAX_P99_MS && backlog === 0;
          row.extra = { ...row.extra, step_per_s: total, sustained, ...(def.family === 'C' ? { message_rate_limit: 'off' } : {}) };
          rows.push(row);
          log(`  ${total}/s: p99 ${row.p99_ms} ms, ${sustained ? 'sustained' : `not sustained (${row.invalid_reason ?? 'p99 or backlog'})`}`);
          if (!sustained) break;
          ceiling = total;
        }
        // Content check: a late full client must hold every beacon the writers sent (a relay
        // holds no document, so the floor has nothing to check).
        let missing = 0;
        let contentOk = true;
        if (def.family !== 'floor') {
          const late = { doc: 0, kind: 'full' as const, writer: false, awareness: false };
          await gen.call('connect', { docs: docs.targets, clients: [late], concurrency: 1, timeoutMs: 60_000 }, 90_000);
          const convergence = await gen.call('converge', { timeoutMs: 20_000 }, 60_000);
          missing = convergence.docs.reduce((sum, d) => sum + d.missingBeacons, 0);
          contentOk = convergence.ok;
        }
        // The summary row carries the figures of the highest sustained step.
        const sustained = [...rows].reverse().find((r) => r.extra?.sustained === true);
        const none = { p50_ms: null, p99_ms: null, p999_ms: null, max_ms: null, delivered_per_s: null, cpu_pct: null, cpu_ms_per_1k_delivered: null };
        rows.push({
          ...(sustained ?? { ...rows[0]!, ...none }),
          variant: 'ceiling',
          inbound_per_s: ceiling,
          valid: contentOk,
          ...(contentOk ? { invalid_reason: undefined } : { invalid_reason: `late joiner misses ${missing} beacons` }),
          extra: { ceiling_per_s: ceiling, steps_run: rows.length, late_joiner_missing: missing, max_p99_ms: num(MAX_P99_MS) },
        });
        return rows;
      }),
      def.family === 'C' ? CEILING_ENV : {},
    );
  } catch (error) {
    log(`  failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return [failedRow(scenario, 'ceiling', n, def, error)];
  }
}

/** Runs S3 against each server. */
export async function runS3(config: BenchConfig, servers: ServerDef[]): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const def of servers) rows.push(...(await runCeiling(config, def, 'S3')));
  return rows;
}
