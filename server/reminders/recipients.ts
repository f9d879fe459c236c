/**
 * Who is reminded of a dated block the day before. A reflection moment is for the whole
 * partnership: every member. An action is for whoever owns it: the owner person while they are a
 * member, else the members of the owner party, else the workspace's owners (someone must know).
 * A reflection moment already held and a finished action remind no one.
 */
import type { StoredBlock } from '../registers/blockRow';
import type { MemberWithUserRow } from '../storage/rows';

export function reminderRecipients(block: StoredBlock, members: MemberWithUserRow[]): MemberWithUserRow[] {
  if (!block.valid) return [];
  if (block.kind === 'reflection') return block.attrs.status === 'held' ? [] : members;
  if (block.kind !== 'action' || block.attrs.status === 'done') return [];
  const { ownerUserId, ownerPartyId } = block.attrs;
  const owner = ownerUserId ? members.filter((m) => m.user_id === ownerUserId) : [];
  if (owner.length > 0) return owner;
  const party = ownerPartyId ? members.filter((m) => m.party_id === ownerPartyId) : [];
  if (party.length > 0) return party;
  return members.filter((m) => m.role === 'owner');
}

/** The date a block reminds of: a reflection moment's date, an action's due date. */
export function reminderDate(block: StoredBlock): string | null {
  if (!block.valid) return null;
  if (block.kind === 'reflection') return block.attrs.date ?? null;
  if (block.kind === 'action') return block.attrs.due ?? null;
  return null;
}
