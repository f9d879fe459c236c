/**
 * Equal turns in a round (issue 14, item 3): whose turn comes next, the order drawn by lot, and
 * speaking time per party. Pure functions; the route stores what they decide.
 */
import { randomInt } from 'node:crypto';
import type { SpeakingTime } from '../../shared/api/sessions';
import type { WorkSessionTurnRow } from '../storage/rows';

/** The party after `current` in `order`; the first when nobody has had a turn; null after the last. */
export function nextInOrder(order: readonly string[], current: string | null): string | null {
  if (current === null) return order[0] ?? null;
  const index = order.indexOf(current);
  // A party taken out of the order while speaking: start again from the top.
  if (index === -1) return order[0] ?? null;
  return order[index + 1] ?? null;
}

/** A fair shuffle (Fisher-Yates with a cryptographic source): nobody can predict who goes first. */
export function drawLots(partyIds: readonly string[]): string[] {
  const order = [...partyIds];
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Turns and speaking time per party, in the order parties first spoke; an open turn counts up to `now`. */
export function speakingTimes(turns: readonly WorkSessionTurnRow[], now: number): SpeakingTime[] {
  const byParty = new Map<string, SpeakingTime>();
  for (const turn of turns) {
    const entry = byParty.get(turn.party_id) ?? { partyId: turn.party_id, turns: 0, ms: 0 };
    entry.turns += 1;
    entry.ms += Math.max(0, (turn.ended_at ?? now) - turn.started_at);
    byParty.set(turn.party_id, entry);
  }
  return [...byParty.values()];
}
