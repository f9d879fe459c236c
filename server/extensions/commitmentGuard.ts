/**
 * Room extension: the server is the authority over a commitment's `status`, `confirmedBy` and
 * `confirmedAt`. Only a command may change them (after the policy checked that the user
 * speaks for the commitment's party). A change to them that arrives over the socket, or a
 * commitment inserted already confirmed, is answered with a compensating server change, so
 * every replica converges on the recorded decision.
 *
 * A confirmation covers the commitment as it was confirmed: its party, text and fields. When
 * any of them changes afterwards, by anyone (a restore too), the server returns it to
 * "proposed" everywhere and records that as a decision of its own; the confirmation stays in
 * the history.
 */
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { forEachXmlElement } from '../../shared/editor/yxml';
import type { AppliedChange, ExtensionRoom, RoomExtension, RoomExtensionFactory } from '../collab/extensions';
import type { Repos } from '../storage/ports';
import { describeFailure, type Logger } from '../support/log';
import { blockContentHash, identityAttrs } from './blockContent';
import { settledTextsUnder } from '../../shared/suggestions/settledText';
import type { CommitmentStatus } from '../../shared/blocks/attrs';

/** The recorded state of one commitment; absent means "proposed, by nobody". */
export interface CommitmentAuthority {
  status: CommitmentStatus;
  confirmedBy: string | null;
  confirmedAt: string | null;
}

export const guardedCommitmentAttrs = ['status', 'confirmedBy', 'confirmedAt'] as const;
const proposed: CommitmentAuthority = { status: 'proposed', confirmedBy: null, confirmedAt: null };
const notCovered = new Set<string>([...identityAttrs, ...guardedCommitmentAttrs]);

/**
 * What a confirmation of this commitment covers: party, text and fields, not who or when, nor
 * text that is only proposed (a suggestion inside it; accepting it changes the text).
 */
export function commitmentContentHash(element: Y.XmlElement): string {
  return blockContentHash(element, notCovered, settledTextsUnder);
}

function isCommitment(type: unknown): type is Y.XmlElement {
  return type instanceof Y.XmlElement && type.nodeName === 'commitment';
}

/** Commitment elements inserted by this transaction, also deep inside inserted elements. */
function insertedCommitments(transaction: Y.Transaction, parent: unknown, into: Set<Y.XmlElement>): void {
  if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) return;
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement) || !child._item) continue;
    const { client, clock } = child._item.id;
    if (clock < (transaction.beforeState.get(client) ?? 0)) continue;
    if (isCommitment(child)) into.add(child);
    forEachXmlElement(child, (element) => {
      if (isCommitment(element)) into.add(element);
    });
  }
}

/** Sets the guarded attributes of each element to its recorded state; call inside a server transaction. */
function enforce(elements: Iterable<Y.XmlElement>, authorityFor: (blockId: string) => CommitmentAuthority): void {
  for (const element of elements) {
    if (element._item?.deleted) continue;
    const id = element.getAttribute('id');
    const expected = authorityFor(typeof id === 'string' ? id : '');
    for (const attr of guardedCommitmentAttrs) {
      const value = expected[attr];
      if ((element.getAttribute(attr) ?? null) === value) continue;
      if (value === null) element.removeAttribute(attr);
      else element.setAttribute(attr, value);
    }
  }
}

export class CommitmentGuard implements RoomExtension {
  private readonly authority = new Map<string, CommitmentAuthority>();
  /** What each confirmation covers, by block id. */
  private readonly covered = new Map<string, string | null>();
  private workspaceId: string | null = null;
  /** Decisions are written in the order they were taken, one after the other. */
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly room: ExtensionRoom,
    private readonly repos: Repos,
    private readonly log: Logger,
  ) {}

  async onLoad(): Promise<void> {
    this.workspaceId = (await this.repos.documents.findById(this.room.documentId))?.workspace_id ?? null;
    for (const d of await this.repos.commitmentDecisions.latestForDocument(this.room.documentId)) {
      const decided = d.status !== 'proposed';
      this.authority.set(d.block_id, {
        status: d.status,
        confirmedBy: decided ? d.user_id : null,
        confirmedAt: decided ? new Date(d.decided_at).toISOString() : null,
      });
      this.covered.set(d.block_id, d.content_hash);
    }
    // A confirmation whose content changed while nobody watched (a crash between the change and
    // its record, or a confirmation made before confirmations covered content) is checked now.
    const stale: Y.XmlElement[] = [];
    forEachXmlElement(this.room.doc.getXmlFragment(DOCUMENT_FRAGMENT), (element) => {
      if (isCommitment(element)) stale.push(element);
    });
    for (const element of stale) this.checkCoverage(element, null, { adoptLegacy: true });
  }

  /**
   * Takes a decision made through a command: in force at once (so a change arriving while it
   * is written is judged against it), a confirmation covering the element as it reads now, and
   * written after every decision taken before it. Resolves with the authority once stored.
   */
  async decide(element: Y.XmlElement, decision: { status: 'confirmed' | 'withdrawn'; userId: string; partyId: string }): Promise<CommitmentAuthority> {
    const blockId = element.getAttribute('id') as string;
    const decidedAt = Date.now();
    const next: CommitmentAuthority = { status: decision.status, confirmedBy: decision.userId, confirmedAt: new Date(decidedAt).toISOString() };
    const contentHash = decision.status === 'confirmed' ? commitmentContentHash(element) : null;
    const previous = { authority: this.authority.get(blockId), covered: this.covered.get(blockId) };
    this.authority.set(blockId, next);
    this.covered.set(blockId, contentHash);
    try {
      await this.write(async () => {
        await this.repos.commitmentDecisions.record({
          document_id: this.room.documentId,
          block_id: blockId,
          status: decision.status,
          user_id: decision.userId,
          party_id: decision.partyId,
          decided_at: decidedAt,
          content_hash: contentHash,
          reason: null,
        });
        await this.audit(decision.userId, decision.status === 'confirmed' ? 'commitment.confirm' : 'commitment.withdraw', { blockId, partyId: decision.partyId });
      });
    } catch (error) {
      // Not recorded, so not decided.
      if (this.authority.get(blockId) === next) {
        if (previous.authority) this.authority.set(blockId, previous.authority);
        else this.authority.delete(blockId);
        this.covered.set(blockId, previous.covered ?? null);
      }
      throw error;
    }
    return next;
  }

  authorityFor(blockId: string): CommitmentAuthority {
    return this.authority.get(blockId) ?? proposed;
  }

  afterApply({ principal, transaction }: AppliedChange) {
    const touched = new Set<Y.XmlElement>();
    const inserted = new Set<Y.XmlElement>();
    const changedContent = new Set<Y.XmlElement>();
    for (const [type, keys] of transaction.changed) {
      if (principal && isCommitment(type) && guardedCommitmentAttrs.some((attr) => keys.has(attr))) touched.add(type);
      if (keys.has(null)) insertedCommitments(transaction, type, inserted);
      if (isCommitment(type)) changedContent.add(type);
    }
    // Text typed anywhere inside a commitment changes what it says.
    for (const type of transaction.changedParentTypes.keys()) if (isCommitment(type)) changedContent.add(type);
    // An inserted commitment is judged by its status alone: a copy of a confirmed one gets a
    // fresh id first (blockRecords), one that comes back unchanged keeps its confirmation.
    if (principal) for (const element of inserted) touched.add(element);
    for (const element of changedContent) if (!inserted.has(element) && this.checkCoverage(element, principal)) touched.add(element);
    if (touched.size === 0) return;
    return () => enforce(touched, (blockId) => this.authorityFor(blockId));
  }

  /**
   * Puts every commitment in the fragment to its recorded state (after a restore, which may
   * bring back an old confirmation, or old words under a confirmation). Call inside a server
   * transaction.
   */
  enforceAll(fragment: Y.XmlFragment): void {
    const all: Y.XmlElement[] = [];
    forEachXmlElement(fragment, (element) => {
      if (isCommitment(element)) all.push(element);
    });
    for (const element of all) this.checkCoverage(element, null);
    enforce(all, (blockId) => this.authorityFor(blockId));
  }

  /**
   * Returns the commitment to "proposed" when it is confirmed and no longer says what was
   * confirmed; true when it did. `principal` is whoever changed it (null: the server).
   */
  private checkCoverage(element: Y.XmlElement, principal: AppliedChange['principal'], options: { adoptLegacy?: boolean } = {}): boolean {
    if (element._item?.deleted) return false;
    const id = element.getAttribute('id');
    if (typeof id !== 'string' || this.authorityFor(id).status !== 'confirmed') return false;
    const now = commitmentContentHash(element);
    const covered = this.covered.get(id);
    if (covered === now) return false;
    if (covered == null && options.adoptLegacy) {
      this.covered.set(id, now);
      return false;
    }
    this.authority.set(id, proposed);
    this.covered.set(id, null);
    void this.recordReopened(id, principal);
    return true;
  }

  private async recordReopened(blockId: string, principal: AppliedChange['principal']): Promise<void> {
    const decidedAt = Date.now();
    try {
      await this.write(async () => {
        await this.repos.commitmentDecisions.record({
          document_id: this.room.documentId,
          block_id: blockId,
          status: 'proposed',
          user_id: principal?.userId ?? null,
          party_id: principal?.partyId ?? null,
          decided_at: decidedAt,
          content_hash: null,
          reason: 'content_changed',
        });
        await this.audit(principal?.userId ?? null, 'commitment.reopened', { blockId, reason: 'content_changed' });
      });
    } catch (error) {
      this.log.error('recording a reopened commitment failed', { document: this.room.documentId, blockId, ...describeFailure(error) });
    }
  }

  private audit(userId: string | null, action: string, detail: unknown): Promise<void> {
    if (!this.workspaceId) return Promise.resolve();
    return this.repos.auditLog.record({ workspaceId: this.workspaceId, documentId: this.room.documentId, userId, action, detail });
  }

  /** Runs `step` after every write queued before it; its failure is the caller's, not the queue's. */
  private write(step: () => Promise<void>): Promise<void> {
    const done = this.writes.then(step);
    this.writes = done.catch(() => undefined);
    return done;
  }

  /** Resolves once every decision taken so far is written (before the room unloads). */
  onUnload(): Promise<void> {
    return this.writes;
  }
}

export function commitmentGuard(repos: Repos, log: Logger): RoomExtensionFactory<CommitmentGuard> {
  return { name: 'commitmentGuard', create: (room) => new CommitmentGuard(room, repos, log) };
}

/** The guard of an open room (every room has one: it is in the server's extension list). */
export function commitmentGuardOf(room: { extension<T extends RoomExtension>(type: abstract new (...args: never[]) => T): T | undefined }): CommitmentGuard {
  const guard = room.extension(CommitmentGuard);
  if (!guard) throw new Error('commitment guard is not installed');
  return guard;
}
