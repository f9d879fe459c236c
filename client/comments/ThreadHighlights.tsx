/**
 * The highlight of each open thread in its author's party colour. The mark in the text carries
 * only the thread id (`data-thread-id`); the colour comes from the thread list, as a style rule
 * per thread. Resolved threads keep their mark but show no highlight.
 */
import type { ThreadRes } from '../../shared/api/comments';
import { isHexColor, noPartyColor } from '../color';

const safeId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '');

export function ThreadHighlights({ threads, activeId }: { threads: ThreadRes[]; activeId: string | null }) {
  const rules = threads
    .filter((thread) => thread.status === 'open')
    .map((thread) => {
      const color = isHexColor(thread.author.partyColor) ? thread.author.partyColor : noPartyColor;
      const strength = thread.id === activeId ? 40 : 22;
      return `.doc-content [data-thread-id="${safeId(thread.id)}"]{background:color-mix(in srgb, ${color} ${strength}%, transparent);border-bottom:2px solid ${color};}`;
    });
  return <style>{rules.join('\n')}</style>;
}
