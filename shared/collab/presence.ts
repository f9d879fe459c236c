/**
 * Presence: the awareness field `user`. Whatever a client publishes there, the server replaces
 * it with what it knows of the connection that owns the awareness client id, so every cursor
 * and presence entry names the right person and party.
 */
export interface PresenceUser {
  id: string;
  name: string;
  partyId: string | null;
  /** '' for someone who does not speak for a party. */
  partyName: string;
  /** The party's colour; grey without a party. */
  color: string;
}

/** Grey for people who are not (yet) linked to a party. */
export const noPartyColor = '#6b7280';
