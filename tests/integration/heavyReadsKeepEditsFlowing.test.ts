/**
 * A viewer's diff and PDF export of a 25,000-paragraph document run on worker threads, so the
 * edits of two people typing at the same time keep arriving: every keystroke one editor types
 * must reach the other within RELAY_BOUND_MS, measured from this process, while the diff and
 * the export run. The server runs in its own process (under tsx, as `npm start` runs it), so
 * its event loop is not this test's.
 *
 * The machine is shared (2 cores, other test suites): a keystroke can wait because the
 * server's or this process's main thread was ready to run but had no core. That time is read
 * from /proc/<pid>/schedstat (run-queue wait, in ns) and taken off each latency before the
 * bound is applied; both figures are printed. What stays is time the server spent computing
 * something else while the keystroke waited, which is what a stall is.
 *
 * Before the work went to workers, the same diff stalled the server for 9 s and a PDF of a
 * 7.6 MB document for 5.3 s. No wall-clock assertion on the diff or export themselves: they may
 * take as long as the machine needs; only the relay is bounded.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { addMember, ApiClient, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { readSchedstat } from '../bench/schedstat';
import { withReadOnlyDatabase } from '../helpers/sqliteFile';
import { makeDataDir, spawnServerProcess, type ServerProcess } from '../helpers/startTestServer';

const PARAGRAPHS = 25_000;
const RELAY_BOUND_MS = 50;
/** Each typist types ten characters a second: fast typing, and every character is one update. */
const KEYSTROKE_MS = 100;
const SAMPLE_MS = 2;

let server: ServerProcess;
let workshop: Workshop;

beforeAll(async () => {
  server = await spawnServerProcess(makeDataDir());
  workshop = await buildWorkshop(server.origin);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

type Connected = ReturnType<typeof connectProvider>;

const paragraphText = (doc: Y.Doc, index: number) => (doc.getXmlFragment(DOCUMENT_FRAGMENT).get(index) as Y.XmlElement).get(0) as Y.XmlText;

/** One person typing into their own paragraph, and how late the other person's keystrokes arrive. */
class Typist {
  private readonly sentAt: number[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** Latency of each keystroke of the other typist, in ms, with the time it was sent. */
  readonly received: { sentAt: number; receivedAt: number; latencyMs: number }[] = [];

  constructor(
    readonly client: Connected,
    private readonly own: number,
  ) {}

  /** Watches the paragraph the other one types in. */
  watch(other: Typist): void {
    const text = paragraphText(this.client.doc, other.own);
    let seen = text.length;
    text.observe(() => {
      const now = performance.now();
      for (; seen < text.length; seen++) {
        const sentAt = other.sentAt[seen];
        if (sentAt !== undefined) this.received.push({ sentAt, receivedAt: now, latencyMs: now - sentAt });
      }
    });
  }

  start(): void {
    const text = paragraphText(this.client.doc, this.own);
    this.timer = setInterval(() => {
      this.sentAt[text.length] = performance.now();
      text.insert(text.length, 'x');
    }, KEYSTROKE_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/** Run-queue waits of the server's main thread and of this process's, sampled every SAMPLE_MS. */
class WaitSampler {
  private readonly samples: { at: number; waitNs: number }[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(serverPid: number) {
    this.timer = setInterval(() => {
      const server = readSchedstat(serverPid);
      const self = readSchedstat('self');
      if (server && self) this.samples.push({ at: performance.now(), waitNs: server.waitNs + self.waitNs });
    }, SAMPLE_MS);
  }

  /** Milliseconds both main threads waited for a core between two moments (the samples around them). */
  waitedMs(from: number, to: number): number {
    const before = this.samples.findLast((s) => s.at <= from) ?? this.samples[0];
    const after = this.samples.find((s) => s.at >= to) ?? this.samples.at(-1);
    return before && after ? Math.max(0, (after.waitNs - before.waitNs) / 1e6) : 0;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, p50: Number(at(0.5).toFixed(1)), p99: Number(at(0.99).toFixed(1)), max: Number((sorted.at(-1) ?? 0).toFixed(1)) };
}

test(
  "two editors' keystrokes arrive within 50 ms while a viewer diffs and exports a 25,000-paragraph document",
  async () => {
    const { owner, documentId } = workshop;
    const editorA = await addMember(workshop, server.origin, 'editor', 'Schrijver A');
    const editorB = await addMember(workshop, server.origin, 'editor', 'Schrijver B');
    const viewer = await addMember(workshop, server.origin, 'viewer', 'Lezer');

    // The document: 25,000 paragraphs in one update, written by the owner's client, which then
    // leaves; the room unloads and folds the update into the snapshot, as a long-lived document
    // is stored.
    const builder = connectProvider(documentId, { cookie: owner.cookie, origin: server.origin });
    await waitForSync(builder.provider);
    builder.doc.transact(() => {
      const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(`Alinea ${i}: de gemeente, bewoners en sociale ondernemers werken samen aan dagbesteding.`)]);
        return paragraph;
      });
      builder.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, paragraphs);
    });
    const logRows = () =>
      withReadOnlyDatabase(server.dataDir, (db) => ({
        updates: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM document_updates WHERE document_id = ?').get(documentId)!.n,
        snapshotBytes: db.prepare<[string], { n: number }>('SELECT coalesce(sum(length(state)), 0) AS n FROM document_snapshots WHERE document_id = ?').get(documentId)!.n,
      }));
    await eventually(() => expect(logRows().updates).toBeGreaterThan(0), 60_000);
    builder.provider.destroy();
    await eventually(() => expect(logRows()).toMatchObject({ updates: 0, snapshotBytes: expect.any(Number) as number }), 60_000);
    expect(logRows().snapshotBytes).toBeGreaterThan(2_000_000);

    const a = new Typist(connectProvider(documentId, { cookie: editorA.cookie, origin: server.origin }), 0);
    const b = new Typist(connectProvider(documentId, { cookie: editorB.cookie, origin: server.origin }), 1);
    await Promise.all([waitForSync(a.client.provider, 60_000), waitForSync(b.client.provider, 60_000)]);
    for (const typist of [a, b]) expect(typist.client.doc.getXmlFragment(DOCUMENT_FRAGMENT).length).toBe(PARAGRAPHS);
    const version = await owner.post(`/api/documents/${documentId}/versions`, { label: 'Groot concept' });
    expect(version.status).toBe(201);
    a.watch(b);
    b.watch(a);

    const sampler = new WaitSampler(server.child.pid!);
    // A quiet spell first: what the relay costs without heavy reads.
    a.start();
    b.start();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const baselineUntil = performance.now();

    const heavyStart = performance.now();
    const [diff, pdf] = await Promise.all([
      timed(viewer, `/api/documents/${documentId}/versions/${version.body.id}/diff?against=current`),
      timed(viewer, `/api/documents/${documentId}/export?format=pdf`),
    ]);
    const heavyEnd = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 500));
    a.stop();
    b.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    sampler.stop();

    const all = [...a.received, ...b.received].map((r) => ({ ...r, waitedMs: sampler.waitedMs(r.sentAt, r.receivedAt) }));
    const during = all.filter((r) => r.sentAt >= heavyStart && r.sentAt <= heavyEnd);
    const baseline = all.filter((r) => r.sentAt < baselineUntil);
    const worked = (rs: typeof all) => rs.map((r) => Math.max(0, r.latencyMs - r.waitedMs));
    console.info(
      `[relay while heavy reads run] baseline: raw ${JSON.stringify(summary(baseline.map((r) => r.latencyMs)))} ms, less core waits ${JSON.stringify(summary(worked(baseline)))} ms; ` +
        `during diff+pdf: raw ${JSON.stringify(summary(during.map((r) => r.latencyMs)))} ms, less core waits ${JSON.stringify(summary(worked(during)))} ms; ` +
        `diff ${diff.status} in ${diff.ms} ms (${diff.bytes} bytes), pdf ${pdf.status} in ${pdf.ms} ms (${pdf.bytes} bytes)`,
    );

    expect(diff.status).toBe(200);
    expect(pdf.status).toBe(200);
    // The heavy reads overlapped the typing: a good many keystrokes were sent while they ran.
    expect(during.length).toBeGreaterThan(20);
    // Every keystroke sent while they ran arrived.
    expect(Math.max(...worked(during))).toBeLessThan(RELAY_BOUND_MS);
    a.client.provider.destroy();
    b.client.provider.destroy();
  },
  180_000,
);

async function timed(client: ApiClient, path: string): Promise<{ status: number; ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(client.origin + path, { headers: { cookie: client.cookie!, origin: client.origin } });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { status: response.status, ms: Math.round(performance.now() - started), bytes };
}
