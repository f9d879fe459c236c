/**
 * Command: confirm or withdraw a commitment. The decision is recorded first (the authority),
 * then written into the document by the server, through its room, and stored before the
 * caller answers. Only someone who speaks for the commitment's party may decide (policy).
 */
import { DocumentLoadError } from '../collab/loadDocument';
import type { Services } from '../context';
import { HttpError, NotFoundError } from '../errors';
import { commitmentGuardOf, type CommitmentAuthority } from '../extensions/commitmentGuard';
import type { Membership } from '../policies';
import { authorizeCommitmentDecision } from '../policies';
import { findBlockElement } from '../registers/extractBlocks';
import type { CommitmentStatus } from '../../shared/blocks/attrs';
import type { DocumentRow } from '../storage/rows';

export interface DecideCommitment {
  document: DocumentRow;
  membership: Membership;
  userId: string;
  blockId: string;
  status: Exclude<CommitmentStatus, 'proposed'>;
}

export async function decideCommitment(services: Services, input: DecideCommitment): Promise<CommitmentAuthority> {
  const { registry } = services;
  try {
    return await registry.withRoom(input.document.id, async (room) => {
      const element = findBlockElement(room.doc, 'commitment', input.blockId);
      if (!element) throw new NotFoundError('error.commitmentMissing');
      authorizeCommitmentDecision(input.membership, element.getAttribute('partyId'));
      const next = await commitmentGuardOf(room).decide(element, { status: input.status, userId: input.userId, partyId: input.membership.party_id! });
      // The element may have gone while the decision was recorded; the guard puts it right
      // wherever it is when it comes back.
      await room.applyServerChange(() => {
        if (element._item?.deleted) return;
        element.setAttribute('status', next.status);
        element.setAttribute('confirmedBy', next.confirmedBy!);
        element.setAttribute('confirmedAt', next.confirmedAt!);
      });
      return next;
    });
  } catch (error) {
    if (error instanceof DocumentLoadError) throw new HttpError(503, 'document_unavailable', 'error.documentUnavailable');
    throw error;
  }
}
