/**
 * Console tables: one per scenario, a block of metric lines per point (variant x N), the
 * servers side by side, and last the ratio of ours to the better reference (A or B) for that
 * metric: below 1 means ours is lower (better for times, CPU, memory), above 1 higher (better
 * for throughput). A value from an invalid row is marked `!`, and the reasons follow the table.
 */
import type { ResultRow } from './results';

type Better = 'lower' | 'higher' | null;

interface Metric {
  label: string;
  value(row: ResultRow): number | string | null | undefined;
  better: Better;
}

const field = (label: string, key: keyof ResultRow, better: Better): Metric => ({
  label,
  value: (r) => r[key] as number | null,
  better,
});
const extra = (label: string, key: string, better: Better): Metric => ({
  label,
  value: (r) => r.extra?.[key] as number | string | null | undefined,
  better,
});
const validity: Metric = { label: 'valid', value: (r) => (r.valid ? 'yes' : 'NO'), better: null };

const LOAD: Metric[] = [
  field('p50 ms', 'p50_ms', 'lower'),
  field('p99 ms', 'p99_ms', 'lower'),
  field('p99.9 ms', 'p999_ms', 'lower'),
  field('max ms', 'max_ms', 'lower'),
  field('delivered/s', 'delivered_per_s', 'higher'),
  field('inbound/s', 'inbound_per_s', 'higher'),
  field('server cpu %', 'cpu_pct', 'lower'),
  field('cpu ms/1k deliv', 'cpu_ms_per_1k_delivered', 'lower'),
  extra('loop delay max ms', 'server_loop_delay_max_ms', 'lower'),
  field('rss MB', 'rss_mb', 'lower'),
  field('drops', 'drops', null),
  validity,
];

const METRICS: Record<string, Metric[]> = {
  S1: LOAD,
  S2: LOAD,
  S3: [
    field('inbound/s', 'inbound_per_s', 'higher'),
    field('p99 ms', 'p99_ms', 'lower'),
    field('delivered/s', 'delivered_per_s', 'higher'),
    field('server cpu %', 'cpu_pct', 'lower'),
    field('drops', 'drops', null),
    validity,
  ],
  S4: [
    field('aw p50 ms', 'p50_ms', 'lower'),
    field('aw p99 ms', 'p99_ms', 'lower'),
    field('aw p99.9 ms', 'p999_ms', 'lower'),
    field('aw delivered/s', 'delivered_per_s', 'higher'),
    field('server cpu %', 'cpu_pct', 'lower'),
    field('cpu ms/1k deliv', 'cpu_ms_per_1k_delivered', 'lower'),
    field('rss MB', 'rss_mb', 'lower'),
    validity,
  ],
  S5: [
    field('server cpu %', 'cpu_pct', 'lower'),
    field('frames/s', 'delivered_per_s', 'lower'),
    field('rss MB', 'rss_mb', 'lower'),
    validity,
  ],
  S6: [
    field('join p50 ms', 'p50_ms', 'lower'),
    field('join max ms', 'max_ms', 'lower'),
    extra('loop delay max ms', 'server_loop_delay_max_ms', 'lower'),
    extra('stored KB', 'state_bytes', null),
    validity,
  ],
  S7: [
    extra('join p50 ms', 'join_storm_p50_ms', 'lower'),
    extra('join p99 ms', 'join_storm_p99_ms', 'lower'),
    field('editors p99 ms', 'p99_ms', 'lower'),
    field('editors max ms', 'max_ms', 'lower'),
    field('server cpu %', 'cpu_pct', 'lower'),
    field('drops', 'drops', null),
    validity,
  ],
  S8: [
    extra('baseline rss MB', 'baseline_rss_mb', 'lower'),
    extra('churn rss +MB', 'churn_rss_delta_mb', 'lower'),
    extra('churn heap +MB', 'churn_heap_delta_mb', 'lower'),
    extra('KB/idle conn', 'kb_per_idle_connection', 'lower'),
    extra('KB/idle conn rss', 'kb_per_idle_connection_rss', 'lower'),
    extra('KB/loaded doc', 'kb_per_loaded_document', 'lower'),
    extra('KB/loaded doc rss', 'kb_per_loaded_document_rss', 'lower'),
    field('churn docs/s', 'inbound_per_s', 'higher'),
    validity,
  ],
  S9: [
    field('p50 ms', 'p50_ms', 'lower'),
    field('p99 ms', 'p99_ms', 'lower'),
    { label: 'p99 / no-persist', value: () => null, better: 'lower' },
    field('inbound/s', 'inbound_per_s', 'higher'),
    field('server cpu %', 'cpu_pct', 'lower'),
    field('cpu ms/1k deliv', 'cpu_ms_per_1k_delivered', 'lower'),
    extra('lost after kill -9', 'lost_after_kill9', 'lower'),
    field('drops', 'drops', null),
    validity,
  ],
  S10: [
    field('p50 ms', 'p50_ms', 'lower'),
    field('p99 ms', 'p99_ms', 'lower'),
    field('max ms', 'max_ms', 'lower'),
    extra('deliveries > 50 ms', 'latency_over_50ms', 'lower'),
    extra('seconds w/ stall > 50 ms', 'server_seconds_stalled_over_50ms', 'lower'),
    extra('loop delay max ms', 'server_loop_delay_max_ms', 'lower'),
    field('server cpu %', 'cpu_pct', 'lower'),
    validity,
  ],
  SF: [
    field('failover p50 ms', 'p50_ms', 'lower'),
    field('failover max ms', 'max_ms', 'lower'),
    extra('each kill ms', 'failover_ms_each', null),
    extra('close seen ms', 'close_seen_ms', 'lower'),
    extra('reconnected ms', 'reconnected_ms', 'lower'),
    extra('resynced ms', 'resynced_ms', 'lower'),
    validity,
  ],
};

const TITLES: Record<string, string> = {
  S1: 'S1 fan-out: 1 document, every client 1-3 chars at the given rate + a cursor per edit',
  S2: 'S2 many rooms: documents x clients, one writer each at 0.7 edits/s',
  S3: 'S3 ceiling: 1 document, 20 readers, 4 writers, stepped inbound rate',
  S4: 'S4 cursor storm: awareness only, latency of awareness beacons',
  S5: 'S5 idle presence: presence set, nobody typing',
  S6: 'S6 cold load: new socket -> sync step 2 and the stored content received',
  S7: 'S7 join storm: 16 MB document, 10 editors, 50 joiners within 1 s',
  S8: 'S8 churn: open/edit/close documents; RSS after forced GC',
  S9: 'S9 persistence: S1 load on persistent servers, then kill -9 mid-stream',
  S10: 'S10 large-document editing: S1 at N=20 on the 16 MB document',
  SF: 'SF failover: owner SIGKILLed -> first edit typed after the kill relayed to another client (writer timeline from the kill)',
};

/** Above this share of the window spent waiting for its core, a row is flagged noisy. */
const NOISY_WAIT_PCT = 5;

const SERVER_ORDER = ['null', 'A0', 'A1', 'B0', 'B1', 'C0', 'Cb', 'C1', 'C2', 'CP', 'C3x', 'C2x'];

function format(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '-';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toString();
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** ours / better reference for one metric, or '' when it does not apply; `!` when an invalid row is involved. */
function ratio(metric: Metric, rowsByServer: Map<string, ResultRow>, ours: string | undefined, refs: string[]): string {
  if (!metric.better || !ours) return '';
  const mine = rowsByServer.get(ours);
  const mineValue = mine ? metric.value(mine) : null;
  const candidates = refs
    .map((id) => rowsByServer.get(id))
    .filter((r): r is ResultRow => r !== undefined)
    .map((r) => ({ row: r, value: metric.value(r) }))
    .filter((c): c is { row: ResultRow; value: number } => typeof c.value === 'number' && Number.isFinite(c.value));
  if (!mine || typeof mineValue !== 'number' || !Number.isFinite(mineValue) || candidates.length === 0) return '';
  const best = candidates.reduce((a, b) => ((metric.better === 'lower' ? b.value < a.value : b.value > a.value) ? b : a));
  const mark = mine.valid && best.row.valid ? '' : '!';
  if (best.value === 0) return mineValue === 0 ? `1.00x${mark}` : '';
  // A ratio of a negative delta (memory given back) means nothing.
  if (best.value < 0 || mineValue < 0) return '';
  return `${(mineValue / best.value).toFixed(2)}x${mark}`;
}

/** The persistent server's p99 over its in-memory sibling's in S1 at the same N. */
function noPersistRatio(row: ResultRow, all: ResultRow[]): number | null {
  const sibling = { A1: 'A0', B1: 'B0', C1: 'C0', C2: 'C0' }[row.server as string];
  if (!sibling || row.p99_ms === null) return null;
  const base = all.find((r) => r.scenario === 'S1' && r.server === sibling && r.n === row.n && r.variant === row.variant.replace(/^S1 /, ''));
  return base?.p99_ms ? row.p99_ms / base.p99_ms : null;
}

/** Renders the table of one scenario. */
export function renderScenario(scenario: string, rows: ResultRow[], all: ResultRow[] = rows): string {
  const mine = rows.filter((r) => r.scenario === scenario);
  if (mine.length === 0) return '';
  const metrics = METRICS[scenario] ?? LOAD;
  const servers = SERVER_ORDER.filter((id) => mine.some((r) => r.server === id));
  const ours = ['C1', 'C0', 'C2'].find((id) => servers.includes(id));
  const refs = servers.filter((id) => id.startsWith('A') || id.startsWith('B'));
  const points: string[] = [];
  for (const r of mine) {
    const key = `${r.variant} | n=${r.n}`;
    if (!points.includes(key)) points.push(key);
  }
  const header = ['point', 'metric', ...servers, ours ? `${ours}/best(${refs.join(',') || '-'})` : ''];
  const lines: string[][] = [header];
  const notes: string[] = [];
  for (const point of points) {
    const byServer = new Map(mine.filter((r) => `${r.variant} | n=${r.n}` === point).map((r) => [r.server as string, r]));
    metrics.forEach((metric, i) => {
      const m: Metric =
        metric.label === 'p99 / no-persist' ? { ...metric, value: (r) => noPersistRatio(r, all) } : metric;
      const cells = servers.map((id) => {
        const row = byServer.get(id);
        if (!row) return '';
        const text = format(m.value(row));
        return row.valid || m === validity ? text : `${text}!`;
      });
      lines.push([i === 0 ? point : '', m.label, ...cells, ratio(m, byServer, ours, refs)]);
    });
    for (const [id, row] of byServer) {
      if (!row.valid) notes.push(`  ! ${id} ${point}: ${row.invalid_reason ?? 'invalid'}`);
      const waits = [row.extra?.server_runqueue_wait_pct, row.extra?.generator_runqueue_wait_pct].map((v) => (typeof v === 'number' ? v : 0));
      if (Math.max(...waits) > NOISY_WAIT_PCT)
        notes.push(`  ~ ${id} ${point}: noisy, other processes took the core (server waited ${waits[0]!.toFixed(1)} %, generator ${waits[1]!.toFixed(1)} % of the window)`);
      if (row.extra?.server_unresponsive === true) notes.push(`  ~ ${id} ${point}: server event loop blocked > 10 s at a window edge (saturated): no server CPU/RSS figures`);
    }
  }
  const widths = header.map((_, c) => Math.max(...lines.map((l) => (l[c] ?? '').length)));
  const render = (l: string[]) => l.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const out = [`\n${TITLES[scenario] ?? scenario}`, render(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const l of lines.slice(1)) out.push(render(l));
  if (notes.length > 0) out.push(...notes);
  return out.join('\n');
}
