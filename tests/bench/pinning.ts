/**
 * CPU pinning: the server under test on core 0, the load generator (and this harness) on core 1,
 * so neither steals the other's cycles. Without `taskset` or with fewer than two cores the
 * processes run unpinned, and the environment record says so.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';

/** The core of the server under test. */
export const SERVER_CORE = 0;
/** The core of the load generator and the harness. */
export const GENERATOR_CORE = 1;

let available: boolean | undefined;

/** Whether processes can be pinned here (taskset present, at least two cores). */
export function canPin(): boolean {
  if (available === undefined) {
    const probe = spawnSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    available = probe.status === 0 && os.cpus().length >= 2;
  }
  return available;
}

/** The command line that runs `command args` on `core` (unchanged when pinning is unavailable). */
export function pinned(core: number, command: string, args: string[]): { command: string; args: string[] } {
  return canPin() ? { command: 'taskset', args: ['-c', String(core), command, ...args] } : { command, args };
}

/** Pins this process (all its threads) to `core`; returns false when it could not. */
export function pinSelf(core: number): boolean {
  if (!canPin()) return false;
  return spawnSync('taskset', ['-a', '-cp', String(core), String(process.pid)], { stdio: 'ignore' }).status === 0;
}
