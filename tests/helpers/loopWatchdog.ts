/**
 * Event-loop watchdog for tests with an in-process server: a timer that should fire every
 * `intervalMs` records by how much it was late. A frame that makes the server compute for a
 * long time (a hang) shows up as a late tick, whatever the test awaits at that moment.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoopStall {
  /** When the late tick fired (ms since the watchdog started). */
  at: number;
  /** How long the loop was blocked beyond the interval, in ms. */
  lateMs: number;
  /** CPU time the process used meanwhile: a stall of its own making, not a busy machine. */
  cpuMs: number;
  /** What the test said it was doing (see `note`). */
  during: string;
}

export interface LoopWatchdog {
  /** Labels later stalls, e.g. with the kind of frame being sent. */
  note(activity: string): void;
  /**
   * Stalls longer than the threshold during which the process itself was computing (CPU time
   * over the threshold too). A tick that is late while the process used little CPU means the
   * machine was busy with other processes (parallel test files): counted in `descheduled`.
   */
  readonly stalls: LoopStall[];
  readonly descheduled: LoopStall[];
  /** Largest lateness seen by the timer, in ms. */
  maxLateMs(): number;
  /** Stops the timer; returns the event-loop delay histogram summary (ms). */
  stop(): { maxLateMs: number; p99DelayMs: number; maxDelayMs: number; stalls: LoopStall[]; descheduled: LoopStall[] };
}

export function startLoopWatchdog(thresholdMs = 250, intervalMs = 10): LoopWatchdog {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const started = performance.now();
  let last = started;
  let maxLate = 0;
  let lastCpu = process.cpuUsage();
  let during = 'start';
  const stalls: LoopStall[] = [];
  const descheduled: LoopStall[] = [];
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    lastCpu = process.cpuUsage();
    const late = now - last - intervalMs;
    last = now;
    if (late > maxLate) maxLate = late;
    if (late > thresholdMs) {
      const stall = { at: Math.round(now - started), lateMs: Math.round(late), cpuMs: Math.round((cpu.user + cpu.system) / 1000), during };
      (stall.cpuMs > thresholdMs ? stalls : descheduled).push(stall);
    }
  }, intervalMs);
  return {
    note(activity) {
      during = activity;
    },
    stalls,
    descheduled,
    maxLateMs: () => maxLate,
    stop() {
      clearInterval(timer);
      histogram.disable();
      return {
        maxLateMs: Math.round(maxLate),
        p99DelayMs: Math.round(histogram.percentile(99) / 1e6),
        maxDelayMs: Math.round(histogram.max / 1e6),
        stalls,
        descheduled,
      };
    },
  };
}
