import { describe, expect, it } from 'vitest';
import type { ActionEntry } from '../../shared/api/registers';
import { filterActions, isFiltered, noActionFilters } from './actionFilters';

function entry(blockId: string, over: Partial<Extract<ActionEntry, { valid: true }>> = {}): ActionEntry {
  return {
    documentId: 'd',
    documentTitle: 'Plan',
    documentArchived: false,
    blockId,
    text: blockId,
    valid: true,
    issues: {},
    createdBy: null,
    createdByParty: null,
    createdByName: null,
    createdByPartyName: null,
    ownerPartyId: null,
    ownerUserId: null,
    due: null,
    status: 'open',
    funding: 'unknown',
    ownerPartyName: null,
    ownerUserName: null,
    overdue: false,
    unowned: true,
    ...over,
  };
}

const entries: ActionEntry[] = [
  entry('a', { ownerPartyId: 'p1', ownerUserId: 'u1', due: '2026-03-01', status: 'in_progress', funding: 'extra', unowned: false }),
  entry('b', { due: '2025-01-10', overdue: true }),
  { ...entry('c', { ownerPartyId: 'p2' }), due: 'morgen', valid: false },
  entry('d', { ownerPartyId: 'p1', due: '2026-01-01', status: 'done', funding: 'existing', unowned: false }),
];
const ids = (list: ActionEntry[]) => list.map((e) => e.blockId);

describe('filterActions', () => {
  it('sorts by due date, undated and invalid dates last', () => {
    expect(ids(filterActions(entries, noActionFilters))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(filterActions(entries, { ...noActionFilters, sort: 'desc' }))).toEqual(['a', 'd', 'b', 'c']);
  });

  it('filters by party, including actions without owner', () => {
    expect(ids(filterActions(entries, { ...noActionFilters, party: 'p1' }))).toEqual(['d', 'a']);
    expect(ids(filterActions(entries, { ...noActionFilters, party: 'none' }))).toEqual(['b']);
  });

  it('filters by person, status, funding and overdue', () => {
    expect(ids(filterActions(entries, { ...noActionFilters, person: 'u1' }))).toEqual(['a']);
    expect(ids(filterActions(entries, { ...noActionFilters, status: 'done' }))).toEqual(['d']);
    expect(ids(filterActions(entries, { ...noActionFilters, funding: 'extra' }))).toEqual(['a']);
    expect(ids(filterActions(entries, { ...noActionFilters, overdueOnly: true }))).toEqual(['b']);
  });

  it('knows when filters are set', () => {
    expect(isFiltered(noActionFilters)).toBe(false);
    expect(isFiltered({ ...noActionFilters, sort: 'desc' })).toBe(false);
    expect(isFiltered({ ...noActionFilters, overdueOnly: true })).toBe(true);
  });
});
