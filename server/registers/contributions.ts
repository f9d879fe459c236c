/** Who contributed: per party, what it proposed, owns and committed to, so a dominant party shows. */
import type { RegisterRow } from '../storage/rows';
import type { PartyRow } from '../storage/rows';

export interface PartyContribution {
  partyId: string;
  partyName: string;
  color: string;
  blocksProposed: number;
  actionsOwned: number;
  commitmentsMade: number;
  commitmentsConfirmed: number;
}

export function countContributions(parties: PartyRow[], blocks: RegisterRow[]): PartyContribution[] {
  const byParty = new Map<string, PartyContribution>(
    parties.map((p) => [
      p.id,
      { partyId: p.id, partyName: p.name, color: p.color, blocksProposed: 0, actionsOwned: 0, commitmentsMade: 0, commitmentsConfirmed: 0 },
    ]),
  );
  for (const block of blocks) {
    if (block.document_archived) continue;
    const attrs = JSON.parse(block.attrs) as Record<string, unknown>;
    const proposer = byParty.get(String(attrs.createdByParty));
    if (proposer) proposer.blocksProposed += 1;
    if (block.kind === 'action') {
      const owner = byParty.get(String(attrs.ownerPartyId));
      if (owner) owner.actionsOwned += 1;
    }
    if (block.kind === 'commitment') {
      const party = byParty.get(String(attrs.partyId));
      if (party && attrs.status !== 'withdrawn') party.commitmentsMade += 1;
      if (party && attrs.status === 'confirmed') party.commitmentsConfirmed += 1;
    }
  }
  return [...byParty.values()];
}
