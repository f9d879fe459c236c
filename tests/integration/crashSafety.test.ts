/**
 * Issue 6, crash safety: eight stock WebsocketProvider clients type into one document while
 * the server process is killed with SIGKILL five times at random moments (the soak does 20).
 * See tests/helpers/crashScenario.ts for what is checked and why the check after each restart
 * happens before the editing clients reconnect.
 */
import { expect, test } from 'vitest';
import { describeCrashSafety, runCrashSafety } from '../helpers/crashScenario';
import { seedFrom } from '../helpers/prng';

test('eight clients typing through five SIGKILLs lose nothing another client had received, duplicate nothing, converge, and leave a sound database', async () => {
  const seed = seedFrom(process.env.CRASH_SEED);
  console.info(`crash safety seed ${seed} (CRASH_SEED=${seed} replays the kill schedule and what each client types; timing still varies)`);
  const result = await runCrashSafety({ kills: 5, seed, log: (line) => console.info(line) });
  console.info(describeCrashSafety(result));

  expect(result.problems).toEqual([]);
  expect(result.killsSurvived).toBe(5);
  expect(result.lost).toBe(0);
  expect(result.duplicated).toBe(0);
  expect(result.replicasIdentical).toBe(true);
  expect(result.integrity).toBe('ok');
  expect(result.storedMatchesReplicas).toBe(true);
  // The durability check only means something if kills landed while edits were flowing.
  expect(result.tokensReceivedBeforeKill).toBeGreaterThan(100);
  expect(result.kills.every((k) => k.missingAfterRestart === 0 && k.integrityAfterKill === 'ok')).toBe(true);
}, 150_000);
