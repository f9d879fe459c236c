import { afterEach, expect, test } from 'vitest';
import type { ClusterMessage } from './ClusterBus';
import { ConnectionCensus, type CensusMessage } from './ConnectionCensus';

const censuses: ConnectionCensus[] = [];
afterEach(() => censuses.splice(0).forEach((census) => census.stop()));

/** One instance whose own sockets are a list, and whose messages are collected. */
function instance(instanceId: string, clock: { now: number }) {
  const sockets: { userId: string; ip: string }[] = [];
  const sent: CensusMessage[] = [];
  const census = new ConnectionCensus({
    instanceId,
    link: { forward: (message: ClusterMessage) => void sent.push(message as CensusMessage) },
    localCounts: (userId, ip) => ({ user: sockets.filter((s) => s.userId === userId).length, ip: sockets.filter((s) => s.ip === ip).length }),
    localPairs: () => sockets,
    aliveEveryMs: 60_000,
    silentAfterMs: 15_000,
    now: () => clock.now,
  });
  censuses.push(census);
  const open = (userId: string, ip: string) => {
    sockets.push({ userId, ip });
    census.changed(userId, ip);
  };
  const close = (userId: string, ip: string) => {
    sockets.splice(sockets.findIndex((s) => s.userId === userId && s.ip === ip), 1);
    census.changed(userId, ip);
  };
  return { census, sent, open, close, beat: () => (census as unknown as { beat(): void }).beat() };
}

test("another instance's sockets count, and a message that overtakes a later one does not undo it", () => {
  const clock = { now: 0 };
  const a = instance('a', clock);
  const b = instance('b', clock);
  a.open('u1', '10.0.0.1');
  a.open('u1', '10.0.0.1');
  a.close('u1', '10.0.0.1');
  const [one, two, back] = a.sent;
  // Delivered out of order: the count of 2 arrives after the later count of 1.
  b.census.receive(one!);
  b.census.receive(back!);
  b.census.receive(two!);
  b.open('u1', '10.0.0.2');
  expect(b.census.counts('u1', '10.0.0.1')).toEqual({ user: 2, ip: 1 });
  expect(b.census.counts('u2', '10.0.0.2')).toEqual({ user: 0, ip: 1 });
});

test('an instance not heard from is forgotten', () => {
  const clock = { now: 0 };
  const a = instance('a', clock);
  const b = instance('b', clock);
  for (let i = 0; i < 3; i++) a.open('u1', '10.0.0.1');
  for (const message of a.sent.splice(0)) b.census.receive(message);
  expect(b.census.counts('u1', 'x').user).toBe(3);
  clock.now = 10_000;
  b.beat();
  expect(b.census.counts('u1', 'x').user).toBe(3);
  clock.now = 20_000;
  b.beat();
  expect(b.census.counts('u1', 'x').user).toBe(0);
});

test('an instance restarted under the same INSTANCE_ID is counted afresh', () => {
  const clock = { now: 0 };
  const a = instance('a', clock);
  const b = instance('b', clock);
  for (let i = 0; i < 3; i++) a.open('u1', '10.0.0.1');
  for (const message of a.sent.splice(0)) b.census.receive(message);
  // Killed without a word; the new process numbers its messages from 1 again.
  const restarted = instance('a', clock);
  restarted.census.start();
  restarted.open('u1', '10.0.0.1');
  for (const message of restarted.sent.splice(0)) b.census.receive(message);
  expect(b.census.counts('u1', 'x').user).toBe(1);
});

test('a starting instance is told every count the others hold', () => {
  const clock = { now: 0 };
  const a = instance('a', clock);
  a.open('u1', '10.0.0.1');
  a.open('u2', '10.0.0.1');
  a.sent.splice(0);
  const late = instance('late', clock);
  late.census.start();
  a.census.receive(late.sent.pop()!);
  for (const message of a.sent.splice(0)) late.census.receive(message);
  expect(late.census.counts('u1', '10.0.0.1')).toEqual({ user: 1, ip: 2 });
  expect(late.census.counts('u2', 'y')).toEqual({ user: 1, ip: 0 });
});
