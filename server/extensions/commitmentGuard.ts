/**
 * Room extension: the server is the authority over a commitment's `status`, `confirmedBy` and
 * `confirmedAt`. Only a command may change them (after the policy checked that the user
 * speaks for the commitment's party). A change to them that arrives over the socket, or a
 * commitment inserted already confirmed, is answered with a compensating server change, so
 * every replica converges on the recorded decision.
 */
import * as Y from 'yjs';
import { forEachXmlElement } from '../../shared/editor/yxml';
import type { ExtensionRoom, RoomExtension, RoomExtensionFactory } from '../collab/extensions';
import type { Repos } from '../storage/ports';
import type { CommitmentStatus } from '../../shared/blocks/attrs';

/** The recorded state of one commitment; absent means "proposed, by nobody". */
export interface CommitmentAuthority {
  status: CommitmentStatus;
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

  constructor(
    private readonly room: ExtensionRoom,
    private readonly repos: Repos,
  ) {}

  async onLoad(): Promise<void> {
    for (const d of await this.repos.commitmentDecisions.latestForDocument(this.room.documentId)) {
      const decided = d.status !== 'proposed';
      this.authority.set(d.block_id, {
        status: d.status,
        confirmedBy: decided ? d.user_id : null,
        confirmedAt: decided ? new Date(d.decided_at).toISOString() : null,
      });
    }
  }

  /** Records a decision made through a command. */
  setAuthority(blockId: string, authority: CommitmentAuthority): void {
    this.authority.set(blockId, authority);
  }

  authorityFor(blockId: string): CommitmentAuthority {
    return this.authority.get(blockId) ?? proposed;
  }

  afterApply({ principal, transaction }: Parameters<NonNullable<RoomExtension['afterApply']>>[0]) {
    if (!principal) return;
    const touched = new Set<Y.XmlElement>();
    for (const [type, keys] of transaction.changed) {
      if (isCommitment(type) && guardedCommitmentAttrs.some((attr) => keys.has(attr))) touched.add(type);
      if (keys.has(null)) insertedCommitments(transaction, type, touched);
    }
    if (touched.size === 0) return;
    return () => enforce(touched, (blockId) => this.authorityFor(blockId));
  }

  /**
   * Puts every commitment in the fragment to its recorded state (after a restore, which may
   * bring back an old confirmation). Call inside a server transaction.
   */
  enforceAll(fragment: Y.XmlFragment): void {
    const all: Y.XmlElement[] = [];
    forEachXmlElement(fragment, (element) => {
      if (isCommitment(element)) all.push(element);
    });
    enforce(all, (blockId) => this.authorityFor(blockId));
  }
}

export function commitmentGuard(repos: Repos): RoomExtensionFactory<CommitmentGuard> {
  return { name: 'commitmentGuard', create: (room) => new CommitmentGuard(room, repos) };
}

/** The guard of an open room (every room has one: it is in the server's extension list). */
export function commitmentGuardOf(room: { extension<T extends RoomExtension>(type: abstract new (...args: never[]) => T): T | undefined }): CommitmentGuard {
  const guard = room.extension(CommitmentGuard);
  if (!guard) throw new Error('commitment guard is not installed');
  return guard;
}
