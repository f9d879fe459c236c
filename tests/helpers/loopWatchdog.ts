/**
 * Event-loop watchdog for tests with an in-process server: a timer that should fire every
 * `intervalMs` records by how much it was late. A frame that makes the server compute for a
 * long time (a hang) shows up as a late tick, whatever the test awaits at that moment.
 */
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoopStall {
  /** When the late tick fired (ms since the watchdog started). */
  at: number;
  /** The same moment as `Date.now()`, comparable across processes. */
  wallClock: number;
  /** How long the loop was blocked beyond the interval, in ms. */
  lateMs: number;
  /** CPU time the event loop's thread used meanwhile: a stall of its own making, not a busy machine. */
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

const mainThreadStat = `/proc/self/task/${process.pid}/stat`;

/**
 * CPU time of the main thread (the one the event loop runs on), in ms, from Linux's /proc
 * (utime and stime, fields 14 and 15 of stat(5), in ticks of 10 ms); the process total where
 * there is no /proc. process.cpuUsage() also counts the garbage collector's helper threads and
 * workers, which run beside the loop: on a machine busy with other test processes their time
 * made a loop that merely waited for a core look like one that computed.
 */
function loopThreadCpuMs(): number {
  try {
    const stat = fs.readFileSync(mainThreadStat, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
}

export function startLoopWatchdog(thresholdMs = 250, intervalMs = 10): LoopWatchdog {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const started = performance.now();
  let last = started;
  let maxLate = 0;
  let lastCpu = loopThreadCpuMs();
  let during = 'start';
  const stalls: LoopStall[] = [];
  const descheduled: LoopStall[] = [];
  const timer = setInterval(() => {
    const now = performance.now();
    const cpuNow = loopThreadCpuMs();
    const cpuMs = cpuNow - lastCpu;
    lastCpu = cpuNow;
    const late = now - last - intervalMs;
    last = now;
    if (late > maxLate) maxLate = late;
    if (late > thresholdMs) {
      const stall = { at: Math.round(now - started), wallClock: Date.now(), lateMs: Math.round(late), cpuMs: Math.round(cpuMs), during };
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
