/** Who contributed: per party, what it proposed, owns and committed to, so a dominant party shows. */
import type { WorkspaceContribution } from '../../shared/api/registers';
import type { PartyRow, RegisterRow } from '../storage/rows';
import { parseBlockRow } from './blockRow';

export function countContributions(parties: PartyRow[], blocks: RegisterRow[], comments: { party_id: string; comments: number }[] = []): WorkspaceContribution[] {
  const byParty = new Map<string, WorkspaceContribution>(
    parties.map((p) => [
      p.id,
      { partyId: p.id, partyName: p.name, color: p.color, blocksProposed: 0, actionsOwned: 0, commitmentsMade: 0, commitmentsConfirmed: 0, comments: 0 },
    ]),
  );
  for (const row of blocks) {
    if (row.document_archived) continue;
    const block = parseBlockRow(row);
    const proposer = byParty.get(String(block.attrs.createdByParty));
    if (proposer) proposer.blocksProposed += 1;
    if (block.kind === 'action') {
      const owner = byParty.get(String(block.attrs.ownerPartyId));
      if (owner) owner.actionsOwned += 1;
    }
    if (block.kind === 'commitment') {
      const party = byParty.get(String(block.attrs.partyId));
      if (party && block.attrs.status !== 'withdrawn') party.commitmentsMade += 1;
      if (party && block.attrs.status === 'confirmed') party.commitmentsConfirmed += 1;
    }
  }
  for (const row of comments) {
    const party = byParty.get(row.party_id);
    if (party) party.comments += row.comments;
  }
  return [...byParty.values()];
}
