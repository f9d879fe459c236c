/** Long unchanged stretches of a diff, shortened so the changes stand out. */
import type { DiffSegment } from '../../shared/api/versions';

export type ShownSegment = DiffSegment | { op: 'gap'; text: string };

/**
 * Keeps `context` characters of unchanged text on each side of a change and replaces the rest
 * with a gap (its text is what was left out, for a title). Cuts at a space when one is near.
 */
export function compactSegments(segments: readonly DiffSegment[], context = 80): ShownSegment[] {
  const shown: ShownSegment[] = [];
  segments.forEach((segment, index) => {
    if (segment.op !== 'equal') {
      shown.push(segment);
      return;
    }
    const keepStart = index > 0 ? context : 0;
    const keepEnd = index < segments.length - 1 ? context : 0;
    const text = segment.text;
    if (text.length <= keepStart + keepEnd + 20) {
      shown.push(segment);
      return;
    }
    const head = cutAfter(text, keepStart);
    const tail = cutBefore(text, text.length - keepEnd);
    if (head) shown.push({ op: 'equal', text: text.slice(0, head) });
    shown.push({ op: 'gap', text: text.slice(head, tail) });
    if (tail < text.length) shown.push({ op: 'equal', text: text.slice(tail) });
  });
  return shown;
}

/** An index near `at` (at most 15 further) just after a space, or `at` itself. */
function cutAfter(text: string, at: number): number {
  if (at === 0) return 0;
  const space = text.indexOf(' ', at);
  return space >= 0 && space - at <= 15 ? space + 1 : at;
}

/** An index near `at` (at most 15 earlier) at a space, or `at` itself. */
function cutBefore(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const space = text.lastIndexOf(' ', at);
  return space >= 0 && at - space <= 15 ? space : at;
}
