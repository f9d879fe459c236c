/** What the version list says about adoption (vaststelling), for the header and the badges. */
import type { AdoptionState, Version } from '../../shared/api/versions';

export interface AdoptionProgress {
  signed: number;
  total: number;
}

export function adoptionProgress(state: AdoptionState): AdoptionProgress {
  return { signed: state.parties.filter((p) => p.status === 'signed').length, total: state.parties.length };
}

/** The most recently adopted version, if any. */
export function latestAdopted(versions: readonly Version[]): Version | null {
  let best: Version | null = null;
  for (const version of versions) {
    const at = version.adoption?.status === 'adopted' ? version.adoption.adoptedAt : null;
    if (at && (!best || at > (best.adoption?.adoptedAt ?? ''))) best = version;
  }
  return best;
}

/** Versions waiting for signatures, oldest request first. */
export function pendingAdoptions(versions: readonly Version[]): Version[] {
  return versions
    .filter((v) => v.adoption?.status === 'pending')
    .sort((a, b) => (a.adoption?.requestedAt ?? '').localeCompare(b.adoption?.requestedAt ?? ''));
}

/** Pending adoptions that still wait for `partyId` (not signed yet; a decline may be revised). */
export function requestsForParty(versions: readonly Version[], partyId: string | null): Version[] {
  if (!partyId) return [];
  return pendingAdoptions(versions).filter((v) => v.adoption?.parties.some((p) => p.partyId === partyId && p.status !== 'signed'));
}
