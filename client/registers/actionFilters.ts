/** Filtering and sorting of the Acties register. Pure, so it can be tested without a browser. */
import type { ActionEntry } from '../../shared/api/registers';
import { isIsoDate } from '../blocks/dates';

export interface ActionFilters {
  /** '' = all parties, 'none' = without owner, else a party id. */
  party: string;
  /** '' = everyone, else a user id. */
  person: string;
  status: string;
  funding: string;
  overdueOnly: boolean;
  sort: 'asc' | 'desc';
}

export const noActionFilters: ActionFilters = { party: '', person: '', status: '', funding: '', overdueOnly: false, sort: 'asc' };

export function isFiltered(filters: ActionFilters): boolean {
  return filters.party !== '' || filters.person !== '' || filters.status !== '' || filters.funding !== '' || filters.overdueOnly;
}

function matches(entry: ActionEntry, f: ActionFilters): boolean {
  if (f.party === 'none' && entry.ownerPartyId) return false;
  if (f.party && f.party !== 'none' && entry.ownerPartyId !== f.party) return false;
  if (f.person && entry.ownerUserId !== f.person) return false;
  if (f.status && entry.status !== f.status) return false;
  if (f.funding && entry.funding !== f.funding) return false;
  if (f.overdueOnly && !(entry.overdue && isIsoDate(entry.due))) return false;
  return true;
}

/** By due date; actions without a (valid) date come last either way. */
function byDue(direction: 'asc' | 'desc') {
  const sign = direction === 'asc' ? 1 : -1;
  const dated = (e: ActionEntry) => (isIsoDate(e.due) ? e.due : null);
  return (a: ActionEntry, b: ActionEntry) => {
    const da = dated(a);
    const db = dated(b);
    if (da === db) return 0;
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -sign : sign;
  };
}

export function filterActions(entries: readonly ActionEntry[], filters: ActionFilters): ActionEntry[] {
  return entries.filter((e) => matches(e, filters)).sort(byDue(filters.sort));
}
