/**
 * The open-loop schedule: every writer has a fixed timetable (period 1/rate, a random phase,
 * uniform jitter) decided independently of how fast anything answers. An event fires at the
 * first timer tick at or after its time and is stamped with the *scheduled* time, so a stalled
 * server or generator shows up as latency instead of silently lowering the offered load
 * (no coordinated omission).
 */
import { performance } from 'node:perf_hooks';

/** Called for each due event with the writer slot and the scheduled time (performance.now ms). */
export type FireEvent = (slot: number, scheduledAt: number) => void;

/** Fires every writer's events at their scheduled times until stopped or the hard limit. */
export class OpenLoopSchedule {
  private readonly next: Float64Array;
  private readonly counts: Uint32Array;
  private readonly periodMs: number;
  private readonly startedAt: number;
  private readonly phases: Float64Array;
  private timer: NodeJS.Timeout | null = null;
  private stopAt: number;

  constructor(
    private readonly writers: number,
    ratePerWriter: number,
    private readonly jitter: number,
    private readonly fire: FireEvent,
    maxDurationMs: number,
  ) {
    this.periodMs = 1000 / ratePerWriter;
    this.startedAt = performance.now() + 5;
    this.stopAt = this.startedAt + maxDurationMs;
    this.next = new Float64Array(writers);
    this.counts = new Uint32Array(writers);
    this.phases = new Float64Array(writers);
    for (let w = 0; w < writers; w++) {
      this.phases[w] = Math.random() * this.periodMs;
      this.next[w] = this.timeOf(w, 0);
    }
  }

  private timeOf(slot: number, k: number): number {
    const jitter = (Math.random() * 2 - 1) * this.jitter * this.periodMs;
    return this.startedAt + this.phases[slot]! + k * this.periodMs + jitter;
  }

  start(): void {
    const tick = () => {
      const now = performance.now();
      const limit = Math.min(now, this.stopAt);
      for (let w = 0; w < this.writers; w++) {
        while (this.next[w]! <= limit) {
          const at = this.next[w]!;
          this.counts[w]! += 1;
          this.next[w] = this.timeOf(w, this.counts[w]!);
          this.fire(w, at);
        }
      }
      if (now >= this.stopAt) {
        this.timer = null;
        return;
      }
      // 1 ms ticks: the timer's own lateness is part of the measured latency, the same for every
      // server, and visible in the null-relay floor.
      this.timer = setTimeout(tick, 1);
    };
    this.timer = setTimeout(tick, 1);
  }

  /** No event scheduled at or after now fires. */
  stop(): void {
    this.stopAt = Math.min(this.stopAt, performance.now());
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
