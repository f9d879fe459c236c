/**
 * A small HdrHistogram-style latency histogram: log-linear buckets over microseconds with
 * 128 sub-buckets per power of two (< 0.8 % relative error), exact below 256 µs, exact max.
 * Constant memory whatever the sample count, and mergeable across clients and processes
 * (its sparse form crosses IPC as plain JSON).
 */

const LINEAR = 256;
const SUB = 128;
const MAX_SHIFT = 40;
const BUCKETS = LINEAR + MAX_SHIFT * SUB;

function indexOf(us: number): number {
  if (us < LINEAR) return us;
  // shift so that (us >> shift) lies in [128, 256): the top 8 bits pick the sub-bucket.
  const shift = 31 - Math.clz32(us) - 7;
  return LINEAR + (shift - 1) * SUB + ((us >>> shift) - SUB);
}

/** Middle of a bucket, in µs: what a percentile falling in that bucket reports. */
function valueOf(index: number): number {
  if (index < LINEAR) return index;
  const shift = Math.floor((index - LINEAR) / SUB) + 1;
  const sub = ((index - LINEAR) % SUB) + SUB;
  const low = sub * 2 ** shift;
  return low + 2 ** shift / 2;
}

/** Sparse serialisable form: `[bucketIndex, count]` pairs plus the exact extremes. */
export interface HistogramData {
  counts: [number, number][];
  total: number;
  maxUs: number;
  sumUs: number;
}

/** Latency samples in log-linear buckets; see the file comment for the precision. */
export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  total = 0;
  maxUs = 0;
  sumUs = 0;

  /** Records one latency in milliseconds (negative values, from clock noise, count as 0). */
  recordMs(ms: number): void {
    const us = Math.max(0, Math.min(Math.round(ms * 1000), 2 ** 31 - 1));
    this.counts[indexOf(us)]! += 1;
    this.total += 1;
    this.sumUs += us;
    if (us > this.maxUs) this.maxUs = us;
  }

  /** Value (ms) below which `p` (0..1) of the samples fall; NaN without samples. */
  percentileMs(p: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(p * this.total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(valueOf(i), this.maxUs) / 1000;
    }
    return this.maxUs / 1000;
  }

  get maxMs(): number {
    return this.total === 0 ? Number.NaN : this.maxUs / 1000;
  }

  get meanMs(): number {
    return this.total === 0 ? Number.NaN : this.sumUs / this.total / 1000;
  }

  /** Samples above `ms` (bucket resolution). */
  countAboveMs(ms: number): number {
    const from = indexOf(Math.round(ms * 1000)) + 1;
    let n = 0;
    for (let i = from; i < BUCKETS; i++) n += this.counts[i]!;
    return n;
  }

  /** Forgets every sample. */
  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.maxUs = 0;
    this.sumUs = 0;
  }

  merge(other: LatencyHistogram | HistogramData): void {
    const data = other instanceof LatencyHistogram ? other.toJSON() : other;
    for (const [index, count] of data.counts) this.counts[index]! += count;
    this.total += data.total;
    this.sumUs += data.sumUs;
    if (data.maxUs > this.maxUs) this.maxUs = data.maxUs;
  }

  toJSON(): HistogramData {
    const counts: [number, number][] = [];
    for (let i = 0; i < BUCKETS; i++) if (this.counts[i]! > 0) counts.push([i, this.counts[i]!]);
    return { counts, total: this.total, maxUs: this.maxUs, sumUs: this.sumUs };
  }

  static from(data: HistogramData): LatencyHistogram {
    const h = new LatencyHistogram();
    h.merge(data);
    return h;
  }
}

/** The percentile summary every table and JSON row uses. */
export interface LatencySummary {
  count: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  p999_ms: number;
  max_ms: number;
}

/** p50/p90/p99/p99.9/max of a histogram, in ms. */
export function summarize(h: LatencyHistogram): LatencySummary {
  return {
    count: h.total,
    p50_ms: h.percentileMs(0.5),
    p90_ms: h.percentileMs(0.9),
    p99_ms: h.percentileMs(0.99),
    p999_ms: h.percentileMs(0.999),
    max_ms: h.maxMs,
  };
}
