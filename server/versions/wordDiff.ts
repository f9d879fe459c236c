/** A word-level diff (longest common subsequence) for showing what changed inside a passage. */
import type { DiffSegment } from '../../shared/api/versions';
import type { KeyedMessage } from '../../shared/i18n/issues';

export type { DiffSegment };

/** Beyond this many cells the LCS table is not worth it: show old and new whole. */
const MAX_CELLS = 2_000_000;

function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t.length > 0);
}

function push(segments: DiffSegment[], op: DiffSegment['op'], text: string): void {
  const last = segments.at(-1);
  if (last && last.op === op) last.text += text;
  else segments.push({ op, text });
}

export function diffWords(before: string, after: string): DiffSegment[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : [];
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...(before ? [{ op: 'delete' as const, text: before }] : []),
      ...(after ? [{ op: 'insert' as const, text: after }] : []),
    ];
  }
  // lengths[i][j] = LCS length of a[i..] and b[j..]
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const segments: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(segments, 'equal', a[i]!);
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) push(segments, 'delete', a[i++]!);
    else push(segments, 'insert', b[j++]!);
  }
  while (i < a.length) push(segments, 'delete', a[i++]!);
  while (j < b.length) push(segments, 'insert', b[j++]!);
  return segments;
}

/**
 * Beyond this many cells of the alignment table a diff is refused: the table takes four bytes
 * a cell (16 million: 64 MB), and its time grows the same way. Counted after the common start
 * and end are set aside, so a small change in a long document costs little.
 */
export const MAX_ALIGN_CELLS = 16_000_000;

/** A diff beyond its caps; the message (a catalogue key) is for the person who asked. */
export class DiffTooLargeError extends Error {
  constructor(readonly keyed: KeyedMessage) {
    super(keyed.key);
    this.name = 'DiffTooLargeError';
  }
}

/** The longest common subsequence of two key sequences, as pairs of indexes (-1: no partner). */
function alignMiddle(before: string[], after: string[]): [number, number][] {
  const lengths = Array.from({ length: before.length + 1 }, () => new Uint32Array(after.length + 1));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      lengths[i]![j] = before[i] === after[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    if (before[i] === after[j]) pairs.push([i++, j++]);
    else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) pairs.push([i++, -1]);
    else pairs.push([-1, j++]);
  }
  while (i < before.length) pairs.push([i++, -1]);
  while (j < after.length) pairs.push([-1, j++]);
  return pairs;
}

/**
 * Aligns two sequences of keys; returns pairs of indexes (-1 where one side has none). A common
 * start and end always belong to a longest common subsequence, so only the middle needs the
 * table. Throws DiffTooLargeError when that middle is beyond MAX_ALIGN_CELLS.
 */
export function alignKeys(before: string[], after: string[]): [number, number][] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const middleBefore = before.slice(head, before.length - tail);
  const middleAfter = after.slice(head, after.length - tail);
  if (middleBefore.length * middleAfter.length > MAX_ALIGN_CELLS) {
    throw new DiffTooLargeError({ key: 'error.diff.tooManyChanged', params: { before: middleBefore.length, after: middleAfter.length } });
  }
  const pairs: [number, number][] = [];
  for (let k = 0; k < head; k++) pairs.push([k, k]);
  for (const [i, j] of alignMiddle(middleBefore, middleAfter)) pairs.push([i < 0 ? -1 : i + head, j < 0 ? -1 : j + head]);
  for (let k = tail; k > 0; k--) pairs.push([before.length - k, after.length - k]);
  return pairs;
}
