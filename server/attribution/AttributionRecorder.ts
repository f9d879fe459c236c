/**
 * Summarises the update log into per-party attribution, off the sync hot path: debounced after
 * changes, and always before compaction drops log rows, so history survives compaction and a
 * crash (unsummarised rows are picked up at the next start).
 */
import type { AttributionRepo } from '../db/attribution';
import { countUpdate } from './countUpdate';

export class AttributionRecorder {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly attribution: AttributionRepo,
    private readonly debounceMs = 1_000,
  ) {}

  schedule(documentId: string): void {
    if (this.timers.has(documentId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(documentId);
      this.summarise(documentId);
    }, this.debounceMs);
    timer.unref();
    this.timers.set(documentId, timer);
  }

  /** Summarises every pending row of the document up to `uptoId` (all when omitted); false on failure. */
  summarise(documentId: string, uptoId = Number.MAX_SAFE_INTEGER): boolean {
    try {
      this.attribution.summarise(documentId, uptoId, (row) => {
        try {
          return countUpdate(row.update_bytes);
        } catch {
          // An update that was accepted always decodes; if not, count nothing rather than block compaction.
          return { counts: { charsInserted: 0, charsDeleted: 0, blocksInserted: 0 }, clientIds: [] };
        }
      });
      return true;
    } catch (error) {
      console.error(`[attribution] summarising failed document=${documentId}`, error);
      return false;
    }
  }

  /** At start: documents with log rows a crash left unsummarised. */
  summariseAllPending(): void {
    for (const documentId of this.attribution.documentsWithPending()) this.summarise(documentId);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
