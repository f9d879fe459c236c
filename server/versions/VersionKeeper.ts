/**
 * Creates versions: named ones on request, automatic ones when a changed document has been
 * quiet for a while (or everyone left), and one before every restore. A version is an
 * immutable copy of the Yjs state with its time, author, label and the per-party attribution
 * totals at that moment.
 */
import * as Y from 'yjs';
import type { Repos } from '../db/repos';
import type { VersionKind, VersionRow } from '../db/versions';
import type { Room } from '../collab/Room';
import { partyTotals } from './partyTotals';

interface Pending {
  lastChangedAt: number;
  timer: NodeJS.Timeout | null;
}

export class VersionKeeper {
  private readonly dirty = new Map<string, Pending>();
  /** Called before a version takes its attribution snapshot (summarise the log first). */
  beforeSnapshot: (documentId: string) => void = () => undefined;

  constructor(
    private readonly repos: Repos,
    private readonly quietMs: number,
  ) {}

  /** Hot path: only notes the time; one timer per document checks for quiet later. */
  changed(room: Room): void {
    const now = Date.now();
    const pending = this.dirty.get(room.documentId);
    if (pending) {
      pending.lastChangedAt = now;
      return;
    }
    const entry: Pending = { lastChangedAt: now, timer: null };
    this.dirty.set(room.documentId, entry);
    this.arm(room, entry, this.quietMs);
  }

  /** Everyone left: a changed document is as quiet as it gets. */
  unloading(room: Room): void {
    const pending = this.dirty.get(room.documentId);
    if (!pending) return;
    this.autoVersion(room.documentId, room.doc);
  }

  create(documentId: string, doc: Y.Doc, input: { label: string; kind: VersionKind; userId: string | null }): VersionRow {
    this.beforeSnapshot(documentId);
    const pending = this.dirty.get(documentId);
    if (pending?.timer) clearTimeout(pending.timer);
    this.dirty.delete(documentId);
    return this.repos.versions.create({
      document_id: documentId,
      label: input.label,
      kind: input.kind,
      state: Buffer.from(Y.encodeStateAsUpdate(doc)),
      attribution: JSON.stringify(partyTotals(this.repos.attribution.totals(documentId))),
      created_by: input.userId,
    });
  }

  stop(): void {
    for (const pending of this.dirty.values()) if (pending.timer) clearTimeout(pending.timer);
    this.dirty.clear();
  }

  private arm(room: Room, pending: Pending, delayMs: number): void {
    pending.timer = setTimeout(() => {
      const quietFor = Date.now() - pending.lastChangedAt;
      if (quietFor < this.quietMs) return this.arm(room, pending, this.quietMs - quietFor);
      if (!room.doc.isDestroyed) this.autoVersion(room.documentId, room.doc);
    }, delayMs);
    pending.timer.unref();
  }

  private autoVersion(documentId: string, doc: Y.Doc): void {
    try {
      const label = `Automatisch bewaard ${new Date().toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' })}`;
      this.create(documentId, doc, { label, kind: 'auto', userId: null });
    } catch (error) {
      console.error(`[versions] automatic version failed document=${documentId}`, error);
    }
  }
}
