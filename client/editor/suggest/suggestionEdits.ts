/**
 * What a keystroke becomes in the "Voorstellen" mode, as a ProseMirror transaction built from
 * the state before it: typed text is inserted under a `suggestionInsert` mark, deleted text keeps
 * its place under a `suggestionDelete` mark, and only the typist's own proposed text is really
 * removed; Enter at the start or end of a paragraph proposes a new paragraph, and the typist's
 * own empty proposed paragraph goes with Backspace. These are exactly the changes the server's
 * write filter takes from a connection in suggestion mode (server/suggestions/judgeSuggestionWrite.ts);
 * anything else (splitting a paragraph, formatting, blocks) is not built here and the mode's
 * plugin refuses it.
 *
 * Pure functions of the editor state, so they are tested without a browser.
 */
import type { Mark, Node as PmNode } from '@tiptap/pm/model';
import { Selection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { PARAGRAPH_SUGGESTION_ATTR, SUGGESTABLE_NODE } from '../../../shared/suggestions/suggestedParagraph';
import { isSuggestionMarkName, SUGGESTION_DELETE_MARK, SUGGESTION_INSERT_MARK, suggestionIdOf, type SuggestionMarkName } from '../../../shared/suggestions/suggestionMarks';

export interface SuggestContext {
  /** True for a suggestion id this person made and that is still open. */
  isOwn(id: string): boolean;
  /** A fresh suggestion id (a UUID), remembered as this person's own. */
  newId(): string;
}

export type Direction = 'backward' | 'forward';
/** One character, or a word with the spaces after it (Ctrl/Alt+Backspace, Ctrl/Alt+Delete). */
export type Unit = 'char' | 'word';

/** Marks a transaction as the suggestion mode's own, so the mode's filter lets it through. */
export const suggestionEditMeta = 'werktafelSuggestionEdit';

export function markId(node: PmNode | null | undefined, name: SuggestionMarkName): string | null {
  if (!node?.isText) return null;
  const mark = node.marks.find((m) => m.type.name === name);
  return mark ? suggestionIdOf(mark.attrs) : null;
}

/** The text node holding the character just before `pos`, inside the same textblock. */
function textBefore(doc: PmNode, pos: number): PmNode | null {
  const $pos = doc.resolve(pos);
  if (!$pos.parent.inlineContent || $pos.parentOffset === 0) return null;
  return $pos.nodeBefore?.isText ? $pos.nodeBefore : null;
}

function textAfter(doc: PmNode, pos: number): PmNode | null {
  const $pos = doc.resolve(pos);
  if (!$pos.parent.inlineContent || $pos.parentOffset === $pos.parent.content.size) return null;
  return $pos.nodeAfter?.isText ? $pos.nodeAfter : null;
}

/** A character the caret steps over instead of deleting: already proposed for removal, or someone else's proposal. */
function isSettledAway(node: PmNode, ctx: SuggestContext): boolean {
  if (markId(node, SUGGESTION_DELETE_MARK) !== null) return true;
  const inserted = markId(node, SUGGESTION_INSERT_MARK);
  return inserted !== null && !ctx.isOwn(inserted);
}

/** An own suggestion id of this kind right beside [from, to), to extend instead of starting a new one. */
export function ownIdBeside(doc: PmNode, from: number, to: number, name: SuggestionMarkName, ctx: SuggestContext): string | null {
  for (const node of [textBefore(doc, from), textAfter(doc, to)]) {
    const id = markId(node, name);
    if (id !== null && ctx.isOwn(id)) return id;
  }
  return null;
}

/**
 * The first own open insertion among [from, to): text typed over one's own proposed words keeps
 * their id. An input method commits its words over the whole run it composed in (reading and
 * all); under a new id the Yjs binding would keep the common start of the run and re-mark it,
 * which changes the mark of text that stays, and the server refuses that.
 */
function ownInsertionIn(doc: PmNode, from: number, to: number, ctx: SuggestContext): string | null {
  for (const run of textRuns(doc, from, to)) {
    const id = markId(run.node, SUGGESTION_INSERT_MARK);
    if (id !== null && ctx.isOwn(id)) return id;
  }
  return null;
}

/** The suggestion id of a proposed paragraph when it is this person's own open one. */
export function ownParagraphId(node: PmNode, ctx: SuggestContext): string | null {
  const id = node.type.name === SUGGESTABLE_NODE ? (node.attrs[PARAGRAPH_SUGGESTION_ATTR] as unknown) : null;
  return typeof id === 'string' && ctx.isOwn(id) ? id : null;
}

export interface Run {
  from: number;
  to: number;
  node: PmNode;
}

export function textRuns(doc: PmNode, from: number, to: number): Run[] {
  const runs: Run[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isText) runs.push({ from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to), node });
    return true;
  });
  return runs;
}

/**
 * Proposes to remove [from, to) on `tr`: the person's own proposed text goes, other text gets a
 * removal mark (one id for the whole range, or that of an own removal right beside it), text
 * already proposed for removal or proposed by someone else stays as it is. Returns whether
 * anything changed.
 */
export function markRemoval(tr: Transaction, from: number, to: number, ctx: SuggestContext): boolean {
  const schema = tr.doc.type.schema;
  let deleteId: string | null = null;
  let changed = false;
  // From the last run to the first: removing own text does not move the runs before it.
  for (const run of textRuns(tr.doc, from, to).reverse()) {
    const inserted = markId(run.node, SUGGESTION_INSERT_MARK);
    if (inserted !== null) {
      if (ctx.isOwn(inserted)) {
        tr.delete(run.from, run.to);
        changed = true;
      }
      continue;
    }
    if (markId(run.node, SUGGESTION_DELETE_MARK) !== null) continue;
    deleteId ??= ownIdBeside(tr.doc, from, to, SUGGESTION_DELETE_MARK, ctx) ?? ctx.newId();
    tr.addMark(run.from, run.to, schema.marks[SUGGESTION_DELETE_MARK]!.create({ suggestionId: deleteId }));
    changed = true;
  }
  return changed;
}

const wordBefore = /(?:\S+\s*|\s+)$/u;
const wordAfter = /^(?:\s*\S+|\s+)/u;

/** The range a Backspace or Delete at an empty caret `pos` takes, after stepping over settled-away text; null at the textblock's edge. */
function rangeFromCaret(doc: PmNode, pos: number, direction: Direction, unit: Unit, ctx: SuggestContext): { from: number; to: number } | null {
  let p = pos;
  const next = direction === 'backward' ? (at: number) => textBefore(doc, at) : (at: number) => textAfter(doc, at);
  const step = direction === 'backward' ? -1 : 1;
  for (let node = next(p); node && isSettledAway(node, ctx); node = next(p)) p += step;
  if (!next(p)) return p === pos ? null : { from: p, to: p };
  const $p = doc.resolve(p);
  if (unit === 'char') return direction === 'backward' ? { from: p - 1, to: p } : { from: p, to: p + 1 };
  // Leaf nodes count as one character that ends a word.
  if (direction === 'backward') {
    const before = doc.textBetween($p.start(), p, undefined, '\n');
    return { from: p - (wordBefore.exec(before)?.[0].length ?? 1), to: p };
  }
  const after = doc.textBetween(p, $p.end(), undefined, '\n');
  return { from: p, to: p + (wordAfter.exec(after)?.[0].length ?? 1) };
}

/**
 * Backspace or Delete as a suggestion. With a selection its text is proposed for removal and the
 * caret goes to where the selection started; at a caret one character (or word) is, and the
 * caret moves past it as a delete would. Null when there is nothing to do (the start or end of a
 * paragraph: joining paragraphs is not a suggestion).
 */
export function suggestRemoval(state: EditorState, direction: Direction, unit: Unit, ctx: SuggestContext): Transaction | null {
  const { selection } = state;
  const withdrawn = selection.empty ? withdrawEmptyParagraph(state, direction, ctx) : null;
  if (withdrawn) return withdrawn;
  const range = selection.empty ? rangeFromCaret(state.doc, selection.from, direction, unit, ctx) : { from: selection.from, to: selection.to };
  if (!range) return null;
  const tr = state.tr;
  markRemoval(tr, range.from, range.to, ctx);
  const caret = direction === 'backward' || !selection.empty ? tr.mapping.map(range.from, -1) : tr.mapping.map(range.to, 1);
  tr.setSelection(TextSelection.create(tr.doc, caret));
  return tr.setMeta(suggestionEditMeta, true).scrollIntoView();
}

/**
 * Typing (or pasting plain text) over [from, to) as a suggestion: what was selected is proposed
 * for removal, and the new text follows it under an insertion mark: the own proposal right
 * before (or after) it is extended, otherwise a new one starts. Formatting in force there is
 * kept, other suggestion marks are not. Null where text cannot go (not inside a paragraph).
 */
export function suggestInsertion(state: EditorState, from: number, to: number, text: string, ctx: SuggestContext): Transaction | null {
  if (text.length === 0) return null;
  const replacedOwn = from < to ? ownInsertionIn(state.doc, from, to, ctx) : null;
  const tr = state.tr;
  if (from < to) markRemoval(tr, from, to, ctx);
  const at = tr.mapping.map(to, 1);
  const $at = tr.doc.resolve(at);
  if (!$at.parent.inlineContent) return null;
  const schema = tr.doc.type.schema;
  // Words typed into one's own proposed paragraph are part of that proposal: decided together.
  const id = ownIdBeside(tr.doc, at, at, SUGGESTION_INSERT_MARK, ctx) ?? replacedOwn ?? ownParagraphId($at.parent, ctx) ?? ctx.newId();
  const kept: readonly Mark[] = (from === to ? state.storedMarks : null) ?? $at.marks();
  const marks = [...kept.filter((mark) => !isSuggestionMarkName(mark.type.name)), schema.marks[SUGGESTION_INSERT_MARK]!.create({ suggestionId: id })];
  tr.insert(at, schema.text(text, marks));
  tr.setSelection(TextSelection.create(tr.doc, at + text.length));
  return tr.setMeta(suggestionEditMeta, true).scrollIntoView();
}

/**
 * Backspace or Delete in one's own proposed paragraph while it is empty takes the proposal back:
 * the paragraph goes, and the caret moves to the text before it (or after it, for Delete).
 */
function withdrawEmptyParagraph(state: EditorState, direction: Direction, ctx: SuggestContext): Transaction | null {
  const $caret = state.selection.$from;
  const paragraph = $caret.parent;
  if (paragraph.content.size > 0 || ownParagraphId(paragraph, ctx) === null) return null;
  const before = $caret.before();
  const tr = state.tr.delete(before, $caret.after());
  const $near = tr.doc.resolve(Math.min(before, tr.doc.content.size));
  tr.setSelection(Selection.near($near, direction === 'backward' ? -1 : 1));
  return tr.setMeta(suggestionEditMeta, true).scrollIntoView();
}

/** Why Enter could not become a proposed paragraph. */
export type ParagraphRefusal = 'split' | 'notHere';

/**
 * Enter as a suggestion: a new, empty paragraph proposed under a fresh id, after the caret's
 * paragraph when the caret is at its end, before it at its start (the caret stays with the
 * text). In the middle, the words after the caret would have to move into the new paragraph:
 * settled text changing place is no suggestion, so that is refused ('split'), as is a place
 * where no paragraph may go (a heading, a table cell that allows one).
 */
export function suggestParagraph(state: EditorState, ctx: SuggestContext): Transaction | ParagraphRefusal {
  const { selection } = state;
  const $caret = selection.$from;
  const paragraph = $caret.parent;
  if (!selection.empty || paragraph.type.name !== SUGGESTABLE_NODE) return 'notHere';
  const atEnd = $caret.parentOffset === paragraph.content.size;
  if (!atEnd && $caret.parentOffset > 0) return 'split';
  const index = $caret.index(-1) + (atEnd ? 1 : 0);
  const type = paragraph.type;
  if (!$caret.node(-1).canReplaceWith(index, index, type)) return 'notHere';
  const at = atEnd ? $caret.after() : $caret.before();
  const tr = state.tr.insert(at, type.create({ [PARAGRAPH_SUGGESTION_ATTR]: ctx.newId() }));
  tr.setSelection(atEnd ? TextSelection.create(tr.doc, at + 1) : TextSelection.create(tr.doc, tr.mapping.map(selection.from)));
  return tr.setMeta(suggestionEditMeta, true).scrollIntoView();
}
