/**
 * Keeps the benchmark harness (tests/bench) from rotting: a few seconds of the S1 fan-out load
 * at N = 5 against our server, in its own process, through the real generator. Asserts that
 * figures came out, nothing was dropped and the full clients converged; never asserts times.
 */
import { expect, test } from 'vitest';
import { parseArgs } from '../bench/config';
import { runLoadPoint } from '../bench/scenarios/loadPoint';
import { s1Spec } from '../bench/scenarios/s1FanOut';
import { serverDef } from '../bench/servers/catalog';

test('the benchmark harness measures S1 at N = 5 against our server', { timeout: 120_000 }, async () => {
  const { config } = parseArgs(['--quick']);
  const spec = s1Spec(config, 5);
  const row = await runLoadPoint(serverDef('C1'), { ...spec, timing: { warmupMs: 500, measureMs: 2500, drainMs: 3000 } });

  expect(row.invalid_reason ?? '').not.toMatch(/^failed:/);
  expect(row.drops).toBe(0);
  expect(row.extra?.converged).toBe(true);
  expect(row.extra?.samples).toBeGreaterThan(0);
  expect(row.p99_ms).not.toBeNull();
  expect(row.delivered_per_s).toBeGreaterThan(0);
  expect(row.inbound_per_s).toBeGreaterThan(0);
  expect(row.cpu_pct).not.toBeNull();
  expect(row.rss_mb).toBeGreaterThan(0);
});
