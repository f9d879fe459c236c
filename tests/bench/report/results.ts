/**
 * The shape of `tests/bench/results/<timestamp>.json`: environment, null-relay floor, and one
 * row per scenario x server x variant x N. Figures a scenario does not produce are null.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerId } from '../servers/catalog';

/** One measured point: scenario x server x variant x N. */
export interface ResultRow {
  scenario: string;
  server: ServerId;
  variant: string;
  n: number;
  p50_ms: number | null;
  p99_ms: number | null;
  p999_ms: number | null;
  max_ms: number | null;
  delivered_per_s: number | null;
  inbound_per_s: number | null;
  cpu_pct: number | null;
  cpu_ms_per_1k_delivered: number | null;
  rss_mb: number | null;
  drops: number | null;
  valid: boolean;
  /** Why the row is not valid (generator gate, drops, convergence, failed joins...). */
  invalid_reason?: string;
  /** Scenario-specific figures (join times, loss after kill -9, KB per connection...). */
  extra?: Record<string, number | string | boolean | null>;
}

/** What the null relay achieved at one point (the floor under every latency). */
export interface FloorEntry {
  scenario: string;
  variant: string;
  n: number;
  p50_ms: number | null;
  p99_ms: number | null;
  p999_ms: number | null;
  max_ms: number | null;
  delivered_per_s: number | null;
  valid: boolean;
}

/** The whole results file. */
export interface BenchReport {
  env: Record<string, unknown>;
  /** What the null relay achieved in the same run: the harness' own share of every latency. */
  floor: { server: 'null'; entries: FloorEntry[] };
  results: ResultRow[];
}

/** Rounds for the JSON (3 decimals) and turns NaN/Infinity into null. */
export function num(value: number | null | undefined, digits = 3): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The null relay's rows, as floor entries. */
export function floorEntries(rows: ResultRow[]): FloorEntry[] {
  return rows
    .filter((r) => r.server === 'null')
    .map((r) => ({
      scenario: r.scenario,
      variant: r.variant,
      n: r.n,
      p50_ms: r.p50_ms,
      p99_ms: r.p99_ms,
      p999_ms: r.p999_ms,
      max_ms: r.max_ms,
      delivered_per_s: r.delivered_per_s,
      valid: r.valid,
    }));
}

/** Writes the report as `<dir>/<timestamp>.json`; returns the file path. */
export function writeReport(dir: string, report: BenchReport, startedAt: Date): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `${stamp}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}
