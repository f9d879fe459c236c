/** A fresh block as Tiptap JSON: a new id, who inserted it, and the defaults of shared/blocks. */
import type { JSONContent } from '@tiptap/core';
import { blockDefaults, type BlockName } from '../../../shared/blocks/attrs';
import type { BlockIdentity } from './BlockContext';

export function newBlockId(): string {
  return crypto.randomUUID();
}

export function buildBlock(kind: BlockName, identity: BlockIdentity): JSONContent {
  const attrs: Record<string, unknown> = {
    ...blockDefaults[kind],
    id: newBlockId(),
    createdBy: identity.userId,
    createdByParty: identity.partyId,
  };
  // A commitment is usually made on behalf of one's own party.
  if (kind === 'commitment') attrs.partyId = identity.partyId;
  return { type: kind, attrs, content: [{ type: 'paragraph' }] };
}
