/**
 * Writes a suggestion edit's text changes into Yjs exactly where they were made, before the Yjs
 * binding sees the edit. The binding (y-prosemirror's `updateYText`) compares a paragraph's old
 * and new text as plain strings, longest common start first, and then lays the new marks over
 * the result by position. When the edit sits next to the same letter, that puts the change on
 * the wrong character: typing "p" before "plan" inserts the new "p" after the old one and moves
 * the insertion mark onto the old "p"; removing one's own "a" before a settled "a" deletes the
 * settled one. Harmless in ordinary editing, but in suggestion mode the server judges which
 * character changed, and refuses both (4425, 4424).
 *
 * So the text is compared character by character *with its marks*: what is the same, mark and
 * all, at the start and the end stays; in the middle a character keeps its place (only its
 * removal mark may change) when it is the same letter under the same insertion mark, since a
 * suggestion edit never changes what a kept character proposes; the rest is deleted and
 * inserted. Once Yjs holds the new text, the binding finds the paragraph equal and writes
 * nothing of its own.
 *
 * Only paragraphs whose text changed and that are one Yjs text each (no line breaks or other
 * inline nodes); anything else is left to the binding, as are paragraphs added or removed.
 */
import type { Mark, Node as PmNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { SUGGESTION_INSERT_MARK } from '../../../shared/suggestions/suggestionMarks';

/** The binding's map from Yjs types to the ProseMirror nodes they show. */
export type BindingMapping = Map<unknown, unknown>;

type Attributes = Record<string, unknown>;

/** One character (a code point: an emoji is one, two UTF-16 units long) with its marks. */
interface Cell {
  char: string;
  attributes: Attributes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a).filter((key) => (a as Attributes)[key] !== undefined && (a as Attributes)[key] !== null);
  const keysB = Object.keys(b).filter((key) => (b as Attributes)[key] !== undefined && (b as Attributes)[key] !== null);
  return keysA.length === keysB.length && keysA.every((key) => sameValue((a as Attributes)[key], (b as Attributes)[key]));
}

const sameCell = (a: Cell, b: Cell) => a.char === b.char && sameValue(a.attributes, b.attributes);
const keptCell = (a: Cell, b: Cell) => a.char === b.char && sameValue(a.attributes[SUGGESTION_INSERT_MARK] ?? null, b.attributes[SUGGESTION_INSERT_MARK] ?? null);

/** Marks as the binding stores them: one attribute per mark, its attrs as the value; null when a mark may overlap itself (the binding names those otherwise). */
function attributesOf(marks: readonly Mark[]): Attributes | null {
  const attributes: Attributes = {};
  for (const mark of marks) {
    if (!mark.type.excludes(mark.type)) return null;
    attributes[mark.type.name] = mark.attrs;
  }
  return attributes;
}

function cellsOfBlock(block: PmNode): Cell[] | null {
  const cells: Cell[] = [];
  for (let i = 0; i < block.childCount; i++) {
    const child = block.child(i);
    const attributes = child.isText ? attributesOf(child.marks) : null;
    if (!attributes) return null;
    for (const char of child.text!) cells.push({ char, attributes });
  }
  return cells;
}

function cellsOfText(text: Y.XmlText): Cell[] | null {
  const cells: Cell[] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: Attributes }[]) {
    if (typeof op.insert !== 'string') return null;
    for (const char of op.insert) cells.push({ char, attributes: op.attributes ?? {} });
  }
  return cells;
}

function textblocks(doc: PmNode): PmNode[] {
  const found: PmNode[] = [];
  doc.descendants((node) => {
    if (node.isTextblock) found.push(node);
    return !node.isTextblock;
  });
  return found;
}

/** The attributes that turn `from` into exactly `to` (absent ones set to null). */
function formatting(from: Attributes, to: Attributes): Attributes {
  const change: Attributes = { ...to };
  for (const key of Object.keys(from)) if (!(key in to)) change[key] = null;
  return change;
}

/** The UTF-16 length of cells, as Yjs counts positions. */
const unitsOf = (cells: readonly Cell[]) => cells.reduce((sum, cell) => sum + cell.char.length, 0);

/** Writes `after` into `text`, which holds `before`, by the rule above. */
function writeCells(text: Y.XmlText, before: Cell[], after: Cell[]): void {
  let start = 0;
  while (start < before.length && start < after.length && sameCell(before[start]!, after[start]!)) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && sameCell(before[before.length - 1 - end]!, after[after.length - 1 - end]!)) end++;
  const oldMiddle = before.slice(start, before.length - end);
  const newMiddle = after.slice(start, after.length - end);
  let keptStart = 0;
  while (keptStart < oldMiddle.length && keptStart < newMiddle.length && keptCell(oldMiddle[keptStart]!, newMiddle[keptStart]!)) keptStart++;
  let keptEnd = 0;
  while (
    keptEnd < oldMiddle.length - keptStart &&
    keptEnd < newMiddle.length - keptStart &&
    keptCell(oldMiddle[oldMiddle.length - 1 - keptEnd]!, newMiddle[newMiddle.length - 1 - keptEnd]!)
  ) {
    keptEnd++;
  }
  const offset = unitsOf(before.slice(0, start));
  // Kept characters whose marks change, one format per run of the same change, the last run
  // first so that the positions before each write still hold.
  const reformat = (oldFrom: number, newFrom: number, count: number) => {
    for (let i = count - 1; i >= 0; ) {
      const was = oldMiddle[oldFrom + i]!;
      const is = newMiddle[newFrom + i]!;
      let first = i;
      while (first > 0 && sameValue(oldMiddle[oldFrom + first - 1]!.attributes, was.attributes) && sameValue(newMiddle[newFrom + first - 1]!.attributes, is.attributes)) first--;
      if (!sameValue(was.attributes, is.attributes)) {
        const at = offset + unitsOf(oldMiddle.slice(0, oldFrom + first));
        text.format(at, unitsOf(oldMiddle.slice(oldFrom + first, oldFrom + i + 1)), formatting(was.attributes, is.attributes));
      }
      i = first - 1;
    }
  };
  reformat(oldMiddle.length - keptEnd, newMiddle.length - keptEnd, keptEnd);
  const at = offset + unitsOf(oldMiddle.slice(0, keptStart));
  const removed = unitsOf(oldMiddle.slice(keptStart, oldMiddle.length - keptEnd));
  if (removed > 0) text.delete(at, removed);
  const inserted = newMiddle.slice(keptStart, newMiddle.length - keptEnd);
  for (let i = inserted.length - 1; i >= 0; ) {
    // One insert per run of equal marks, the last run first.
    let first = i;
    while (first > 0 && sameValue(inserted[first - 1]!.attributes, inserted[i]!.attributes)) first--;
    text.insert(at + unitsOf(inserted.slice(0, first)), inserted.slice(first, i + 1).map((cell) => cell.char).join(''), { ...inserted[i]!.attributes });
    i = first - 1;
  }
  reformat(0, 0, keptStart);
}

/**
 * The writes that bring the binding's Yjs texts from `before` to `after`, as one function to run
 * inside a Yjs transaction; null when there is nothing this should write (structure changed, or
 * only marks did, which the binding writes right).
 */
export function exactTextWrites(mapping: BindingMapping, before: PmNode, after: PmNode): (() => void) | null {
  const oldBlocks = textblocks(before);
  const newBlocks = textblocks(after);
  if (oldBlocks.length !== newBlocks.length) return null;
  const writes: (() => void)[] = [];
  for (let i = 0; i < oldBlocks.length; i++) {
    const was = oldBlocks[i]!;
    const is = newBlocks[i]!;
    if (was === is || was.textContent === is.textContent) continue;
    if (was.type !== is.type) return null;
    let element: Y.XmlElement | null = null;
    for (const [type, node] of mapping) {
      if (node === was && type instanceof Y.XmlElement) element = type;
    }
    const text = element?.length === 1 ? element.get(0) : null;
    if (!(text instanceof Y.XmlText)) continue;
    const oldCells = cellsOfText(text);
    const newCells = cellsOfBlock(is);
    const shown = cellsOfBlock(was);
    // Yjs must hold what the editor showed, or the writes would not be the edit.
    if (!oldCells || !newCells || !shown || oldCells.length !== shown.length || !oldCells.every((cell, j) => sameCell(cell, shown[j]!))) continue;
    writes.push(() => writeCells(text, oldCells, newCells));
  }
  return writes.length === 0 ? null : () => writes.forEach((write) => write());
}
