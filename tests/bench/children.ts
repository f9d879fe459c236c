/**
 * Every process the harness starts, so that none outlives it: on exit, Ctrl-C or a crash they
 * are all killed by their own pid (never by name).
 */
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();

/** Tracks a child until it exits. */
export function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Kills every tracked child that is still running. */
export function killAll(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  live.clear();
}

process.once('exit', killAll);
