/**
 * S8 churn and memory. After a short warm-up churn (so the baseline is a server that has done
 * the work once, not a cold one), the steps are, each read by the probe after a forced full GC:
 * 1. 1,000 idle connections on one document: KB per idle connection.
 * 2. 1,000 documents open with one connection and a little text each: KB per loaded document,
 *    net of its connection.
 * 3. Open, edit and close 10,000 small documents, settle: RSS back to the baseline or not.
 * Per-connection and per-document figures use the JS heap plus external memory, which a GC
 * makes exact; RSS deltas (which include allocator slack and kernel buffers) are reported too.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchConfig } from '../config';
import type { GeneratorHandle } from '../generator/handle';
import type { ClientSpec, DocTarget } from '../generator/protocol';
import type { ProbeMark } from '../probe/probe';
import { num, type ResultRow } from '../report/results';
import type { BenchServer, ServerDef } from '../servers/catalog';
import { failedRow, log, withGenerator, withServer } from './loadPoint';

const MB = 1024 * 1024;
/** Time for servers that unload documents lazily (debounced stores) to let go. */
const SETTLE_MS = 3000;
const WARMUP_DOCS = 200;

const heap = (m: ProbeMark) => m.heapUsedBytes + m.externalBytes;

async function settledMark(server: BenchServer): Promise<ProbeMark> {
  await sleep(SETTLE_MS);
  return server.process.mark(true);
}

async function churn(gen: GeneratorHandle, docs: DocTarget[]) {
  return gen.call('churn', { docs, concurrency: 32, chars: 200, timeoutMs: 30_000 }, 30 * 60_000);
}

/** Runs S8 against each server. */
export async function runS8(config: BenchConfig, servers: ServerDef[]): Promise<ResultRow[]> {
  const { churnDocs, idleConnections, loadedDocs } = config.s8;
  const rows: ResultRow[] = [];
  for (const def of servers) {
    log(`S8 churn on ${def.id}`);
    try {
      rows.push(
        await withServer(def, (server) =>
          withGenerator(async (gen) => {
            const warm = await server.documents(WARMUP_DOCS);
            const idle = await server.documents(1);
            const loaded = await server.documents(loadedDocs);
            const churned = await server.documents(churnDocs);
            const problems: string[] = [];

            const warmed = await churn(gen, warm.targets);
            if (warmed.failed > 0) problems.push(`${warmed.failed} warm-up cycles failed (${warmed.errors.join('; ')})`);
            const baseline = await settledMark(server);

            const idleClients: ClientSpec[] = Array.from({ length: idleConnections }, () => ({ doc: 0, kind: 'thin', writer: false, awareness: false }));
            const idleJoin = await gen.call('connect', { docs: idle.targets, clients: idleClients, concurrency: 64, timeoutMs: 60_000 }, 300_000);
            const withIdle = await settledMark(server);
            await gen.call('closeAll', {});
            const beforeLoaded = await settledMark(server);

            const loadedClients: ClientSpec[] = loaded.targets.map((_, doc) => ({ doc, kind: 'thin', writer: false, awareness: false }));
            const loadedJoin = await gen.call('connect', { docs: loaded.targets, clients: loadedClients, concurrency: 64, timeoutMs: 60_000, typeOnJoin: 200 }, 300_000);
            const withLoaded = await settledMark(server);
            await gen.call('closeAll', {});
            const beforeChurn = await settledMark(server);

            const result = await churn(gen, churned.targets);
            const afterChurn = await settledMark(server);

            const perIdle = (heap(withIdle) - heap(baseline)) / 1024 / Math.max(1, idleJoin.synced);
            const perIdleRss = (withIdle.rssBytes - baseline.rssBytes) / 1024 / Math.max(1, idleJoin.synced);
            const perLoaded = (heap(withLoaded) - heap(beforeLoaded)) / 1024 / Math.max(1, loadedJoin.synced) - perIdle;
            const perLoadedRss = (withLoaded.rssBytes - beforeLoaded.rssBytes) / 1024 / Math.max(1, loadedJoin.synced) - perIdleRss;
            if (result.failed > 0) problems.push(`${result.failed} churn cycles failed (${result.errors.join('; ')})`);
            if (idleJoin.failed > 0) problems.push(`${idleJoin.failed} idle connections failed (${idleJoin.errors.join('; ')})`);
            if (loadedJoin.failed > 0) problems.push(`${loadedJoin.failed} loaded documents failed (${loadedJoin.errors.join('; ')})`);
            return {
              scenario: 'S8',
              server: def.id,
              variant: `churn ${churnDocs}`,
              n: churnDocs,
              p50_ms: null,
              p99_ms: null,
              p999_ms: null,
              max_ms: null,
              delivered_per_s: null,
              inbound_per_s: num(result.done / (result.elapsedMs / 1000), 1),
              cpu_pct: null,
              cpu_ms_per_1k_delivered: null,
              rss_mb: num(afterChurn.rssBytes / MB, 1),
              drops: null,
              valid: problems.length === 0,
              ...(problems.length > 0 ? { invalid_reason: problems.join('; ') } : {}),
              extra: {
                baseline_rss_mb: num(baseline.rssBytes / MB, 1),
                before_churn_rss_mb: num(beforeChurn.rssBytes / MB, 1),
                after_churn_rss_mb: num(afterChurn.rssBytes / MB, 1),
                churn_rss_delta_mb: num((afterChurn.rssBytes - baseline.rssBytes) / MB, 1),
                churn_heap_delta_mb: num((heap(afterChurn) - heap(baseline)) / MB, 2),
                kb_per_idle_connection: num(perIdle, 1),
                kb_per_idle_connection_rss: num(perIdleRss, 1),
                kb_per_loaded_document: num(perLoaded, 1),
                kb_per_loaded_document_rss: num(perLoadedRss, 1),
                churn_seconds: num(result.elapsedMs / 1000, 1),
              },
            } satisfies ResultRow;
          }),
        ),
      );
    } catch (error) {
      log(`  failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      rows.push(failedRow('S8', 'churn', churnDocs, def, error));
    }
  }
  return rows;
}
