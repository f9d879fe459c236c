/**
 * The server is the authority over a commitment's `status`, `confirmedBy` and `confirmedAt`:
 * only the API may change them (after checking that the user speaks for the commitment's
 * party). A change to them that arrives over the socket, or a commitment inserted already
 * confirmed, is put back by a compensating server transaction, so every replica converges on
 * the recorded decision.
 */
import * as Y from 'yjs';
import { forEachXmlElement } from '../../shared/editor/yxml';

/** The recorded state of one commitment; absent means "proposed, by nobody". */
export interface CommitmentAuthority {
  status: 'proposed' | 'confirmed' | 'withdrawn';
  confirmedBy: string | null;
  confirmedAt: string | null;
}

export const guardedCommitmentAttrs = ['status', 'confirmedBy', 'confirmedAt'] as const;
const proposed: CommitmentAuthority = { status: 'proposed', confirmedBy: null, confirmedAt: null };

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

export class CommitmentGuard {
  private readonly authority = new Map<string, CommitmentAuthority>();
  private pending = new Set<Y.XmlElement>();

  constructor(
    private readonly doc: Y.Doc,
    decisions: Iterable<[blockId: string, authority: CommitmentAuthority]>,
    /** Transactions with an origin for which this returns true are checked. */
    private readonly isClientOrigin: (origin: unknown) => boolean,
  ) {
    for (const [blockId, authority] of decisions) this.authority.set(blockId, authority);
    doc.on('afterTransaction', this.inspect);
  }

  /** Records a decision made through the API. */
  setAuthority(blockId: string, authority: CommitmentAuthority): void {
    this.authority.set(blockId, authority);
  }

  authorityFor(blockId: string): CommitmentAuthority {
    return this.authority.get(blockId) ?? proposed;
  }

  /**
   * Puts every commitment touched by the last client transactions back to its recorded state,
   * in one transaction with `origin`. Returns how many commitments were reverted.
   */
  revertPending(origin: unknown): number {
    if (this.pending.size === 0) return 0;
    const touched = [...this.pending];
    this.pending = new Set();
    let reverted = 0;
    this.doc.transact(() => {
      for (const element of touched) {
        if (element._item?.deleted) continue;
        const id = element.getAttribute('id');
        const expected = this.authorityFor(typeof id === 'string' ? id : '');
        let changed = false;
        for (const attr of guardedCommitmentAttrs) {
          const value = expected[attr];
          const current = element.getAttribute(attr) ?? null;
          if (current === value) continue;
          changed = true;
          if (value === null) element.removeAttribute(attr);
          else element.setAttribute(attr, value);
        }
        if (changed) reverted += 1;
      }
    }, origin);
    return reverted;
  }

  /**
   * Puts every commitment in the document to its recorded state (after a restore, which may
   * bring back an old confirmation). Call inside a server transaction.
   */
  enforceAll(fragment: Y.XmlFragment): void {
    forEachXmlElement(fragment, (element) => {
      if (isCommitment(element)) this.pending.add(element);
    });
    this.revertPending(undefined);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.inspect);
  }

  private readonly inspect = (transaction: Y.Transaction): void => {
    if (!this.isClientOrigin(transaction.origin)) return;
    for (const [type, keys] of transaction.changed) {
      if (isCommitment(type) && guardedCommitmentAttrs.some((attr) => keys.has(attr))) this.pending.add(type);
      if (keys.has(null)) insertedCommitments(transaction, type, this.pending);
    }
  };
}
