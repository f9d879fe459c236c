/**
 * Creates versions: immutable copies of a document's Yjs state with their time, author, label
 * and the per-party attribution totals at that moment. Named ones on request, one before every
 * restore, and automatic ones (the autoVersions room extension decides when).
 *
 * Budgets: a version whose content equals the version before it is not stored again (the
 * existing one is the answer), and each new automatic version thins the older automatic ones
 * (thinning.ts).
 */
import * as Y from 'yjs';
import type { AttributionRecorder } from '../attribution/AttributionRecorder';
import type { WorkerPool } from '../offload/WorkerPool';
import type { Repos } from '../storage/ports';
import type { DocumentTimers } from '../support/DocumentTimers';
import { describeError, type Logger } from '../support/log';
import type { VersionKind, VersionRow } from '../storage/rows';
import { contentHashOfDoc, contentHashOfUpdates } from './contentHash';
import { partyTotals } from './partyTotals';
import { versionsToThin } from './thinning';

export interface KeptVersion {
  version: VersionRow;
  /** False when the content equalled the latest version, which is `version`. */
  created: boolean;
  /** The automatic version with the same content that a named version (or a backup) replaced. */
  replacedId?: string;
}

export interface NewVersion {
  label: string;
  kind: VersionKind;
  userId: string | null;
}

/**
 * States up to this size are hashed on the main thread, from the live document (a few
 * milliseconds); larger ones on a worker, so a huge document does not stall the relay.
 */
const INLINE_HASH_BYTES = 256 * 1024;

export class VersionKeeper {
  /** One version at a time per document: two at once would both miss that the other is a duplicate. */
  private readonly inProgress = new Map<string, Promise<unknown>>();
  /** Versions being stored for documents whose room has already gone (`keepAfterUnload`). */
  private readonly afterUnload = new Set<Promise<unknown>>();

  constructor(
    private readonly repos: Repos,
    private readonly attribution: AttributionRecorder,
    /** The timers of automatic versions: any version makes a pending automatic one redundant. */
    private readonly autoVersionTimers: DocumentTimers,
    private readonly workers: WorkerPool,
    private readonly log: Logger,
  ) {}

  /** The state (and a small document's hash) is taken before the first await: the caller may let the document go afterwards. */
  create(documentId: string, doc: Y.Doc, input: NewVersion): Promise<KeptVersion> {
    const state = Y.encodeStateAsUpdate(doc);
    const inlineHash = state.byteLength <= INLINE_HASH_BYTES ? this.unlessUnreadable(() => contentHashOfDoc(doc)) : null;
    if (input.kind !== 'auto') this.autoVersionTimers.cancel(documentId);
    return this.oneAtATime(documentId, () => this.keep(documentId, state, inlineHash, input));
  }

  /**
   * Stores a version of a room that is unloading without holding the unload up: the state is
   * taken now, the hash and the rows follow. Waiting here held the room in "unloading" while the
   * hash queued on a busy worker (up to its timeout), and a person reopening the document waited
   * for a version nobody was looking at. Failures are logged; shutdown waits in `settled`.
   */
  keepAfterUnload(documentId: string, doc: Y.Doc, input: NewVersion): void {
    const pending = this.create(documentId, doc, input).catch((error: unknown) =>
      this.log.error('automatic version after unload not stored', { documentId, ...describeError(error) }),
    );
    this.afterUnload.add(pending);
    void pending.finally(() => this.afterUnload.delete(pending));
  }

  /** Resolves once every version started by `keepAfterUnload` is stored or has failed. */
  async settled(): Promise<void> {
    while (this.afterUnload.size > 0) await Promise.allSettled([...this.afterUnload]);
  }

  /** The label of an automatic version: when it was taken, in Dutch time. */
  static autoLabel(at = new Date()): string {
    return `Automatisch bewaard ${at.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' })}`;
  }

  private async keep(documentId: string, state: Uint8Array, inlineHash: string | null, input: NewVersion): Promise<KeptVersion> {
    // A small state's hash was taken inline already; null there means it cannot be had, and
    // trying again would only fail again.
    const hash = state.byteLength <= INLINE_HASH_BYTES ? inlineHash : await this.hashOf(state);
    const latest = await this.repos.versions.latestForDocument(documentId);
    if (hash !== null && latest && (latest.content_hash ?? (await this.hashOf(latest.state))) === hash) {
      // The same text under a name, or as a restore's backup, takes the place of its automatic
      // copy: an automatic version may be thinned away later, a named one stays.
      const replaceable = latest.kind === 'auto' && input.kind !== 'auto' && !(await this.repos.adoptions.findRequest(latest.id));
      if (!replaceable) {
        this.log.debug('version not stored again: the content equals the latest version', { documentId, kind: input.kind, versionId: latest.id });
        return { version: latest, created: false };
      }
      const version = await this.store(documentId, state, hash, input);
      await this.repos.versions.deleteAutomatic([latest.id]);
      return { version, created: true, replacedId: latest.id };
    }
    const version = await this.store(documentId, state, hash, input);
    if (input.kind === 'auto') await this.thin(documentId);
    return { version, created: true };
  }

  private async store(documentId: string, state: Uint8Array, hash: string | null, input: NewVersion): Promise<VersionRow> {
    // The totals must include everything written up to now.
    await this.attribution.summarise(documentId);
    return this.repos.versions.create({
      document_id: documentId,
      label: input.label,
      kind: input.kind,
      state,
      attribution: JSON.stringify(partyTotals(await this.repos.attribution.totals(documentId))),
      created_by: input.userId,
      content_hash: hash,
    });
  }

  /** Null when it cannot be had (a worker failed): the version is then stored without one, never lost. */
  private async hashOf(state: Uint8Array): Promise<string | null> {
    if (state.byteLength <= INLINE_HASH_BYTES) return this.unlessUnreadable(() => contentHashOfUpdates([state]));
    // A copy moves to the worker (a memcpy), rather than the serializer copying on this thread.
    const copy = state.slice();
    try {
      return await this.workers.run('contentHash', { updates: [copy] }, [copy.buffer]);
    } catch (error) {
      this.log.warn('content hash not computed: the version is kept without one', describeError(error));
      return null;
    }
  }

  /**
   * A document written outside the editor (a hostile client's foreign types in the fragment)
   * does not read as editor content: its version is kept without a hash, never refused.
   */
  private unlessUnreadable(hash: () => string): string | null {
    try {
      return hash();
    } catch (error) {
      this.log.warn('content hash not computed: the document does not read as editor content', describeError(error));
      return null;
    }
  }

  private async thin(documentId: string): Promise<void> {
    const [versions, requests] = await Promise.all([this.repos.versions.listForDocument(documentId), this.repos.adoptions.requestsForDocument(documentId)]);
    const adopted = new Set(requests.map((r) => r.version_id));
    const ids = versionsToThin(
      versions.map((v) => ({ ...v, adopted: adopted.has(v.id) })),
      Date.now(),
    );
    if (ids.length === 0) return;
    const deleted = await this.repos.versions.deleteAutomatic(ids);
    this.log.info('automatic versions thinned', { documentId, deleted });
  }

  private oneAtATime<T>(documentId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.inProgress.get(documentId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.inProgress.set(documentId, next);
    const forget = () => {
      if (this.inProgress.get(documentId) === next) this.inProgress.delete(documentId);
    };
    next.then(forget, forget);
    return next;
  }
}
