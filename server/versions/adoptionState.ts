/** The state of a version's adoption, from its request and its append-only decisions. */
import type { AdoptionDecisionRow, AdoptionRequestRow } from '../storage/rows';
import type { AdoptionState, PartySignOff } from '../../shared/api/versions';
import type { NameBook } from '../presenters/registers';

export type { AdoptionState, PartySignOff };

/** Still waiting for a party's signature (not yet adopted). */
export function isAdoptionOpen(request: AdoptionRequestRow, decisions: AdoptionDecisionRow[]): boolean {
  return adoptionState(request, decisions, { parties: new Map(), users: new Map() }).status !== 'adopted';
}

export function adoptionState(request: AdoptionRequestRow, decisions: AdoptionDecisionRow[], names: NameBook): AdoptionState {
  const partyIds = JSON.parse(request.party_ids) as string[];
  // The latest decision of each party counts; earlier ones stay in the log.
  const latest = new Map<string, AdoptionDecisionRow>();
  for (const decision of decisions) latest.set(decision.party_id, decision);
  const parties = partyIds.map((partyId): PartySignOff => {
    const decision = latest.get(partyId);
    const party = names.parties.get(partyId);
    return {
      partyId,
      partyName: party?.name ?? 'onbekende partij',
      color: party?.color ?? '#6b7280',
      status: decision ? decision.decision : 'pending',
      userId: decision?.user_id ?? null,
      userName: decision ? (names.users.get(decision.user_id) ?? null) : null,
      at: decision ? new Date(decision.decided_at).toISOString() : null,
      reason: decision?.reason ?? null,
    };
  });
  const adopted = parties.length > 0 && parties.every((p) => p.status === 'signed');
  const adoptedAt = adopted ? parties.map((p) => p.at!).sort().at(-1)! : null;
  return {
    status: adopted ? 'adopted' : 'pending',
    requestedBy: request.requested_by,
    requestedByName: names.users.get(request.requested_by) ?? null,
    requestedAt: new Date(request.requested_at).toISOString(),
    adoptedAt,
    parties,
  };
}
