/**
 * The generator watching itself: if its own event loop is busy (ELU > 0.7) or late
 * (delay p99 > 5 ms), the latencies it measured are partly its own, and the run is invalid.
 */
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import { readSchedstat, waitPct, type Schedstat } from '../schedstat';
import type { GeneratorHealth } from './protocol';

/** Above this event-loop utilisation the generator itself is the bottleneck. */
export const GATE_MAX_ELU = 0.7;
/** The histogram records the whole interval between its 1 ms timer ticks: the delay is the excess. */
const RESOLUTION_MS = 1;
const excessMs = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
/** Above this loop-delay p99 (ms) the generator adds its own latency. */
export const GATE_MAX_LOOP_DELAY_P99_MS = 5;

/** The generator's ELU, loop delay and CPU over one measurement window. */
export class SelfMonitor {
  private readonly delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private elu: EventLoopUtilization | null = null;
  private cpu: NodeJS.CpuUsage | null = null;
  private startedAt = 0;
  private sched: Schedstat | null = null;
  private result: GeneratorHealth | null = null;

  begin(): void {
    this.delay.reset();
    this.delay.enable();
    this.elu = performance.eventLoopUtilization();
    this.cpu = process.cpuUsage();
    this.startedAt = performance.now();
    this.sched = readSchedstat();
    this.result = null;
  }

  end(): GeneratorHealth {
    if (this.result) return this.result;
    if (!this.elu || !this.cpu) return { elu: 0, loopDelayP99Ms: 0, loopDelayMaxMs: 0, cpuPct: 0, runqueueWaitPct: null };
    const elu = performance.eventLoopUtilization(this.elu);
    const cpu = process.cpuUsage(this.cpu);
    const elapsed = performance.now() - this.startedAt;
    this.delay.disable();
    this.result = {
      elu: elu.utilization,
      loopDelayP99Ms: this.delay.count > 0 ? excessMs(this.delay.percentile(99)) : 0,
      loopDelayMaxMs: this.delay.count > 0 ? excessMs(this.delay.max) : 0,
      cpuPct: elapsed > 0 ? ((cpu.user + cpu.system) / 1000 / elapsed) * 100 : 0,
      runqueueWaitPct: waitPct(this.sched, readSchedstat(), elapsed),
    };
    return this.result;
  }
}

/** Why a generator's window is not trustworthy, or null when it passes the gate. */
export function gateFailure(health: GeneratorHealth): string | null {
  if (health.elu > GATE_MAX_ELU) return `generator ELU ${health.elu.toFixed(2)} > ${GATE_MAX_ELU}`;
  if (health.loopDelayP99Ms > GATE_MAX_LOOP_DELAY_P99_MS)
    return `generator loop delay p99 ${health.loopDelayP99Ms.toFixed(1)} ms > ${GATE_MAX_LOOP_DELAY_P99_MS} ms`;
  return null;
}
