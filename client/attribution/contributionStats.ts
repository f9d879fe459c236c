/** The numbers behind the contributions view of one document: bars, the dominant party, days. */
import type { ContributionDay, DocumentContribution } from '../../shared/api/attribution';
import { dominanceThreshold } from '../workspace/contributionShares';

export const contributionMetrics = ['charsInserted', 'charsDeleted', 'blocksProposed', 'commitmentsMade'] as const;
export type ContributionMetric = (typeof contributionMetrics)[number];

export interface Bar {
  party: DocumentContribution;
  value: number;
  /** Percent of the largest value of this metric (0-100). */
  width: number;
}

/** One bar per party for a metric, proportional to the largest; parties in the order given. */
export function metricBars(parties: readonly DocumentContribution[], metric: ContributionMetric): Bar[] {
  const max = Math.max(0, ...parties.map((p) => p[metric]));
  return parties.map((party) => ({ party, value: party[metric], width: max === 0 ? 0 : (party[metric] / max) * 100 }));
}

export interface Dominance {
  party: DocumentContribution;
  /** Whole percent of all characters written. */
  share: number;
}

/** Each party's whole-percent share of the characters written, largest first. */
export function writingShares(parties: readonly DocumentContribution[]): Dominance[] {
  const total = parties.reduce((n, p) => n + p.charsInserted, 0);
  if (total === 0) return [];
  return parties
    .map((party) => ({ party, share: Math.round((party.charsInserted / total) * 100) }))
    .sort((a, b) => b.share - a.share);
}

/**
 * The party that wrote more than half of the text and clearly more than its fair share (1.4
 * times it: with two parties 70%), while others are at the table; or null.
 */
export function dominantWriter(parties: readonly DocumentContribution[]): Dominance | null {
  if (parties.length < 2) return null;
  const top = writingShares(parties)[0];
  if (!top) return null;
  return top.share > Math.max(dominanceThreshold, 140 / parties.length) ? top : null;
}

export interface DayCell {
  charsInserted: number;
  charsDeleted: number;
  people: string[];
}

export interface DayRow {
  day: string;
  /** By party id; '' for people without a party. */
  cells: Map<string, DayCell>;
}

/** The timeline per day (oldest first), summed per party, with the people who wrote. */
export function timelineByDay(timeline: readonly ContributionDay[]): DayRow[] {
  const days = new Map<string, DayRow>();
  for (const entry of timeline) {
    const row = days.get(entry.day) ?? { day: entry.day, cells: new Map<string, DayCell>() };
    const key = entry.partyId ?? '';
    const cell = row.cells.get(key) ?? { charsInserted: 0, charsDeleted: 0, people: [] };
    cell.charsInserted += entry.charsInserted;
    cell.charsDeleted += entry.charsDeleted;
    if (entry.userName && !cell.people.includes(entry.userName)) cell.people.push(entry.userName);
    row.cells.set(key, cell);
    days.set(entry.day, row);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** The largest number of characters one party wrote on one day, for scaling the day bars. */
export function largestDay(rows: readonly DayRow[]): number {
  let max = 0;
  for (const row of rows) for (const cell of row.cells.values()) max = Math.max(max, cell.charsInserted);
  return max;
}
