/**
 * Which automatic versions to let go as they age, so a document edited for months keeps a
 * useful history without a copy for every quiet spell:
 * - younger than 24 hours: every one;
 * - from 24 hours to 7 days old: the newest of each clock hour;
 * - older than 7 days: the newest of each calendar day (Dutch time).
 * Named versions, versions kept before a restore and versions with an adoption request are
 * never thinned.
 */
import type { VersionKind } from '../storage/rows';

export interface ThinnableVersion {
  id: string;
  kind: VersionKind;
  created_at: number;
  /** An adoption request names it. */
  adopted: boolean;
}

const HOUR_MS = 60 * 60 * 1000;
export const KEEP_ALL_MS = 24 * HOUR_MS;
export const KEEP_HOURLY_MS = 7 * 24 * HOUR_MS;

const dutchDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The bucket an automatic version of this age belongs to; null: kept whatever else there is. */
function bucketOf(createdAt: number, now: number): string | null {
  const age = now - createdAt;
  if (age < KEEP_ALL_MS) return null;
  if (age < KEEP_HOURLY_MS) return `hour:${Math.floor(createdAt / HOUR_MS)}`;
  return `day:${dutchDay.format(createdAt)}`;
}

/** The ids of the automatic versions to delete: all but the newest in each bucket. */
export function versionsToThin(versions: readonly ThinnableVersion[], now: number): string[] {
  const newestFirst = versions.filter((v) => v.kind === 'auto' && !v.adopted).sort((a, b) => b.created_at - a.created_at);
  const kept = new Set<string>();
  const thinned: string[] = [];
  for (const version of newestFirst) {
    const bucket = bucketOf(version.created_at, now);
    if (bucket === null) continue;
    if (kept.has(bucket)) thinned.push(version.id);
    else kept.add(bucket);
  }
  return thinned;
}
