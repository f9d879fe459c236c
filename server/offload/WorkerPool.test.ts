import { afterEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { createLogger } from '../support/log';
import { contentHashOfUpdates } from '../versions/contentHash';
import { OffloadError, WorkerPool, type OffloadLimits } from './WorkerPool';

const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

function pool(limits: Partial<OffloadLimits> = {}): WorkerPool {
  const made = new WorkerPool({ workers: 1, timeoutMs: 20_000, memoryMb: 256, maxInputBytes: 1 << 24, ...limits }, createLogger({ level: 'error' }));
  pools.push(made);
  return made;
}

/** A document of `count` paragraphs, as stored bytes. */
function paragraphs(count: number, text: (i: number) => string): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    const items = Array.from({ length: count }, (_, i) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text(i))]);
      return paragraph;
    });
    doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, items);
  });
  return Y.encodeStateAsUpdate(doc);
}

const names = { parties: new Map(), users: new Map() };

test('a job runs on a worker thread (TypeScript loaded there too) and answers what the main thread would', async () => {
  const state = paragraphs(50, (i) => `Alinea ${i}`);
  expect(await pool().run('contentHash', { updates: [state] })).toBe(contentHashOfUpdates([state]));
});

test('large inputs handed over move to the worker instead of being copied on this thread', async () => {
  const state = paragraphs(5_000, (i) => `Alinea ${i}`);
  const expected = contentHashOfUpdates([state]);
  expect(await pool().run('contentHash', { updates: [state] }, [state.buffer as ArrayBuffer])).toBe(expected);
  expect(state.byteLength).toBe(0); // detached: it went to the worker
});

test('a job past its time is ended with its worker, and the next job gets a new one', async () => {
  const slow = pool({ timeoutMs: 5 });
  const big = paragraphs(20_000, (i) => `Alinea ${i} met wat meer tekst erin`);
  const failed = await slow.run('contentHash', { updates: [big] }).catch((error: unknown) => error);
  expect(failed).toBeInstanceOf(OffloadError);
  expect((failed as OffloadError).reason).toBe('timeout');
  const small = paragraphs(1, () => 'klein');
  // Still too short for anything but the smallest job is not the point: the pool answers again.
  const again = await slow.run('contentHash', { updates: [small] }).catch((error: unknown) => error);
  expect(again === contentHashOfUpdates([small]) || (again as OffloadError).reason === 'timeout').toBe(true);
});

test('a diff beyond its cap is refused by the job itself, with a message for the person', async () => {
  const before = paragraphs(4_100, (i) => `oud ${i}`);
  const after = paragraphs(4_100, (i) => `nieuw ${i}`);
  const failed = (await pool()
    .run('diff', { from: { id: 'a', label: 'a' }, to: { id: 'current', label: 'nu' }, before: [before], after: [after], names, lang: 'nl' })
    .catch((error: unknown) => error)) as OffloadError;
  expect(failed.reason).toBe('over_cap');
  expect(failed.message).toMatch(/te groot/);
});

test('closing the pool refuses what waits', async () => {
  const closing = pool();
  const waiting = closing.run('contentHash', { updates: [paragraphs(10, String)] }).catch((error: unknown) => error);
  await closing.close();
  expect(await waiting).toMatchObject({ reason: 'closed' });
});
