/**
 * The watchdog that the protocol fuzz relies on: a loop that computes is a stall, a loop that
 * is blocked without computing (as when the machine gives its cores to other processes) is not.
 */
import { expect, test } from 'vitest';
import { startLoopWatchdog } from '../helpers/loopWatchdog';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a loop busy computing for 400 ms counts as a stall; one blocked without computing does not', async () => {
  const watchdog = startLoopWatchdog(250);
  await sleep(50);
  // 400 ms of CPU, not of wall-clock time: on a machine busy with other test files the spin
  // may wait for a core as well, which would make it look like the case below.
  const cpuAtStart = process.cpuUsage();
  let spins = 0;
  while (process.cpuUsage(cpuAtStart).user < 400_000) spins += 1;
  await sleep(50);
  // Blocks the thread without using CPU.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
  await sleep(50);
  const result = watchdog.stop();
  expect(spins).toBeGreaterThan(0);
  expect(result.stalls).toHaveLength(1);
  expect(result.stalls[0]!.cpuMs).toBeGreaterThan(250);
  // The blocked stretch: at least as late as it was blocked, with next to no CPU (a busy
  // machine may add late ticks of its own here).
  expect(result.descheduled.some((tick) => tick.lateMs >= 350 && tick.cpuMs < 100)).toBe(true);
});
