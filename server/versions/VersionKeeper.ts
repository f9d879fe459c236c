/**
 * Creates versions: immutable copies of a document's Yjs state with their time, author, label
 * and the per-party attribution totals at that moment. Named ones on request, one before every
 * restore, and automatic ones (the autoVersions room extension decides when).
 */
import * as Y from 'yjs';
import type { AttributionRecorder } from '../attribution/AttributionRecorder';
import type { Repos } from '../storage/ports';
import type { DocumentTimers } from '../support/DocumentTimers';
import type { VersionKind, VersionRow } from '../storage/rows';
import { partyTotals } from './partyTotals';

export class VersionKeeper {
  constructor(
    private readonly repos: Repos,
    private readonly attribution: AttributionRecorder,
    /** The timers of automatic versions: any version makes a pending automatic one redundant. */
    private readonly autoVersionTimers: DocumentTimers,
  ) {}

  /** The state is taken before the first await: the caller may let the document go afterwards. */
  async create(documentId: string, doc: Y.Doc, input: { label: string; kind: VersionKind; userId: string | null }): Promise<VersionRow> {
    const state = Y.encodeStateAsUpdate(doc);
    if (input.kind !== 'auto') this.autoVersionTimers.cancel(documentId);
    // The totals must include everything written up to now.
    await this.attribution.summarise(documentId);
    return this.repos.versions.create({
      document_id: documentId,
      label: input.label,
      kind: input.kind,
      state,
      attribution: JSON.stringify(partyTotals(await this.repos.attribution.totals(documentId))),
      created_by: input.userId,
    });
  }

  /** The label of an automatic version: when it was taken, in Dutch time. */
  static autoLabel(at = new Date()): string {
    return `Automatisch bewaard ${at.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' })}`;
  }
}
