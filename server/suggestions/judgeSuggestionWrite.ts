/**
 * Whether a connection's update keeps to the suggestion rules (issue 15), decided before it
 * touches the live document. Yjs cannot undo an applied update, and what an update means
 * (which marks its characters carry) depends on the text around it, so the update is applied
 * to a scratch copy of the document and its effect is read character by character:
 *
 * In suggestion mode (may comment, may not write):
 * - a new character carries a `suggestionInsert` id that is fresh or the sender's own open one,
 *   and no `suggestionDelete`;
 * - a character is deleted only when it carries the sender's own open `suggestionInsert`;
 * - a character that stays gets a fresh or own `suggestionDelete`, or loses its own one
 *   (withdrawn); nothing else about it changes (no other mark, no insert mark);
 * - nothing but text changes: no attributes, no elements added or removed, no embeds (an
 *   attribute written with the value it had, or an absent one with its schema default, is no
 *   change: see unchangedAttributes.ts).
 *
 * A mark with the sender's own suggestion that has been decided meanwhile (they went on
 * deleting while someone decided it: their editor reused the id of the removal next to the
 * caret) is let through as late: the guard moves those characters to a fresh suggestion of
 * theirs, so the decided one stays decided and nothing they did is refused.
 *
 * Typing on inside or right after one's own insertion writes no mark at all (Yjs carries the
 * format on by position), so once the insertion is decided those characters arrive unmarked.
 * A new character without any suggestion mark is let through as typed on (`typedOn`, moved to a
 * fresh suggestion of the sender's by the guard the same way) only when the insertion it was
 * typed under is the sender's own and decided: the first `suggestionInsert` format item on its
 * chain of Yjs origins (its left neighbour when written, and that one's, ...: typedUnder.ts)
 * names it. Plain text anywhere else, or after another person's suggestion, is refused.
 *
 * For every other connection that writes suggestion marks (an editor), the marks alone are
 * judged: no insert mark put on or taken off text that was there, no delete mark of another
 * person or a decided suggestion, no fresh id outside the shape the server accepts.
 *
 * An update that leaves anything pending (it builds on items the server does not have) is
 * refused too: checked later, with what it waits for, it would escape this judgement.
 */
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/protocol';
import { DOCUMENT_FRAGMENT, documentSchema } from '../../shared/editor/schema';
import {
  isSuggestionIdShape,
  isSuggestionMarkName,
  suggestionIdOf,
  SUGGESTION_DELETE_MARK,
  SUGGESTION_INSERT_MARK,
  type SuggestionKind,
} from '../../shared/suggestions/suggestionMarks';
import { touchedTexts } from '../extensions/commentMarks';
import { forEachXmlElement } from '../../shared/editor/yxml';
import { PARAGRAPH_SUGGESTION_ATTR, SUGGESTABLE_NODE } from '../../shared/suggestions/suggestedParagraph';
import type { SuggestionStatus } from '../storage/rows';
import { TypedUnder } from './typedUnder';
import { attributesUnchanged, sameValue, valueBefore } from './unchangedAttributes';

/** What the server knows of a suggestion id in this document. */
export interface KnownSuggestion {
  userId: string | null;
  kind: SuggestionKind;
  status: SuggestionStatus;
}

export interface SuggestionWriteContext {
  userId: string;
  /** True when every change must be a suggestion. */
  suggestionMode: boolean;
  known(id: string): KnownSuggestion | undefined;
}

/** New characters by their Yjs ids: `length` characters from `clock` of `client`. */
export interface CharacterIds {
  client: number;
  clock: number;
  length: number;
}

/**
 * `fresh`: new ids, recorded as the sender's. `late`: the sender's own decided ids written
 * again. `typedOn`: unmarked characters typed on after the sender's own decided insertion, by
 * its id. The guard moves late and typed-on characters of one id to one fresh suggestion.
 * `revived`: withdrawn ids (their text had gone) that an editor's undo brings back: open again,
 * still the suggester's.
 */
export type SuggestionJudgement =
  | { ok: true; fresh: Map<string, SuggestionKind>; late: Set<string>; typedOn: Map<string, CharacterIds[]>; revived: Set<string> }
  | { ok: false; code: number; why: string };

type Refusal = { code: number; why: string };

/** A shared type as a transaction lists it among the changed ones. */
type ChangedType = Parameters<Y.Transaction['changed']['get']>[0];

/** A mark's id as the rules see it: null for no mark, '' for a value that is not exactly `{ suggestionId }`. */
function idOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const id = suggestionIdOf(value);
  return id !== null && Object.keys(value as object).length === 1 ? id : '';
}

/** True when the update holds a suggestion format item or a paragraph's suggestion attribute: only then can it write either. */
export function writesSuggestionFormat(decoded: ReturnType<typeof Y.decodeUpdate>): boolean {
  return decoded.structs.some(
    (struct) =>
      struct instanceof Y.Item &&
      ((struct.content instanceof Y.ContentFormat && isSuggestionMarkName(struct.content.key)) || struct.parentSub === PARAGRAPH_SUGGESTION_ATTR),
  );
}

export function judgeSuggestionWrite(doc: Y.Doc, update: Uint8Array, context: SuggestionWriteContext): SuggestionJudgement {
  const trial = new Y.Doc({ gc: false });
  trial.getXmlFragment(DOCUMENT_FRAGMENT);
  Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc));
  const fresh = new Map<string, SuggestionKind>();
  const late = new Set<string>();
  const typedOn = new Map<string, CharacterIds[]>();
  const revived = new Set<string>();
  // Judged while the transaction's items are as it made them: once it is over, Yjs merges a new
  // item into the one before it when the sender's clock runs on (typing on after one's own
  // characters), and the new characters would pass for old ones.
  let judged: { refusal: Refusal | null } | { error: unknown } | null = null;
  trial.on('beforeObserverCalls', (transaction: Y.Transaction) => {
    if (judged) return;
    try {
      judged = { refusal: judgeTransaction(transaction, context, new CharacterRules(transaction, context, { fresh, late, typedOn, revived })) };
    } catch (error) {
      judged = { error };
    }
  });
  try {
    Y.applyUpdate(trial, update);
    const notAllowed = context.suggestionMode ? CloseCode.suggestionsOnly : CloseCode.suggestionForged;
    if (trial.store.pendingStructs || trial.store.pendingDs) return { ok: false, code: notAllowed, why: 'an update that waits for items the server does not have' };
    const outcome = judged as { refusal: Refusal | null } | { error: unknown } | null;
    if (!outcome) return { ok: true, fresh, late, typedOn, revived };
    if ('error' in outcome) throw outcome.error;
    return outcome.refusal ? { ok: false, ...outcome.refusal } : { ok: true, fresh, late, typedOn, revived };
  } finally {
    trial.destroy();
  }
}

function judgeTransaction(transaction: Y.Transaction, context: SuggestionWriteContext, rules: CharacterRules): Refusal | null {
  for (const [type, keys] of transaction.changed) {
    const refusal = context.suggestionMode ? judgeTypeInSuggestionMode(type, keys, transaction, rules) : rules.judgeParagraphAttribute(type, keys);
    if (refusal) return refusal;
  }
  if (!context.suggestionMode) {
    for (const element of newElements(transaction)) {
      const refusal = rules.judgeNewElementByEditor(element);
      if (refusal) return refusal;
    }
  }
  for (const text of touchedTexts(transaction)) {
    const refusal = rules.judgeText(text);
    if (refusal) return refusal;
  }
  return null;
}

/**
 * In suggestion mode only text changes, besides proposed paragraphs coming and going
 * (judgeChildren). Attributes written as they were (the editor's binding rewrites a block's)
 * change nothing.
 */
function judgeTypeInSuggestionMode(type: ChangedType, keys: Set<string | null>, transaction: Y.Transaction, rules: CharacterRules): Refusal | null {
  if (type instanceof Y.XmlText) {
    for (const key of keys) if (key !== null) return { code: CloseCode.suggestionsOnly, why: 'a change of an attribute' };
    return null;
  }
  if (!(type instanceof Y.XmlFragment)) return { code: CloseCode.suggestionsOnly, why: 'a change outside the document\'s text' };
  const attributes = new Set([...keys].filter((key) => key !== null));
  if (attributes.size > 0 && !(type instanceof Y.XmlElement && attributesUnchanged(type, attributes, transaction))) {
    return { code: CloseCode.suggestionsOnly, why: 'a change of an attribute' };
  }
  return keys.has(null) ? rules.judgeChildren(type) : null;
}

/** Elements the transaction added under elements that were there before, and the ones inside them. */
function newElements(transaction: Y.Transaction): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  for (const [type, keys] of transaction.changed) {
    if (!keys.has(null) || !(type instanceof Y.XmlFragment)) continue;
    for (const child of type.toArray()) {
      if (!(child instanceof Y.XmlElement) || !child._item || child._item.id.clock < (transaction.beforeState.get(child._item.id.client) ?? 0)) continue;
      found.push(child);
      forEachXmlElement(child, (inner) => void found.push(inner));
    }
  }
  return found;
}

/** Every child type of `parent`, deleted ones too (a removed element's children are deleted with it). */
function childTypes(parent: Y.XmlFragment): ChangedType[] {
  const found: ChangedType[] = [];
  for (let item = parent._start; item !== null; item = item.right) if (item.content instanceof Y.ContentType) found.push(item.content.type);
  return found;
}

/** Whether the children of `parent` (the document itself, or an element) still make content its schema allows. */
function fitsSchema(parent: Y.XmlFragment): boolean {
  const schema = documentSchema();
  let match = (parent instanceof Y.XmlElement ? schema.nodes[parent.nodeName] : schema.topNodeType)?.contentMatch ?? null;
  for (const child of parent.toArray()) {
    const type = schema.nodes[child instanceof Y.XmlElement ? child.nodeName : 'text'];
    match = type && match ? match.matchType(type) : null;
    if (!match) return false;
  }
  return match?.validEnd ?? false;
}

const structureChange = (why: string): Refusal => ({ code: CloseCode.suggestionsOnly, why });


class CharacterRules {
  private readonly typedUnder: TypedUnder;

  private readonly fresh: Map<string, SuggestionKind>;
  private readonly late: Set<string>;
  private readonly typedOn: Map<string, CharacterIds[]>;
  private readonly revived: Set<string>;

  constructor(
    private readonly transaction: Y.Transaction,
    private readonly context: SuggestionWriteContext,
    found: { fresh: Map<string, SuggestionKind>; late: Set<string>; typedOn: Map<string, CharacterIds[]>; revived: Set<string> },
  ) {
    ({ fresh: this.fresh, late: this.late, typedOn: this.typedOn, revived: this.revived } = found);
    this.typedUnder = new TypedUnder(transaction.doc.store);
  }

  private isNew(item: Y.Item): boolean {
    return item.id.clock >= (this.transaction.beforeState.get(item.id.client) ?? 0);
  }

  /**
   * The children of the document or an element that the update added or removed. In suggestion
   * mode a proposed paragraph may come (the sender's own or a fresh id, holding nothing but
   * text) or go (their own open one), and text nodes may come and go inside a paragraph (their
   * characters are judged one by one); what is there afterwards must still fit the schema.
   */
  judgeChildren(parent: Y.XmlFragment): Refusal | null {
    let added = false;
    for (let item = parent._start; item !== null; item = item.right) {
      const aliveBefore = !this.isNew(item) && (!item.deleted || Y.isDeleted(this.transaction.deleteSet, item.id));
      const aliveAfter = !item.deleted;
      if (aliveBefore === aliveAfter) continue;
      const child = item.content instanceof Y.ContentType ? item.content.type : null;
      if (child instanceof Y.XmlText) {
        if (!(parent instanceof Y.XmlElement) || !documentSchema().nodes[parent.nodeName]?.inlineContent) return structureChange('a text node outside a paragraph');
        // The editor never gives a text node attributes: a new one with some carries something unjudged.
        if (aliveAfter && Object.keys(child.getAttributes()).length > 0) return structureChange('a text node with attributes');
        // A new one is among the touched texts; a removed one is judged here, as nothing else reaches it.
        const refusal = aliveAfter ? null : this.judgeText(child);
        if (refusal) return refusal;
        continue;
      }
      if (!(child instanceof Y.XmlElement) || child.nodeName !== SUGGESTABLE_NODE) return structureChange("a change of the document's structure");
      const refusal = aliveAfter ? this.proposedParagraph(child) : this.withdrawnParagraph(child);
      if (refusal) return refusal;
      added ||= aliveAfter;
    }
    return added && !fitsSchema(parent) ? structureChange('a paragraph where the schema allows none') : null;
  }

  private proposedParagraph(paragraph: Y.XmlElement): Refusal | null {
    const id = paragraph.getAttribute(PARAGRAPH_SUGGESTION_ATTR) as unknown;
    if (typeof id !== 'string' || Object.keys(paragraph.getAttributes()).some((key) => key !== PARAGRAPH_SUGGESTION_ATTR)) {
      return structureChange('a new paragraph that is not a proposal');
    }
    const plainText = (child: unknown) => child instanceof Y.XmlText && Object.keys(child.getAttributes()).length === 0;
    if (!paragraph.toArray().every(plainText)) return structureChange('a proposed paragraph that holds more than text');
    return this.ownOrFresh(id, 'insert') ? null : this.forged("a proposed paragraph with an id that is not the sender's");
  }

  /** A proposed paragraph taken back: the sender's own open one, and with it only their own proposed words. */
  private withdrawnParagraph(paragraph: Y.XmlElement): Refusal | null {
    const before = valueBefore(paragraph, PARAGRAPH_SUGGESTION_ATTR, this.transaction);
    if (!before.present || typeof before.value !== 'string' || !this.isOwnOpen(before.value, 'insert')) {
      return structureChange("a paragraph removed that is not the sender's own open proposal");
    }
    for (const child of childTypes(paragraph)) {
      if (!(child instanceof Y.XmlText)) return structureChange('a proposed paragraph that held more than text');
      const refusal = this.judgeText(child);
      if (refusal) return refusal;
    }
    return null;
  }

  /**
   * Outside suggestion mode a paragraph's suggestion attribute is the server's to change: it
   * takes it off when the proposal is accepted. Writing it onto an existing paragraph would make
   * settled text a proposal, taking it off would settle one without a decision.
   */
  judgeParagraphAttribute(type: ChangedType, keys: Set<string | null>): Refusal | null {
    if (!(type instanceof Y.XmlElement) || !keys.has(PARAGRAPH_SUGGESTION_ATTR)) return null;
    const before = valueBefore(type, PARAGRAPH_SUGGESTION_ATTR, this.transaction);
    const after = type.getAttribute(PARAGRAPH_SUGGESTION_ATTR) as unknown;
    return sameValue(before.present ? before.value : null, after) ? null : this.forged("a paragraph's suggestion attribute changed");
  }

  /**
   * A new element by an editor may be a proposed paragraph of their own or fresh id, or bring
   * back someone's open one (an undo in the ordinary mode restores a deleted paragraph as new).
   */
  judgeNewElementByEditor(element: Y.XmlElement): Refusal | null {
    const id = element.getAttribute(PARAGRAPH_SUGGESTION_ATTR) as unknown;
    if (id === undefined || id === null) return null;
    if (element.nodeName !== SUGGESTABLE_NODE || typeof id !== 'string') return this.forged('a suggestion attribute on something other than a paragraph');
    if (this.context.known(id)?.status === 'open' && this.context.known(id)?.kind === 'insert') return null;
    if (this.revives(id, 'insert')) return null;
    return this.ownOrFresh(id, 'insert') ? null : this.forged("a proposed paragraph with an id that is not the sender's");
  }

  /** Walks the text once, keeping the formats in force before and after the update. */
  judgeText(text: Y.XmlText): Refusal | null {
    const before = new Map<string, unknown>();
    const after = new Map<string, unknown>();
    for (let item = text._start; item !== null; item = item.right) {
      const isNew = this.isNew(item);
      const aliveBefore = !isNew && (!item.deleted || Y.isDeleted(this.transaction.deleteSet, item.id));
      const aliveAfter = !item.deleted;
      const content = item.content;
      if (content instanceof Y.ContentFormat) {
        if (aliveBefore) before.set(content.key, content.value);
        if (aliveAfter) after.set(content.key, content.value);
        continue;
      }
      if (!item.countable || (!aliveBefore && !aliveAfter)) continue;
      if (!(content instanceof Y.ContentString)) {
        if (this.context.suggestionMode && aliveBefore !== aliveAfter) return { code: CloseCode.suggestionsOnly, why: 'an embed added or removed' };
        continue;
      }
      const refusal = aliveBefore && aliveAfter ? this.kept(before, after) : aliveBefore ? this.removed(before) : this.added(item, after);
      if (refusal) return refusal;
    }
    return null;
  }

  /** A character that was there and stays. */
  private kept(before: Map<string, unknown>, after: Map<string, unknown>): Refusal | null {
    const { suggestionMode } = this.context;
    if (idOf(before.get(SUGGESTION_INSERT_MARK)) !== idOf(after.get(SUGGESTION_INSERT_MARK))) {
      return this.forged('an insertion mark put on or taken off text that was there');
    }
    const was = idOf(before.get(SUGGESTION_DELETE_MARK));
    const is = idOf(after.get(SUGGESTION_DELETE_MARK));
    if (was !== is) {
      if (was !== null && !this.isOwnOpen(was, 'delete')) return this.forged('another person\'s removal mark taken off');
      if (is !== null && !this.ownOrFresh(is, 'delete')) return this.forged('a removal mark with an id that is not the sender\'s');
    }
    if (suggestionMode) {
      for (const key of new Set([...before.keys(), ...after.keys()])) {
        if (!isSuggestionMarkName(key) && !sameValue(before.get(key), after.get(key))) return { code: CloseCode.suggestionsOnly, why: 'formatting changed' };
      }
    }
    return null;
  }

  /** A character the update deleted. */
  private removed(before: Map<string, unknown>): Refusal | null {
    if (!this.context.suggestionMode) return null;
    const inserted = idOf(before.get(SUGGESTION_INSERT_MARK));
    if (inserted !== null && this.isOwnOpen(inserted, 'insert')) return null;
    return { code: CloseCode.suggestionsOnly, why: 'text deleted that is not the sender\'s own suggestion' };
  }

  /** Characters the update inserted (one new item). */
  private added(item: Y.Item, after: Map<string, unknown>): Refusal | null {
    const inserted = idOf(after.get(SUGGESTION_INSERT_MARK));
    const deleted = idOf(after.get(SUGGESTION_DELETE_MARK));
    if (this.context.suggestionMode) {
      if (deleted !== null) return { code: CloseCode.suggestionsOnly, why: 'new text with a removal mark' };
      if (inserted === null) {
        const continued = this.ownDecidedTypedUnder(item);
        if (continued === null) return { code: CloseCode.suggestionsOnly, why: 'text inserted without an insertion mark' };
        const characters = this.typedOn.get(continued) ?? [];
        characters.push({ client: item.id.client, clock: item.id.clock, length: item.length });
        this.typedOn.set(continued, characters);
        return null;
      }
      return this.ownOrFresh(inserted, 'insert') ? null : this.forged('an insertion mark with an id that is not the sender\'s');
    }
    // Typing inside someone's suggestion is editing it (the characters stay the typist's in
    // "Wie schreef dit?"); a new id becomes the typist's own suggestion.
    for (const [id, kind] of [[inserted, 'insert'], [deleted, 'delete']] as const) {
      if (id === null || this.context.known(id)?.status === 'open' || this.revives(id, kind)) continue;
      if (!this.ownOrFresh(id, kind)) return this.forged('a suggestion mark with an id that is not the sender\'s');
    }
    return null;
  }

  /**
   * Outside suggestion mode, text or a paragraph carrying a withdrawn suggestion comes back: an
   * editor deleted it (which withdrew it) and undid that, or cut and pasted it back in place.
   * The suggestion is open again, still its suggester's; nothing else may reuse a withdrawn id.
   */
  private revives(id: string, kind: SuggestionKind): boolean {
    const known = this.context.known(id);
    if (this.context.suggestionMode || known?.status !== 'withdrawn' || known.kind !== kind) return false;
    this.revived.add(id);
    return true;
  }

  /**
   * The sender's own decided insertion that an unmarked new character was typed under (see
   * typedUnder.ts), or null. Typed on while it was decided: their replica still showed it, and
   * Yjs wrote no mark, since the character carried it by position.
   */
  private ownDecidedTypedUnder(item: Y.Item): string | null {
    const id = this.typedUnder.of(item);
    if (id === null) return null;
    const known = this.context.known(id);
    return known !== undefined && known.userId === this.context.userId && known.kind === 'insert' && known.status !== 'open' ? id : null;
  }

  private isOwnOpen(id: string, kind: SuggestionKind): boolean {
    const known = this.context.known(id);
    return known !== undefined && known.userId === this.context.userId && known.status === 'open' && known.kind === kind;
  }

  /**
   * An id the sender may use: their own open suggestion of this kind, a new one (recorded as
   * theirs), or their own that was decided meanwhile (late: moved to a fresh one by the guard).
   */
  private ownOrFresh(id: string, kind: SuggestionKind): boolean {
    const known = this.context.known(id);
    if (known) {
      if (known.userId !== this.context.userId || known.kind !== kind) return false;
      if (known.status !== 'open') this.late.add(id);
      return true;
    }
    if (!isSuggestionIdShape(id)) return false;
    const seen = this.fresh.get(id);
    if (seen !== undefined) return seen === kind;
    this.fresh.set(id, kind);
    return true;
  }

  private forged(why: string): Refusal {
    return { code: CloseCode.suggestionForged, why };
  }
}
