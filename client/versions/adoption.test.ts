import { describe, expect, it } from 'vitest';
import type { AdoptionState, PartySignOff, Version } from '../../shared/api/versions';
import { adoptionProgress, latestAdopted, pendingAdoptions, requestsForParty } from './adoption';

const party = (partyId: string, status: PartySignOff['status'], at: string | null = null): PartySignOff => ({
  partyId,
  partyName: partyId,
  color: '#123456',
  status,
  userId: status === 'pending' ? null : 'u',
  userName: status === 'pending' ? null : 'Iemand',
  at,
  reason: status === 'declined' ? 'Nog niet' : null,
});

function version(id: string, adoption: Partial<AdoptionState> | null): Version {
  return {
    id,
    documentId: 'd',
    label: id,
    kind: 'manual',
    createdAt: '2026-01-01T10:00:00.000Z',
    createdBy: 'u',
    createdByName: 'Iemand',
    attribution: [],
    adoption: adoption
      ? { status: 'pending', requestedBy: 'o', requestedByName: 'Eigenaar', requestedAt: '2026-01-01T10:00:00.000Z', adoptedAt: null, parties: [], ...adoption }
      : null,
  };
}

describe('adoption helpers', () => {
  const adoptedEarly = version('early', { status: 'adopted', adoptedAt: '2026-01-02T10:00:00.000Z', parties: [party('p1', 'signed', '2026-01-02T10:00:00.000Z')] });
  const adoptedLate = version('late', { status: 'adopted', adoptedAt: '2026-02-02T10:00:00.000Z', parties: [party('p1', 'signed', '2026-02-02T10:00:00.000Z')] });
  const waiting = version('waiting', { requestedAt: '2026-03-01T10:00:00.000Z', parties: [party('p1', 'signed'), party('p2', 'declined'), party('p3', 'pending')] });
  const older = version('older', { requestedAt: '2026-02-01T10:00:00.000Z', parties: [party('p2', 'pending')] });
  const plain = version('plain', null);
  const versions = [waiting, plain, adoptedLate, older, adoptedEarly];

  it('counts signed parties', () => {
    expect(adoptionProgress(waiting.adoption!)).toEqual({ signed: 1, total: 3 });
  });

  it('finds the latest adopted version, whatever the list order', () => {
    expect(latestAdopted(versions)?.id).toBe('late');
    expect(latestAdopted([waiting, plain])).toBeNull();
  });

  it('lists pending adoptions oldest first', () => {
    expect(pendingAdoptions(versions).map((v) => v.id)).toEqual(['older', 'waiting']);
  });

  it('asks a party only where it has not signed yet, a decline included', () => {
    expect(requestsForParty(versions, 'p1')).toEqual([]);
    expect(requestsForParty(versions, 'p2').map((v) => v.id)).toEqual(['older', 'waiting']);
    expect(requestsForParty(versions, 'p3').map((v) => v.id)).toEqual(['waiting']);
    expect(requestsForParty(versions, null)).toEqual([]);
  });
});
