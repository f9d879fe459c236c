/**
 * Counting a poll (issue 14, item 5): per person (every ballot as cast, added up) and with every
 * party weighing the same whatever the number of people it brought (each party's ballots
 * averaged, the averages added up). People without a party count as one group of their own.
 * Pure: options and ballots in, results out; who cast a ballot is not an input, so it cannot
 * come out.
 */
import type { ConsentReason, OptionResult, PartyResult, StanceCounts } from '../../shared/api/polls';
import { consentStances, type ConsentStance, type PollKind } from '../../shared/sessions/polls';

export interface CountedOption {
  id: string;
  label: string;
  blockId: string | null;
}

export interface CountedBallot {
  partyId: string | null;
  /** Every option once: a number, or a stance in a consent poll. */
  allocations: readonly { optionId: string; value: number | ConsentStance }[];
  reason: string | null;
}

export interface PollCount {
  ballots: number;
  parties: number;
  options: OptionResult[];
  byParty: PartyResult[];
  reasons: ConsentReason[];
}

const noStances = (): StanceCounts => ({ consent: 0, discuss: 0, object: 0 });
const percent = (part: number, whole: number) => (whole === 0 ? 0 : (part / whole) * 100);

/**
 * The ballots per party, ordered by party id with the people without a party last: ballots come
 * in no meaningful order (an anonymous poll's must not), so the order is the parties' own.
 */
function groupByParty(ballots: readonly CountedBallot[]): Map<string | null, CountedBallot[]> {
  const groups = new Map<string | null, CountedBallot[]>();
  const ids = [...new Set(ballots.map((b) => b.partyId))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  for (const id of ids) groups.set(id, ballots.filter((b) => b.partyId === id));
  return groups;
}

function numberOf(ballot: CountedBallot, optionId: string): number {
  const value = ballot.allocations.find((a) => a.optionId === optionId)?.value;
  return typeof value === 'number' ? value : 0;
}

function stancesOf(ballots: readonly CountedBallot[], optionId: string): StanceCounts {
  const counts = noStances();
  for (const ballot of ballots) {
    const value = ballot.allocations.find((a) => a.optionId === optionId)?.value;
    if (typeof value === 'string') counts[value] += 1;
  }
  return counts;
}

export function countPoll(kind: PollKind, options: readonly CountedOption[], ballots: readonly CountedBallot[], withPartyOfReason: boolean): PollCount {
  const groups = groupByParty(ballots);
  const consent = kind === 'consent';
  const byParty: PartyResult[] = [...groups].map(([partyId, own]) => ({
    partyId,
    ballots: own.length,
    perOption: options.map((option) =>
      consent
        ? { optionId: option.id, value: 0, stances: stancesOf(own, option.id) }
        : { optionId: option.id, value: own.reduce((sum, b) => sum + numberOf(b, option.id), 0) / own.length, stances: null },
    ),
  }));
  const perPerson = options.map((option) => ballots.reduce((sum, b) => sum + numberOf(b, option.id), 0));
  const partyEqual = options.map((_, i) => byParty.reduce((sum, party) => sum + party.perOption[i]!.value, 0));
  const personTotal = perPerson.reduce((a, b) => a + b, 0);
  const partyTotal = partyEqual.reduce((a, b) => a + b, 0);
  const results: OptionResult[] = options.map((option, i) => ({
    optionId: option.id,
    label: option.label,
    blockId: option.blockId,
    perPerson: perPerson[i]!,
    partyEqual: partyEqual[i]!,
    perPersonShare: percent(perPerson[i]!, personTotal),
    partyEqualShare: percent(partyEqual[i]!, partyTotal),
    stances: consent ? stancesOf(ballots, option.id) : null,
    stancesPartyEqual: consent ? partyEqualStances(byParty, i) : null,
  }));
  const reasons = consent
    ? ballots.filter((b) => b.reason).map((b) => ({ partyId: withPartyOfReason ? b.partyId : null, reason: b.reason! }))
    : [];
  return { ballots: ballots.length, parties: groups.size, options: results, byParty, reasons };
}

/** Each party's stances as fractions of its ballots (each party adds up to 1), added up over the parties. */
function partyEqualStances(byParty: readonly PartyResult[], optionIndex: number): StanceCounts {
  const total = noStances();
  for (const party of byParty) {
    const stances = party.perOption[optionIndex]!.stances!;
    for (const stance of consentStances) total[stance] += stances[stance] / party.ballots;
  }
  return total;
}
