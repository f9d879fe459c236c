import { expect, test } from 'vitest';
import { AppendQueue, type LogEntry } from './AppendQueue';

const entry = (n: number): LogEntry => ({ update: new Uint8Array([n]), author: { userId: null, partyId: null } });

function queueOverAsyncLog() {
  const appends: number[][] = [];
  let lastId = 0;
  const queue = new AppendQueue(
    async (entries) => {
      appends.push(entries.map((e) => e.update[0]!));
      await new Promise((resolve) => setTimeout(resolve, 5));
      return (lastId += entries.length);
    },
    () => undefined,
    (error) => {
      throw error;
    },
    (error) => {
      throw error;
    },
  );
  return { queue, appends };
}

test('an update and the change pushed right after it in the same task are appended, and released, together', async () => {
  const { queue, appends } = queueOverAsyncLog();
  const released: string[] = [];
  queue.push(entry(1), () => released.push('update'));
  // What the server does in the same task: its compensation of that update.
  queue.push(entry(2), () => released.push('compensation'));
  expect(queue.idle).toBe(false);
  await queue.whenIdle();
  expect(appends).toEqual([[1, 2]]);
  expect(released).toEqual(['update', 'compensation']);
});

test('what arrives while an append is in flight goes in the next one, in order', async () => {
  const { queue, appends } = queueOverAsyncLog();
  const released: number[] = [];
  queue.push(entry(1), () => released.push(1));
  await new Promise((resolve) => setTimeout(resolve, 1));
  queue.push(entry(2), () => released.push(2));
  queue.afterStored(() => released.push(0));
  queue.push(entry(3), () => released.push(3));
  await queue.whenIdle();
  expect(appends).toEqual([[1], [2, 3]]);
  expect(released).toEqual([1, 2, 0, 3]);
});

test('nothing queued behind a failed append is released', async () => {
  const failures: unknown[] = [];
  const queue = new AppendQueue(
    () => Promise.reject(new Error('disk full')),
    () => undefined,
    (error) => failures.push(error),
    () => undefined,
  );
  const released: number[] = [];
  queue.push(entry(1), () => released.push(1));
  const stored = queue.stored();
  await expect(stored).rejects.toThrow('disk full');
  expect(released).toEqual([]);
  expect(failures).toHaveLength(1);
  expect(queue.failedBefore).toBe(true);
});
