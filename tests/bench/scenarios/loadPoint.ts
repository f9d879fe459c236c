/**
 * One measured point: start a server, open the documents and clients, run the open-loop load
 * through warm-up, measurement window and drain, check convergence, and turn it all into a
 * result row. Scenarios S1, S2, S4, S5, S9 and S10 are this with different parameters; the
 * others reuse its pieces.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Timing } from '../config';
import { GeneratorHandle } from '../generator/handle';
import type { ClientSpec, ConnectResult, ConvergenceResult, DocTarget, LoadParams, LoadReport } from '../generator/protocol';
import { gateFailure } from '../generator/selfMonitor';
import type { ProbeMark } from '../probe/probe';
import { num, type ResultRow } from '../report/results';
import { BenchServer, type ServerDef } from '../servers/catalog';
import { readSchedstat, waitPct } from '../schedstat';
import { clusterWindowStats, windowStats, type WindowStats } from '../servers/serverProcess';
import { LatencyHistogram, summarize } from '../stats/histogram';

/** Log line to the console (progress goes to stderr-like info output). */
export function log(message: string): void {
  console.info(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Starts a server, runs `fn`, and always disposes of it. */
export async function withServer<T>(def: ServerDef, fn: (server: BenchServer) => Promise<T>, extraEnv: Record<string, string> = {}): Promise<T> {
  const server = await BenchServer.start(def, extraEnv);
  try {
    return await fn(server);
  } finally {
    await server.dispose();
  }
}

/** Starts a load generator, runs `fn`, and always stops it. */
export async function withGenerator<T>(fn: (gen: GeneratorHandle) => Promise<T>): Promise<T> {
  const gen = GeneratorHandle.start();
  try {
    return await fn(gen);
  } finally {
    await gen.stop();
  }
}

/** How many clients of which kind go into which documents. */
export interface ClientPlan {
  docs: number;
  perDoc: number;
  /** Full clients per document, in the first `fullDocs` documents. */
  fullPerDoc: number;
  fullDocs: number;
  /** The first `writersPerDoc` clients of each document write. */
  writersPerDoc: number;
  awareness: boolean;
}

/** Client specs, full clients first in each document (they write too when writers reach them). */
export function planClients(plan: ClientPlan): ClientSpec[] {
  const specs: ClientSpec[] = [];
  for (let doc = 0; doc < plan.docs; doc++) {
    for (let c = 0; c < plan.perDoc; c++) {
      const full = doc < plan.fullDocs && c < plan.fullPerDoc;
      specs.push({ doc, kind: full ? 'full' : 'thin', writer: c < plan.writersPerDoc, awareness: plan.awareness });
    }
  }
  return specs;
}

/** A finished load run with the server figures of its window. */
export interface Measured {
  report: LoadReport;
  /** Server figures over the window (a cluster's instances summed); null when a probe could not answer. */
  stats: WindowStats | null;
  from: ProbeMark | null;
  to: ProbeMark | null;
  /** % of the window the server was ready to run but another process had its core. */
  serverWaitPct: number | null;
}

/**
 * The probes' marks (one per instance), or null when a server's event loop is blocked for
 * longer than the timeout (a saturated server processing a backlog): the row then has no
 * server figures.
 */
async function tryMarks(server: BenchServer): Promise<ProbeMark[] | null> {
  try {
    return await Promise.all(server.processes.map((p) => p.mark(false, 10_000)));
  } catch {
    return null;
  }
}

/**
 * Runs the load: writers start, warm-up, window (server probe marks at both ends), writers
 * stop, drain. `duringWindow` runs right after the window opens (join storms).
 */
export async function measureLoad(
  server: BenchServer,
  gen: GeneratorHandle,
  load: Omit<LoadParams, 'maxDurationMs'>,
  timing: Timing,
  duringWindow?: () => Promise<void>,
): Promise<Measured> {
  const maxDurationMs = timing.warmupMs + timing.measureMs + 30_000;
  await gen.call('startLoad', { ...load, maxDurationMs });
  await sleep(timing.warmupMs);
  const from = await tryMarks(server);
  const schedFrom = server.processes.map((p) => readSchedstat(p.pid));
  const startedAt = Date.now();
  await gen.call('beginMeasure', {});
  const windowEnds = Date.now() + timing.measureMs;
  if (duringWindow) await duringWindow();
  const left = windowEnds - Date.now();
  if (left > 0) await sleep(left);
  await gen.call('endMeasure', {});
  const to = await tryMarks(server);
  const elapsed = Date.now() - startedAt;
  const waits = server.processes.map((p, i) => waitPct(schedFrom[i]!, readSchedstat(p.pid), elapsed)).filter((w): w is number => w !== null);
  const serverWaitPct = waits.length > 0 ? Math.max(...waits) : null;
  const report = await gen.call('report', { drainMs: timing.drainMs }, timing.drainMs + 60_000);
  const stats = from && to ? clusterWindowStats(server.processes.map((p, i) => windowStats(p, from[i]!, to[i]!))) : null;
  return { report, stats, from: from?.[0] ?? null, to: to?.[0] ?? null, serverWaitPct };
}

/** Connects clients; throws when none synced at all (nothing to measure). */
export async function connectClients(gen: GeneratorHandle, docs: DocTarget[], clients: ClientSpec[], timeoutMs = 30_000): Promise<ConnectResult> {
  const result = await gen.call('connect', { docs, clients, concurrency: 64, timeoutMs }, timeoutMs + clients.length * 50 + 30_000);
  if (result.synced === 0) throw new Error(`no client synced: ${result.errors.join('; ')}`);
  return result;
}

/** What a result row is made from. */
export interface RowInputs {
  scenario: string;
  variant: string;
  n: number;
  def: ServerDef;
  measured: Measured;
  connect: ConnectResult;
  convergence: ConvergenceResult | null;
  /** What counts as "delivered": document beacons, awareness beacons, or every frame. */
  deliveries: 'doc' | 'awareness' | 'frames';
  extra?: Record<string, number | string | boolean | null>;
  /** Additional reasons to mark the row invalid. */
  problems?: string[];
}

/** Validity reasons common to every load row. */
export function problemsOf(inputs: Pick<RowInputs, 'measured' | 'connect' | 'convergence' | 'deliveries'>): string[] {
  const problems: string[] = [];
  const gate = gateFailure(inputs.measured.report.generator);
  if (gate) problems.push(gate);
  if (inputs.connect.failed > 0) problems.push(`${inputs.connect.failed} clients failed to sync (${inputs.connect.errors.join('; ')})`);
  const negotiated = inputs.connect.extensions.filter((e) => e !== '');
  if (negotiated.length > 0) problems.push(`Sec-WebSocket-Extensions negotiated: ${negotiated.join(', ')}`);
  if (inputs.deliveries === 'doc' && inputs.measured.report.drops > 0) problems.push(`${inputs.measured.report.drops} beacons dropped`);
  if (inputs.measured.report.unexpectedCloses > 0) problems.push(`${inputs.measured.report.unexpectedCloses} sockets closed unexpectedly`);
  if (inputs.convergence && !inputs.convergence.ok) {
    const bad = inputs.convergence.docs.filter((d) => !d.equal || d.missingBeacons > 0);
    problems.push(
      `full clients did not converge (${bad.map((d) => `doc ${d.doc}: equal=${d.equal} missing=${d.missingBeacons}`).join('; ') || 'no full clients'})`,
    );
  }
  return problems;
}

/** Turns a measured load run into a result row (figures, validity, extras). */
export function toRow(inputs: RowInputs): ResultRow {
  const { report, stats } = inputs.measured;
  const seconds = report.windowMs / 1000;
  const histogram = LatencyHistogram.from(inputs.deliveries === 'awareness' ? report.awarenessLatency : report.latency);
  const latency = summarize(histogram);
  const delivered =
    inputs.deliveries === 'doc' ? report.deliveredInWindow : inputs.deliveries === 'awareness' ? report.awarenessDeliveredInWindow : report.framesInWindow;
  const deliveredPerS = seconds > 0 ? delivered / seconds : Number.NaN;
  const problems = [...problemsOf(inputs), ...(inputs.problems ?? [])];
  const hasLatency = inputs.deliveries !== 'frames' && latency.count > 0;
  return {
    scenario: inputs.scenario,
    server: inputs.def.id,
    variant: inputs.variant,
    n: inputs.n,
    p50_ms: hasLatency ? num(latency.p50_ms) : null,
    p99_ms: hasLatency ? num(latency.p99_ms) : null,
    p999_ms: hasLatency ? num(latency.p999_ms) : null,
    max_ms: hasLatency ? num(latency.max_ms) : null,
    delivered_per_s: num(deliveredPerS, 1),
    inbound_per_s: num(seconds > 0 ? report.sentInWindow / seconds : Number.NaN, 1),
    cpu_pct: stats ? num(stats.cpuPct, 1) : null,
    cpu_ms_per_1k_delivered: stats && delivered > 0 ? num(stats.cpuMs / (delivered / 1000), 3) : null,
    rss_mb: stats ? num(stats.rssMb, 1) : null,
    drops: inputs.deliveries === 'doc' ? report.drops : null,
    valid: problems.length === 0,
    ...(problems.length > 0 ? { invalid_reason: problems.join('; ') } : {}),
    extra: {
      p90_ms: hasLatency ? num(latency.p90_ms) : null,
      samples: latency.count,
      awareness_p99_ms: num(LatencyHistogram.from(report.awarenessLatency).percentileMs(0.99)),
      frames_per_s: num(seconds > 0 ? report.framesInWindow / seconds : Number.NaN, 1),
      server_loop_delay_p99_ms: stats ? num(stats.loopDelayP99Ms, 2) : null,
      server_loop_delay_max_ms: stats ? num(stats.loopDelayMaxMs, 2) : null,
      server_elu: stats ? num(stats.elu, 3) : null,
      server_unresponsive: stats === null,
      generator_elu: num(report.generator.elu, 3),
      generator_loop_delay_p99_ms: num(report.generator.loopDelayP99Ms, 2),
      generator_cpu_pct: num(report.generator.cpuPct, 1),
      // Time stolen by other processes on the machine: high values make a row noisy.
      server_runqueue_wait_pct: num(inputs.measured.serverWaitPct, 1),
      generator_runqueue_wait_pct: num(report.generator.runqueueWaitPct, 1),
      duplicates: report.duplicates,
      join_p99_ms: num(LatencyHistogram.from(inputs.connect.join).percentileMs(0.99)),
      // What the servers answered to the clients' permessage-deflate offer: must be none.
      ws_extensions: inputs.connect.extensions.filter((e) => e !== '').join(', ') || 'none',
      latency_over_50ms: hasLatency ? histogram.countAboveMs(50) : null,
      server_seconds_stalled_over_50ms: stats ? stats.secondsWithStallOver50Ms : null,
      ...(inputs.extra ?? {}),
    },
  };
}

/** A row for a point that could not run at all (server crash, no client synced...). */
export function failedRow(scenario: string, variant: string, n: number, def: ServerDef, error: unknown): ResultRow {
  // Enough of the message (a server's start-up output, say) to act on, on one line.
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim().slice(0, 600);
  return {
    scenario,
    server: def.id,
    variant,
    n,
    p50_ms: null,
    p99_ms: null,
    p999_ms: null,
    max_ms: null,
    delivered_per_s: null,
    inbound_per_s: null,
    cpu_pct: null,
    cpu_ms_per_1k_delivered: null,
    rss_mb: null,
    drops: null,
    valid: false,
    invalid_reason: `failed: ${message}`,
  };
}

/** One load point: documents, clients, load, timing, and optional preparation and follow-up. */
export interface LoadPointSpec {
  scenario: string;
  variant: string;
  n: number;
  clients: ClientPlan;
  load: Omit<LoadParams, 'maxDurationMs'>;
  timing: Timing;
  deliveries: 'doc' | 'awareness' | 'frames';
  /** Prepare the documents before clients join (seeding); gets the server and the targets. */
  prepare?: (server: BenchServer, gen: GeneratorHandle, docs: { names: string[]; targets: DocTarget[] }) => Promise<DocTarget[]>;
  /** Runs after the drain and convergence check (S9: kill -9 and read back). */
  after?: (server: BenchServer, gen: GeneratorHandle, docs: { names: string[]; targets: DocTarget[] }) => Promise<{ extra: Record<string, number | string | boolean | null>; problems: string[] }>;
  convergenceTimeoutMs?: number;
}

/** Runs one load point against one server, start to finish; never throws (a failure is a row). */
export async function runLoadPoint(def: ServerDef, spec: LoadPointSpec): Promise<ResultRow> {
  log(`${spec.scenario} ${spec.variant} n=${spec.n} on ${def.id}`);
  try {
    return await withServer(def, (server) =>
      withGenerator(async (gen) => {
        const docs = await server.documents(spec.clients.docs);
        const targets = spec.prepare ? await spec.prepare(server, gen, docs) : docs.targets;
        // The relay cannot bring a provider in sync, so the floor runs on thin clients only.
        const clients = planClients(def.family === 'floor' ? { ...spec.clients, fullPerDoc: 0 } : spec.clients);
        const connect = await connectClients(gen, targets, clients);
        const measured = await measureLoad(server, gen, spec.load, spec.timing);
        const fullClients = clients.some((c) => c.kind === 'full');
        const convergence = fullClients ? await gen.call('converge', { timeoutMs: spec.convergenceTimeoutMs ?? 10_000 }, 120_000) : null;
        const after = spec.after ? await spec.after(server, gen, docs) : { extra: {}, problems: [] };
        return toRow({
          scenario: spec.scenario,
          variant: spec.variant,
          n: spec.n,
          def,
          measured,
          connect,
          convergence,
          deliveries: spec.deliveries,
          extra: { ...after.extra, converged: convergence ? convergence.ok : null },
          problems: after.problems,
        });
      }),
    );
  } catch (error) {
    log(`  failed: ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' | ') : String(error)}`);
    return failedRow(spec.scenario, spec.variant, spec.n, def, error);
  }
}
