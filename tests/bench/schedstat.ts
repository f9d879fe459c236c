/**
 * How long a process waited for a CPU while it was ready to run (`/proc/<pid>/schedstat`,
 * main thread): time stolen by other processes on its core. On a machine shared with other
 * work this is what makes a figure noisy, so every window records it. Linux only; elsewhere null.
 */
import fs from 'node:fs';

export interface Schedstat {
  /** ns spent running. */
  runNs: number;
  /** ns spent runnable, waiting for the core. */
  waitNs: number;
}

/** The counters of `pid` (or this process), or null where /proc is not available. */
export function readSchedstat(pid: number | 'self' = 'self'): Schedstat | null {
  try {
    const [run, wait] = fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
    if (!Number.isFinite(run) || !Number.isFinite(wait)) return null;
    return { runNs: run!, waitNs: wait! };
  } catch {
    return null;
  }
}

/** Share of `elapsedMs` spent waiting for the core between two readings, in percent. */
export function waitPct(from: Schedstat | null, to: Schedstat | null, elapsedMs: number): number | null {
  if (!from || !to || elapsedMs <= 0) return null;
  return ((to.waitNs - from.waitNs) / 1e6 / elapsedMs) * 100;
}
