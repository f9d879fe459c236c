/** What the slash menu offers, and how a typed query narrows it. Pure, so it can be tested. */
import type { BlockName } from '../../../shared/blocks/attrs';

export interface SlashItem {
  kind: BlockName;
  /** Words that find it after "/", Dutch first; English works too. */
  keywords: readonly string[];
}

export const slashItems: readonly SlashItem[] = [
  { kind: 'action', keywords: ['actie', 'action', 'taak', 'todo'] },
  { kind: 'commitment', keywords: ['toezegging', 'commitment', 'belofte', 'afspraak'] },
  { kind: 'reflection', keywords: ['reflectie', 'reflectiemoment', 'reflection', 'terugblik', 'evaluatie'] },
  { kind: 'criterion', keywords: ['criterium', 'criteria', 'criterion', 'eis', 'weging', 'gunning', 'selectie'] },
];

/** Items whose keywords start with the query first, then those that only contain it. */
export function filterSlashItems(query: string): SlashItem[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...slashItems];
  const starts = slashItems.filter((item) => item.keywords.some((k) => k.startsWith(q)));
  const contains = slashItems.filter((item) => !starts.includes(item) && item.keywords.some((k) => k.includes(q)));
  return [...starts, ...contains];
}
