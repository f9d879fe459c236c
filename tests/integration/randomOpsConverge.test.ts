/**
 * Issue 6, Yjs-style random-operation fuzzing through the server: five clients make random
 * inserts, deletes and formatting on shared types, disconnect and reconnect at random, and
 * their frames overtake each other on the way; all five, a sixth fresh client and the stored
 * document end up identical. RANDOM_OPS_SEED replays the operations (timing still varies).
 */
import { expect, test } from 'vitest';
import { seedFrom } from '../helpers/prng';
import { describeRandomOps, runRandomOps } from '../helpers/randomOps';

test('five clients with random operations, disconnects and reordered frames converge to one state', async () => {
  const seed = seedFrom(process.env.RANDOM_OPS_SEED);
  console.info(`random operations seed ${seed} (RANDOM_OPS_SEED=${seed})`);
  const result = await runRandomOps({ seed, clients: 5, durationMs: 6_000 });
  console.info(describeRandomOps(result));

  expect(result.problems).toEqual([]);
  expect(result.converged).toBe(true);
  expect(result.freshClientMatches).toBe(true);
  expect(result.storedMatches).toBe(true);
  // The run only proves something if it did disconnect and reorder.
  expect(result.disconnects).toBeGreaterThan(3);
  expect(result.framesReordered).toBeGreaterThan(20);
}, 90_000);
