/**
 * Cards of a private step as the API shows them (shared/api/cards.ts). Which cards a caller gets
 * is decided before (server/policies `canReadCard`); here only what a card shows: an anonymous
 * card carries neither its author's id nor name, to anyone.
 */
import type { SessionCard } from '../../shared/api/cards';
import type { MemberWithUserRow, PartyRow, WorkSessionCardRow } from '../storage/rows';

/** The names a card list needs: the workspace's members, the session's guests, and parties. */
export interface CardNames {
  members: ReadonlyMap<string, Pick<MemberWithUserRow, 'user_id' | 'name'>>;
  parties: ReadonlyMap<string, PartyRow>;
}

export function cardNames(members: readonly Pick<MemberWithUserRow, 'user_id' | 'name'>[], parties: readonly PartyRow[]): CardNames {
  return { members: new Map(members.map((m) => [m.user_id, m])), parties: new Map(parties.map((p) => [p.id, p])) };
}

export function presentCard(row: WorkSessionCardRow, viewerId: string, names: CardNames): SessionCard {
  const anonymous = row.anonymous === 1;
  return {
    id: row.id,
    sessionId: row.session_id,
    stepId: row.step_id,
    text: row.text,
    anonymous,
    createdAt: row.created_at,
    partyId: row.party_id,
    partyName: row.party_id ? (names.parties.get(row.party_id)?.name ?? null) : null,
    author: anonymous || row.author_id === null ? null : { id: row.author_id, name: names.members.get(row.author_id)?.name ?? null },
    mine: row.author_id !== null && row.author_id === viewerId,
  };
}
