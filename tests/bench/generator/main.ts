/**
 * The load generator process (pinned to core 1 by the harness). It holds every client of a
 * run, the open-loop schedule and the beacon accounting, so send and receive times are read
 * from one clock in one process. Driven step by step by the harness over IPC (see protocol.ts);
 * it exits when the harness goes away, and its writers stop by themselves at the hard limit.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { beacon, beaconKeysInText, scanBeacons } from '../protocol/beacon';
import { LatencyHistogram } from '../stats/histogram';
import { FullClient } from './fullClient';
import type {
  ChurnParams,
  ChurnResult,
  ConnectParams,
  ConnectResult,
  ConvergenceResult,
  DocTarget,
  GeneratorApi,
  LoadParams,
  LoadReport,
  Method,
  RpcRequest,
  RpcResponse,
} from './protocol';
import { OpenLoopSchedule } from './schedule';
import { SelfMonitor } from './selfMonitor';
import { ThinClient, type BenchClientBase, type FrameSink } from './thinClient';
import { BeaconTracker } from './tracker';

interface Slot {
  client: BenchClientBase;
  spec: { writer: boolean; kind: 'thin' | 'full' };
}

const docs: DocTarget[] = [];
const slots: Slot[] = [];
const seeders: ThinClient[] = [];
const pastTrackers: BeaconTracker[] = [];
const monitor = new SelfMonitor();
let tracker: BeaconTracker | null = null;
let schedule: OpenLoopSchedule | null = null;
let nextWriterId = 0;
let frames = 0;
let bytes = 0;
let windowCounters = { frames: 0, bytes: 0 };
let unexpectedCloses = 0;

const sink: FrameSink = {
  onFrame(client, frame, now) {
    frames++;
    bytes += frame.length;
    const t = tracker;
    if (!t) return;
    scanBeacons(frame, (kind, writer, seq) => {
      if (kind === 'B') t.onDocumentBeacon(client.index, writer, seq, now);
      else t.onAwarenessBeacon(client.index, writer, seq, now);
    });
  },
  onUnexpectedClose() {
    unexpectedCloses++;
  },
};

/** Presences are renewed every 15 s like y-protocols does; checked once a second. */
const renewTimer = setInterval(() => {
  const now = performance.now();
  for (const slot of slots) slot.client.renewAwareness(now);
}, 1000);
renewTimer.unref();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `task` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i]!, i);
    }
  });
  await Promise.all(workers);
}

function pushError(errors: string[], error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (errors.length < 5 && !errors.includes(message)) errors.push(message);
}

/** The target of the k-th client of a document: round-robin over a cluster's instances. */
function spreadTarget(target: DocTarget, k: number): DocTarget {
  if (!target.spread || target.spread.length === 0) return target;
  const urls = [target.baseUrl, ...target.spread];
  return { ...target, baseUrl: urls[k % urls.length]! };
}

async function connect(params: ConnectParams): Promise<ConnectResult> {
  const docBase = docs.length;
  docs.push(...params.docs);
  const join = new LatencyHistogram();
  const errors: string[] = [];
  const extensions = new Set<string>();
  let synced = 0;
  let failed = 0;
  const started = performance.now();
  const spread = params.spreadMs ?? 0;
  // Each client's position among the clients of its document, for spreading over instances.
  const seen = new Map<number, number>();
  const perDoc = params.clients.map((spec) => {
    const k = seen.get(spec.doc) ?? 0;
    seen.set(spec.doc, k + 1);
    return k;
  });
  await pool(params.clients, params.concurrency, async (spec, i) => {
    if (spread > 0) {
      const due = started + (spread * i) / params.clients.length;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
    }
    const doc = docBase + spec.doc;
    const target = spreadTarget(docs[doc]!, perDoc[i]!);
    const index = slots.length;
    const client =
      spec.kind === 'full'
        ? new FullClient(index, doc, target, sink, spec.awareness)
        : new ThinClient(index, doc, target, sink, spec.awareness, params.expectBytes ?? 0);
    slots.push({ client, spec: { writer: spec.writer, kind: spec.kind } });
    try {
      await client.waitSynced(params.timeoutMs);
      if (params.typeOnJoin && client instanceof ThinClient) await client.sendUpdateText('x'.repeat(params.typeOnJoin));
      synced++;
      join.recordMs(client.joinMs);
      if (client.extensions !== null) extensions.add(client.extensions);
    } catch (error) {
      failed++;
      pushError(errors, error);
    }
  });
  return { requested: params.clients.length, synced, failed, join: join.toJSON(), extensions: [...extensions], errors };
}

async function seed(params: { doc: DocTarget; updateFile: string; timeoutMs: number }): Promise<{ ms: number }> {
  const started = performance.now();
  const update = fs.readFileSync(params.updateFile);
  const seeder = new ThinClient(-1, -1, params.doc, sink, false);
  seeders.push(seeder);
  await seeder.waitSynced(params.timeoutMs);
  await seeder.sendUpdate(update);
  // The seeder stays connected: an in-memory server drops a document when its last socket leaves.
  // A second client confirms the server holds the state (its sync step 2 is about as large).
  const deadline = performance.now() + params.timeoutMs;
  for (;;) {
    const check = new ThinClient(-1, -1, params.doc, sink, false);
    await check.waitSynced(params.timeoutMs);
    const size = check.syncBytes;
    check.close();
    if (size >= update.length * 0.9) break;
    if (performance.now() > deadline) throw new Error(`seeded state not served (got ${size} of ${update.length} bytes)`);
    await sleep(200);
  }
  return { ms: performance.now() - started };
}

function letters(min: number, max: number): string {
  const n = min + Math.floor(Math.random() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(0x61 + Math.floor(Math.random() * 26));
  return s;
}

function startLoad(params: LoadParams): { at: number } {
  if (tracker) throw new Error('a load is already running');
  const capacity = Math.ceil((params.ratePerWriter * params.maxDurationMs) / 1000) + 16;
  const t = new BeaconTracker(capacity, nextWriterId, params.text);
  const writers = slots.filter((s) => s.spec.writer && s.client.isSynced);
  for (const slot of writers) slot.client.writerId = t.addWriter(slot.client.doc);
  for (const slot of slots) {
    if (!slot.client.isSynced) slot.client.writerId = -1;
    else t.addReceiver(slot.client.index, slot.client.doc, slot.spec.writer ? slot.client.writerId : -1);
  }
  nextWriterId += writers.length;
  tracker = t;
  schedule = new OpenLoopSchedule(
    writers.length,
    params.ratePerWriter,
    params.jitter,
    (slot, at) => {
      const client = writers[slot]!.client;
      if (!t.canSend(client.writerId)) return;
      const seq = t.recordSend(client.writerId, at, params.awareness);
      const text = params.text ? letters(params.charsMin, params.charsMax) + beacon('B', client.writerId, seq) : null;
      client.sendEvent(text, params.awareness ? beacon('A', client.writerId, seq) : null);
    },
    params.maxDurationMs,
  );
  schedule.start();
  return { at: Date.now() };
}

function beginMeasure(): { at: number } {
  if (tracker) tracker.windowStart = performance.now();
  windowCounters = { frames, bytes };
  monitor.begin();
  return { at: Date.now() };
}

function endMeasure(): { at: number } {
  if (tracker && !Number.isFinite(tracker.windowEnd)) tracker.windowEnd = performance.now();
  schedule?.stop();
  monitor.end();
  windowCounters = { frames: frames - windowCounters.frames, bytes: bytes - windowCounters.bytes };
  return { at: Date.now() };
}

async function report(params: { drainMs: number }): Promise<LoadReport> {
  if (!tracker) throw new Error('no load to report');
  const t = tracker;
  if (!Number.isFinite(t.windowEnd)) endMeasure();
  const drainStart = performance.now();
  while (t.received < t.expected() && performance.now() - drainStart < params.drainMs) await sleep(20);
  const drainedMs = performance.now() - drainStart;
  const windowMs = Number.isFinite(t.windowStart) ? t.windowEnd - t.windowStart : 0;
  const result: LoadReport = {
    windowMs,
    sentInWindow: t.sentInWindow(),
    sentTotal: t.sentTotal(),
    latency: t.latency.toJSON(),
    awarenessLatency: t.awarenessLatency.toJSON(),
    deliveredInWindow: t.deliveredInWindow,
    awarenessDeliveredInWindow: t.awarenessDeliveredInWindow,
    drops: Math.max(0, t.expected() - t.received),
    duplicates: t.duplicates,
    receivers: t.receiverCount,
    framesInWindow: windowCounters.frames,
    bytesInWindow: windowCounters.bytes,
    unexpectedCloses,
    generator: monitor.end(),
    drainedMs,
  };
  pastTrackers.push(t);
  tracker = null;
  schedule = null;
  return result;
}

async function converge(params: { timeoutMs: number }): Promise<ConvergenceResult> {
  const sent = new Map<number, number>();
  for (const t of pastTrackers) for (const [doc, n] of t.sentPerDoc()) sent.set(doc, (sent.get(doc) ?? 0) + n);
  const fullByDoc = new Map<number, FullClient[]>();
  for (const slot of slots) {
    if (slot.client instanceof FullClient && slot.client.isSynced) {
      const list = fullByDoc.get(slot.client.doc) ?? [];
      list.push(slot.client);
      fullByDoc.set(slot.client.doc, list);
    }
  }
  const check = () =>
    [...fullByDoc].map(([doc, clients]) => {
      const snapshots = clients.map((c) => c.snapshot());
      const first = snapshots[0]!;
      const equal = snapshots.every(
        (s) =>
          s.text === first.text &&
          s.stateVector.size === first.stateVector.size &&
          [...s.stateVector].every(([client, clock]) => first.stateVector.get(client) === clock),
      );
      const missingBeacons = Math.max(0, (sent.get(doc) ?? 0) - beaconKeysInText(first.text).size);
      return { doc, fullClients: clients.length, equal, missingBeacons, textLength: first.text.length };
    });
  const deadline = performance.now() + params.timeoutMs;
  let docsResult = check();
  while (!docsResult.every((d) => d.equal && d.missingBeacons === 0) && performance.now() < deadline) {
    await sleep(100);
    docsResult = check();
  }
  return { ok: docsResult.length > 0 && docsResult.every((d) => d.equal && d.missingBeacons === 0), docs: docsResult };
}

function delivered(): { keys: string[] } {
  const all = tracker ? [...pastTrackers, tracker] : pastTrackers;
  return { keys: all.flatMap((t) => t.deliveredKeys()) };
}

async function churn(params: ChurnParams): Promise<ChurnResult> {
  const started = performance.now();
  const errors: string[] = [];
  let done = 0;
  let failed = 0;
  const quiet: FrameSink = { onFrame() {}, onUnexpectedClose() {} };
  await pool(params.docs, params.concurrency, async (target) => {
    const client = new ThinClient(-1, -1, target, quiet, true);
    try {
      await client.waitSynced(params.timeoutMs);
      await client.sendUpdateText('x'.repeat(params.chars));
      done++;
    } catch (error) {
      failed++;
      pushError(errors, error);
    } finally {
      client.close();
    }
  });
  return { done, failed, elapsedMs: performance.now() - started, errors };
}

function closeAll(): { closed: number } {
  schedule?.stop();
  const closed = slots.length + seeders.length;
  for (const slot of slots.splice(0)) slot.client.close();
  for (const seeder of seeders.splice(0)) seeder.close();
  return { closed };
}

const handlers: { [M in Method]: (params: GeneratorApi[M]['params']) => GeneratorApi[M]['result'] | Promise<GeneratorApi[M]['result']> } = {
  connect,
  seed,
  startLoad,
  beginMeasure,
  endMeasure,
  report,
  converge,
  delivered,
  counters: () => ({ frames, bytes, at: Date.now() }),
  churn,
  closeAll,
};

if (!process.send) {
  console.error('the load generator is driven over IPC by tests/bench/run.ts');
  process.exit(2);
}
process.on('message', (request: RpcRequest) => {
  const handler = handlers[request.method] as (params: unknown) => unknown;
  Promise.resolve()
    .then(() => handler(request.params))
    .then(
      (result) => process.send!({ id: request.id, result } satisfies RpcResponse),
      (error: unknown) => process.send!({ id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies RpcResponse),
    );
});
// The harness is gone: stop everything rather than load a server nobody measures.
process.on('disconnect', () => process.exit(0));
