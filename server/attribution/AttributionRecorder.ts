/**
 * Summarises the update log into per-party attribution, so history survives compaction and a
 * crash (unsummarised rows are picked up at the next start). When to summarise is the
 * attribution room extension's business: after changes, and always before compaction.
 */
import type { AttributionRepo } from '../storage/ports';
import { describeFailure, type Logger } from '../support/log';
import { countUpdate } from './countUpdate';

export class AttributionRecorder {
  constructor(
    private readonly attribution: AttributionRepo,
    private readonly logger: Logger,
  ) {}

  /** Summarises every pending row of the document up to `uptoId` (all when omitted); false on failure. */
  async summarise(documentId: string, uptoId = Number.MAX_SAFE_INTEGER): Promise<boolean> {
    try {
      await this.attribution.summarise(documentId, uptoId, (row) => {
        try {
          return countUpdate(row.update_bytes);
        } catch {
          // An update that was accepted always decodes; if not, count nothing rather than block compaction.
          return { counts: { charsInserted: 0, charsDeleted: 0, blocksInserted: 0 }, clientIds: [] };
        }
      });
      return true;
    } catch (error) {
      this.logger.error('summarising attribution failed', { document: documentId, ...describeFailure(error) });
      return false;
    }
  }

  /** At start: documents with log rows a crash left unsummarised. */
  async summariseAllPending(): Promise<void> {
    for (const documentId of await this.attribution.documentsWithPending()) await this.summarise(documentId);
  }
}
