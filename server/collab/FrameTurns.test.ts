import { expect, test } from 'vitest';
import { FrameTurns } from './FrameTurns';

const HEAVY = 100;
const nextPass = () => new Promise((resolve) => setTimeout(resolve, 0));

test('small frames of a connection with nothing waiting are handled at once', () => {
  const turns = new FrameTurns<string>(HEAVY);
  const handled: string[] = [];
  turns.submit('a', 10, () => handled.push('a1'));
  turns.submit('b', 99, () => handled.push('b1'));
  expect(handled).toEqual(['a1', 'b1']);
});

test('large frames take one pass of the event loop each, and timers run between them', async () => {
  const turns = new FrameTurns<string>(HEAVY);
  const events: string[] = [];
  /** A frame that takes 5 ms to integrate. */
  const heavyWork = (name: string) => () => {
    const until = performance.now() + 5;
    while (performance.now() < until);
    events.push(name);
  };
  turns.submit('a', 500, heavyWork('a heavy'));
  turns.submit('b', 500, heavyWork('b heavy'));
  turns.submit('c', 500, heavyWork('c heavy'));
  expect(events).toEqual([]);
  // A timer due during the first turn fires before the next, not after all of them.
  setTimeout(() => events.push('timer'), 1);
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(events.filter((e) => e.endsWith('heavy'))).toEqual(['a heavy', 'b heavy', 'c heavy']);
  expect(events.indexOf('timer')).toBeGreaterThan(0);
  expect(events.indexOf('timer')).toBeLessThan(3);
});

test("a connection's frames keep their order behind a waiting large one, and so does its pong", async () => {
  const turns = new FrameTurns<string>(HEAVY);
  const handled: string[] = [];
  turns.submit('a', 500, () => handled.push('a heavy 1'));
  turns.submit('a', 10, () => handled.push('a small'));
  turns.afterWaiting('a', () => handled.push('a pong'));
  turns.submit('a', 500, () => handled.push('a heavy 2'));
  turns.submit('b', 10, () => handled.push('b small'));
  turns.afterWaiting('b', () => handled.push('b pong'));
  // b had nothing waiting: handled at once, ahead of a's queue.
  expect(handled).toEqual(['b small', 'b pong']);
  await nextPass();
  await nextPass();
  await nextPass();
  expect(handled).toEqual(['b small', 'b pong', 'a heavy 1', 'a small', 'a pong', 'a heavy 2']);
});

test('connections with several large frames take turns with the others', async () => {
  const turns = new FrameTurns<string>(HEAVY);
  const handled: string[] = [];
  for (let i = 1; i <= 3; i++) turns.submit('a', 500, () => handled.push(`a${i}`));
  turns.submit('b', 500, () => handled.push('b1'));
  for (let i = 0; i < 6; i++) await nextPass();
  expect(handled).toEqual(['a1', 'b1', 'a2', 'a3']);
});

test('what a connection had waiting is dropped when it goes away, also during its own turn', async () => {
  const turns = new FrameTurns<string>(HEAVY);
  const handled: string[] = [];
  turns.submit('a', 500, () => handled.push('a1'));
  turns.submit('a', 500, () => handled.push('a2'));
  turns.submit('b', 500, () => {
    handled.push('b1');
    turns.forget('b');
  });
  turns.submit('b', 10, () => handled.push('b2'));
  turns.forget('a');
  for (let i = 0; i < 4; i++) await nextPass();
  expect(handled).toEqual(['b1']);
  // Nothing is left waiting: a new small frame of either is handled at once.
  turns.submit('a', 10, () => handled.push('a3'));
  turns.submit('b', 10, () => handled.push('b3'));
  expect(handled).toEqual(['b1', 'a3', 'b3']);
});
