/**
 * The probe loaded into every server process with `--import`, so all servers are measured by
 * the same code: once a second it reports CPU time, RSS, event-loop delay (p50/p99/max) and
 * event-loop utilisation over that second. On request (`mark`) it reports the cumulative
 * counters at that instant, so the harness can cut exact measurement windows; `gc` runs a full
 * collection first (the process must run with `--expose-gc`).
 *
 * Reports go over the IPC channel when the process has one, else as `@@probe <json>` lines
 * on stdout. Its timers are unref'd: the probe never keeps a server alive.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { LatencyHistogram } from '../stats/histogram';

/** One per-second sample. */
export interface ProbeSample {
  type: 'probe:sample';
  /** ms since epoch at the end of the second. */
  at: number;
  /** CPU time used over the interval (user + system), ms. */
  cpuMs: number;
  intervalMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  elu: number;
}

/** Cumulative counters at one instant, plus the loop delay since the previous mark. */
export interface ProbeMark {
  type: 'probe:mark';
  id: number;
  at: number;
  cpuUserUs: number;
  cpuSystemUs: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** C++ objects bound to JS (Buffers, sockets' JS side), from memoryUsage(). */
  externalBytes: number;
  eluActiveMs: number;
  eluIdleMs: number;
  /** Event-loop delay since the previous mark. */
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

/** Messages the harness sends to the probe. */
export type ProbeRequest = { type: 'probe:mark'; id: number; gc?: boolean };

const INTERVAL_MS = 1000;
/**
 * Period of the loop-delay timer, ms. 10 ms (Node's default for monitorEventLoopDelay): a 1 ms
 * timer alone costs ~3 % of a core, which would swamp the idle-presence figures (S5).
 */
const RESOLUTION_MS = 10;

/*
 * Loop delay is measured here rather than with perf_hooks' monitorEventLoopDelay: after its
 * reset() the first interval only primes the histogram, so a stall that starts right after a
 * mark (a cold load, say) would go unrecorded. A plain timer records how late each tick was.
 */
const perSecond = new LatencyHistogram();
const perWindow = new LatencyHistogram();
let lastTick = performance.now();
const delayTimer = setInterval(() => {
  const now = performance.now();
  const delay = Math.max(0, now - lastTick - RESOLUTION_MS);
  lastTick = now;
  perSecond.recordMs(delay);
  perWindow.recordMs(delay);
}, RESOLUTION_MS);
delayTimer.unref();

/** Delay percentiles of a histogram, counting the stall still in progress (time since the last tick). */
function delays(h: LatencyHistogram): { p50: number; p99: number; max: number } {
  const pending = Math.max(0, performance.now() - lastTick - RESOLUTION_MS);
  const value = (v: number) => (Number.isFinite(v) ? v : 0);
  return { p50: value(h.percentileMs(0.5)), p99: value(h.percentileMs(0.99)), max: Math.max(value(h.maxMs), pending) };
}

function emit(message: ProbeSample | ProbeMark): void {
  if (process.send) process.send(message);
  else process.stdout.write(`@@probe ${JSON.stringify(message)}\n`);
}

let lastCpu = process.cpuUsage();
let lastElu: EventLoopUtilization = performance.eventLoopUtilization();
let lastAt = Date.now();

const timer = setInterval(() => {
  const now = Date.now();
  const cpu = process.cpuUsage(lastCpu);
  const elu = performance.eventLoopUtilization(lastElu);
  const memory = process.memoryUsage();
  const d = delays(perSecond);
  emit({
    type: 'probe:sample',
    at: now,
    cpuMs: (cpu.user + cpu.system) / 1000,
    intervalMs: now - lastAt,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    loopDelayP50Ms: d.p50,
    loopDelayP99Ms: d.p99,
    loopDelayMaxMs: d.max,
    elu: elu.utilization,
  });
  perSecond.reset();
  lastCpu = process.cpuUsage();
  lastElu = performance.eventLoopUtilization();
  lastAt = now;
}, INTERVAL_MS);
timer.unref();

function mark(id: number, gc: boolean): void {
  if (gc) {
    const collect = (globalThis as { gc?: () => void }).gc;
    // Two passes: the first one frees objects whose finalisers release more.
    collect?.();
    collect?.();
  }
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const memory = process.memoryUsage();
  const d = delays(perWindow);
  emit({
    type: 'probe:mark',
    id,
    at: Date.now(),
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    externalBytes: memory.external,
    eluActiveMs: elu.active,
    eluIdleMs: elu.idle,
    loopDelayP50Ms: d.p50,
    loopDelayP99Ms: d.p99,
    loopDelayMaxMs: d.max,
  });
  perWindow.reset();
}

if (process.send) {
  process.on('message', (message: ProbeRequest) => {
    if (message && message.type === 'probe:mark') mark(message.id, message.gc === true);
  });
  // A listener on 'message' keeps the IPC channel referenced; the server decides when to exit.
  process.channel?.unref();
  // The harness is gone (crashed or killed): a benchmark server must not outlive it.
  process.on('disconnect', () => process.exit(0));
}
