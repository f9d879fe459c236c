/**
 * Undo and redo in the "Voorstellen" mode. The Yjs undo manager would replay raw inverse changes
 * (delete text, take a mark off) that the server may refuse once the suggestion is decided, so
 * this history keeps its own record of what each suggestion edit did, and undoing builds a new
 * edit that is itself a suggestion:
 *
 * - proposed text (`insert`) is taken back by deleting what still carries that own open
 *   insertion mark;
 * - own proposed text really removed (`remove`) comes back as proposed text;
 * - a removal mark (`mark`) is withdrawn where that own open mark still is;
 * - a withdrawn removal (`unmark`, what an undo leaves for redo) is proposed again on the text
 *   that is still plain;
 * - a proposed paragraph (`paragraph`) is taken back while it is empty, and one taken back
 *   (`unparagraph`) is proposed again where it was.
 *
 * Whatever was accepted or rejected meanwhile no longer carries the mark (or is gone) and is
 * skipped; an undo that finds nothing left changes nothing and says so. Positions are kept as
 * Yjs relative positions (PositionKeeper), which survive others' concurrent edits: the Yjs
 * binding replaces the whole ProseMirror document on every remote change, so ProseMirror's own
 * mapping would not. An undone edit goes on the redo stack as the edit that undid it, so redo
 * is the same operation the other way round.
 */
import { Fragment, type Mark, type Node as PmNode } from '@tiptap/pm/model';
import { Selection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { PARAGRAPH_SUGGESTION_ATTR, SUGGESTABLE_NODE } from '../../../shared/suggestions/suggestedParagraph';
import { isSuggestionMarkName, SUGGESTION_DELETE_MARK, SUGGESTION_INSERT_MARK } from '../../../shared/suggestions/suggestionMarks';
import { markId, ownIdBeside, suggestionEditMeta, textRuns, type SuggestContext } from './suggestionEdits';

/** One thing a suggestion edit did, with positions of type P (numbers, or kept positions). */
export type Part<P> =
  /** Text proposed under the own insertion `id`, at [from, to). */
  | { kind: 'insert'; from: P; to: P; id: string }
  /**
   * Own proposed text really removed at `at`: these text nodes (with their marks). `was` is
   * where it was at the moment it was removed: of removals that now meet at one place
   * (Backspace after Backspace), the one from further on goes back after the others.
   */
  | {
      kind: 'remove';
      at: P;
      /**
       * Kept: `at` held by the character just after it too, when there is one in its paragraph.
       * The character before may be taken back later (an earlier step undone, then redone as new
       * text, which Yjs puts after the deleted one): the one after still says where this goes.
       */
      after?: P | null;
      was: number;
      nodes: readonly PmNode[];
    }
  /** Text at [from, to) proposed for removal under the own removal `id`. */
  | { kind: 'mark'; from: P; to: P; id: string }
  /** The removal mark `id` withdrawn from [from, to). */
  | { kind: 'unmark'; from: P; to: P; id: string }
  /** A paragraph proposed under the own insertion `id` (Enter): found again by its id. */
  | { kind: 'paragraph'; id: string }
  /**
   * An own empty proposed paragraph taken back at `at` (between blocks). Kept by the textblock
   * before it (`after` its end) or, when there is none, the one after it (`before` its start).
   */
  | { kind: 'unparagraph'; id: string; at: P; anchor?: 'after' | 'before' };

/**
 * Positions that survive other people's edits. `keep(pos)` holds on to the character just
 * before `pos` (or the start of its paragraph); `find` gives its position now, null when lost.
 */
export interface PositionKeeper {
  keep(pos: number): unknown;
  find(kept: unknown): number | null;
}

/** Positions as Yjs relative positions in the fragment the editor is bound to, through the binding's node mapping. */
export function yjsKeeper(doc: Y.Doc, type: Y.XmlFragment, mapping: Parameters<typeof absolutePositionToRelativePosition>[2]): PositionKeeper {
  return {
    keep: (pos) => absolutePositionToRelativePosition(pos, type, mapping),
    find: (kept) => relativePositionToAbsolutePosition(doc, type, kept, mapping),
  };
}

/** The suggestion id of a proposed paragraph node, or null. */
function proposedParagraphId(node: PmNode): string | null {
  const id = node.type.name === SUGGESTABLE_NODE ? (node.attrs[PARAGRAPH_SUGGESTION_ATTR] as unknown) : null;
  return typeof id === 'string' ? id : null;
}

/** What each edit of a transaction did, in the positions of the document after it. */
export function partsOf(tr: Transaction): Part<number>[] {
  const parts: Part<number>[] = [];
  tr.steps.forEach((step, i) => {
    const rest = tr.mapping.slice(i + 1);
    const range = (from: number, to: number) => ({ from: rest.map(from, 1), to: rest.map(to, -1) });
    if (step instanceof ReplaceStep) {
      // ReplaceStep keeps its range and slice as plain (untyped) fields.
      const { from, to, slice } = step as unknown as { from: number; to: number; slice: { content: Fragment; size: number } };
      if (to > from) {
        const nodes: PmNode[] = [];
        tr.docs[i]!.slice(from, to).content.descendants((node) => {
          if (node.isText) nodes.push(node);
          return true;
        });
        if (nodes.length > 0) parts.push({ kind: 'remove', at: rest.map(from, -1), was: from, nodes });
      }
      tr.docs[i]!.nodesBetween(from, to, (node, pos) => {
        const proposed = proposedParagraphId(node);
        if (proposed !== null && pos >= from && pos + node.nodeSize <= to) parts.push({ kind: 'unparagraph', id: proposed, at: rest.map(from, -1) });
        return proposed === null;
      });
      slice.content.forEach((node) => {
        const proposed = proposedParagraphId(node);
        if (proposed !== null) parts.push({ kind: 'paragraph', id: proposed });
      });
      let id: string | null = null;
      slice.content.descendants((node) => {
        id ??= markId(node, SUGGESTION_INSERT_MARK);
        return id === null;
      });
      const { from: start, to: end } = range(from, from + slice.size);
      if (id !== null && start < end) parts.push({ kind: 'insert', from: start, to: end, id });
    } else if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      const { from, to, mark } = step as unknown as { from: number; to: number; mark: Mark };
      if (mark.type.name !== SUGGESTION_DELETE_MARK) return;
      const { from: start, to: end } = range(from, to);
      if (start >= end) return;
      if (step instanceof AddMarkStep) parts.push({ kind: 'mark', from: start, to: end, id: mark.attrs.suggestionId as string });
      else parts.push({ kind: 'unmark', from: start, to: end, id: mark.attrs.suggestionId as string });
    }
  });
  return parts;
}

/** A range is kept by its first and its last character, so text typed at either edge stays out. */
export function keepParts(parts: readonly Part<number>[], keeper: PositionKeeper, doc: PmNode): Part<unknown>[] {
  return parts.map((part) => {
    if (part.kind === 'paragraph') return part;
    if (part.kind === 'unparagraph') {
      const place = doc.resolve(Math.min(part.at, doc.content.size));
      if (place.nodeBefore?.isTextblock) return { ...part, at: keeper.keep(part.at - 1), anchor: 'after' };
      if (place.nodeAfter?.isTextblock) return { ...part, at: keeper.keep(part.at + 1), anchor: 'before' };
      return { ...part, at: null };
    }
    if (part.kind !== 'remove') return { ...part, from: keeper.keep(part.from + 1), to: keeper.keep(part.to) };
    const place = part.at <= doc.content.size ? doc.resolve(part.at) : null;
    const charAfter = !!place && place.parent.inlineContent && place.parentOffset < place.parent.content.size;
    return { ...part, at: keeper.keep(part.at), after: charAfter ? keeper.keep(part.at + 1) : null };
  });
}

/** The kept parts' positions now; parts whose place is lost are left out. */
export function findParts(parts: readonly Part<unknown>[], keeper: PositionKeeper, doc: PmNode): Part<number>[] {
  const size = doc.content.size;
  const found: Part<number>[] = [];
  for (const part of parts) {
    if (part.kind === 'paragraph') {
      found.push(part);
      continue;
    }
    if (part.kind === 'unparagraph') {
      const kept = part.at === null ? null : keeper.find(part.at);
      if (kept === null || kept < 0 || kept > size) continue;
      const textblock = doc.resolve(kept);
      if (!textblock.parent.isTextblock) continue;
      found.push({ ...part, at: part.anchor === 'after' ? textblock.after() : textblock.before() });
      continue;
    }
    if (part.kind === 'remove') {
      const after = part.after ? keeper.find(part.after) : null;
      const at = after !== null && after >= 1 ? after - 1 : keeper.find(part.at);
      if (at !== null && at >= 0 && at <= size) found.push({ ...part, at, after: null });
      continue;
    }
    const first = keeper.find(part.from);
    const to = keeper.find(part.to);
    if (first === null || to === null) continue;
    const from = first - 1;
    if (from >= 0 && from < to && to <= size) found.push({ ...part, from, to });
  }
  return found;
}

function withoutSuggestionMarks(marks: readonly Mark[]): Mark[] {
  return marks.filter((mark) => !isSuggestionMarkName(mark.type.name));
}

/** Neighbouring parts of one kind and id as one (keystrokes typed in a row), so each run is taken back whole. */
function joined(parts: readonly Part<number>[]): Part<number>[] {
  const out: Part<number>[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (last && (part.kind === 'insert' || part.kind === 'mark') && last.kind === part.kind && last.id === part.id && part.from <= last.to && last.from <= part.to) {
      out[out.length - 1] = { ...last, from: Math.min(last.from, part.from), to: Math.max(last.to, part.to) };
    } else out.push(part);
  }
  return out;
}

/**
 * The own suggestion a taken-back piece belonged to, to put it back under: redo after undo
 * leaves no emptied suggestion behind (the server keeps an undecided one listed while its text
 * is gone). A suggestion decided meanwhile is no longer own (the server would move it to a fresh one).
 */
function ownAgain(ids: readonly (string | null)[], ctx: SuggestContext): string | null {
  return ids.find((id): id is string => id !== null && ctx.isOwn(id)) ?? null;
}

/**
 * The edit that takes back `parts` (positions in `state.doc`), as a suggestion edit: only own
 * open suggestions are taken back, text comes back only as a new own proposal. Null when
 * nothing of it is left to take back.
 */
export function revertParts(state: EditorState, parts: readonly Part<number>[], ctx: SuggestContext): Transaction | null {
  const tr = state.tr;
  const schema = state.schema;
  let caret: number | null = null;
  const restored: { at: number; was: number }[] = [];
  // The last first, each position mapped through what this edit changed before it.
  for (const part of joined(parts).reverse()) {
    if (part.kind === 'paragraph') {
      // Taken back only while it is own, open and empty: its words were their own, later, steps.
      tr.doc.descendants((node, pos) => {
        if (proposedParagraphId(node) !== part.id || node.content.size > 0 || !ctx.isOwn(part.id)) return proposedParagraphId(node) === null;
        tr.delete(pos, pos + node.nodeSize);
        caret = Selection.near(tr.doc.resolve(Math.min(pos, tr.doc.content.size)), -1).from;
        return false;
      });
      continue;
    }
    if (part.kind === 'unparagraph') {
      const at = tr.mapping.map(part.at);
      const $at = tr.doc.resolve(at);
      if (!$at.parent.canReplaceWith($at.index(), $at.index(), schema.nodes[SUGGESTABLE_NODE]!)) continue;
      // A fresh id: the server withdrew the old one when the paragraph went (and would move it).
      tr.insert(at, schema.nodes[SUGGESTABLE_NODE]!.create({ [PARAGRAPH_SUGGESTION_ATTR]: ctx.newId() }));
      caret = at + 1;
      continue;
    }
    if (part.kind === 'remove') {
      const after = restored.some((other) => other.at === part.at && other.was < part.was);
      restored.push(part);
      const at = tr.mapping.map(part.at, after ? 1 : -1);
      if (!tr.doc.resolve(at).parent.inlineContent) continue;
      const id = ownAgain(part.nodes.map((node) => markId(node, SUGGESTION_INSERT_MARK)), ctx) ?? ownIdBeside(tr.doc, at, at, SUGGESTION_INSERT_MARK, ctx) ?? ctx.newId();
      const insertMark = schema.marks[SUGGESTION_INSERT_MARK]!.create({ suggestionId: id });
      const nodes = part.nodes.map((node) => schema.text(node.text ?? '', [...withoutSuggestionMarks(node.marks), insertMark]));
      tr.insert(at, Fragment.from(nodes));
      caret = tr.mapping.map(at, 1);
      continue;
    }
    const from = tr.mapping.map(part.from, 1);
    const to = tr.mapping.map(part.to, -1);
    if (from >= to) continue;
    const runs = textRuns(tr.doc, from, to);
    if (part.kind === 'insert') {
      if (!ctx.isOwn(part.id)) continue;
      for (const run of [...runs].reverse()) {
        if (markId(run.node, SUGGESTION_INSERT_MARK) !== part.id) continue;
        tr.delete(run.from, run.to);
        caret = run.from;
      }
    } else if (part.kind === 'mark') {
      if (!ctx.isOwn(part.id)) continue;
      for (const run of runs) {
        const mark = run.node.marks.find((m) => m.type.name === SUGGESTION_DELETE_MARK);
        if (!mark || markId(run.node, SUGGESTION_DELETE_MARK) !== part.id) continue;
        tr.removeMark(run.from, run.to, mark);
        caret = run.from;
      }
    } else {
      let id: string | null = null;
      for (const run of runs) {
        if (run.node.marks.some((m) => isSuggestionMarkName(m.type.name))) continue;
        id ??= ownAgain([part.id], ctx) ?? ownIdBeside(tr.doc, from, to, SUGGESTION_DELETE_MARK, ctx) ?? ctx.newId();
        tr.addMark(run.from, run.to, schema.marks[SUGGESTION_DELETE_MARK]!.create({ suggestionId: id }));
        caret = run.from;
      }
    }
  }
  if (!tr.docChanged || caret === null) return null;
  tr.setSelection(TextSelection.create(tr.doc, caret));
  return tr.setMeta(suggestionEditMeta, true).scrollIntoView();
}

interface Entry {
  /** Replaced, not changed in place, when a paragraph's id is renamed. */
  parts: Part<unknown>[];
  /** Edits in a row of one kind and one suggestion id are undone together. */
  run: string | null;
  time: number;
}

/** The kind and id an edit is all about, when it is about one (typing on, Backspace after Backspace). */
function runOf(parts: readonly Part<number>[]): string | null {
  // A paragraph proposed or taken back is a step of its own, never grouped with the next Enter.
  if (parts.some((part) => part.kind === 'paragraph' || part.kind === 'unparagraph')) return null;
  const keys = new Set(parts.map((part) => (part.kind === 'insert' || part.kind === 'mark' ? `${part.kind}:${part.id}` : part.kind)));
  return keys.size === 1 ? [...keys][0]! : null;
}

/**
 * Applies the edit one step at a time. The Yjs binding writes each transaction to a text as one
 * cut between a common start and end: two runs taken out of one paragraph at once would take
 * the text between them out too (and put it back), which the server refuses.
 */
function applyStepByStep(tr: Transaction, env: HistoryEnv): void {
  tr.steps.forEach((step, i) => {
    const one = env.state().tr.step(step).setMeta(suggestionEditMeta, true);
    if (i === tr.steps.length - 1) one.setSelection(TextSelection.create(one.doc, tr.selection.from)).scrollIntoView();
    env.apply(one);
  });
}

/** Where the history reads and changes the editor. */
export interface HistoryEnv {
  state(): EditorState;
  /** Applies the edit; when it returns, `keeper` sees the document after it. */
  apply(tr: Transaction): void;
  keeper: PositionKeeper;
  ctx: SuggestContext;
}

/** Edits typed within this many milliseconds of each other, of one run, are one undo step. */
export const groupDelay = 1_000;

export class SuggestHistory {
  private readonly done: Entry[] = [];
  private readonly undone: Entry[] = [];

  constructor(private readonly depth = 100) {}

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** A suggestion edit was applied (its positions are read now, from `keeper`): it can be undone, and nothing is left to redo. */
  record(tr: Transaction, keeper: PositionKeeper, now: number): void {
    const parts = partsOf(tr);
    if (parts.length === 0) return;
    this.undone.length = 0;
    const run = runOf(parts);
    const last = this.done.at(-1);
    if (last && run !== null && last.run === run && now - last.time < groupDelay) {
      last.parts.push(...keepParts(parts, keeper, tr.doc));
      last.time = now;
      return;
    }
    this.done.push({ parts: keepParts(parts, keeper, tr.doc), run, time: now });
    if (this.done.length > this.depth) this.done.shift();
  }

  /** Takes back the last edit; false (and nothing changed) when nothing of it, or nothing at all, is left. */
  undo(env: HistoryEnv): boolean {
    return this.step(this.done, this.undone, env);
  }

  /** Does again what the last undo took back; false when nothing of it is left. */
  redo(env: HistoryEnv): boolean {
    return this.step(this.undone, this.done, env);
  }

  private step(from: Entry[], to: Entry[], env: HistoryEnv): boolean {
    const entry = from.pop();
    if (!entry) return false;
    const state = env.state();
    const tr = revertParts(state, findParts(entry.parts, env.keeper, state.doc), env.ctx);
    if (!tr) return false;
    applyStepByStep(tr, env);
    const parts = partsOf(tr);
    this.renameParagraph(entry.parts, parts);
    to.push({ parts: keepParts(parts, env.keeper, env.state().doc), run: null, time: 0 });
    return true;
  }

  /**
   * A paragraph taken back and proposed again has a fresh id (see revertParts): the steps that
   * name the old one, such as the Enter that first proposed it, now mean the new one.
   */
  private renameParagraph(undone: readonly Part<unknown>[], made: readonly Part<number>[]): void {
    const gone = undone.filter((part) => part.kind === 'unparagraph');
    const back = made.filter((part) => part.kind === 'paragraph');
    if (gone.length !== 1 || back.length !== 1) return;
    const [from, to] = [gone[0]!.id, back[0]!.id];
    for (const entry of [...this.done, ...this.undone]) {
      entry.parts = entry.parts.map((part) => ((part.kind === 'paragraph' || part.kind === 'unparagraph') && part.id === from ? { ...part, id: to } : part));
    }
  }
}
