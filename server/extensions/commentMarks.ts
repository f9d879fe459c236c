/**
 * Room extension: only the server writes `comment` marks. A connection's update that puts a
 * thread's mark on text, or takes it off text still in the document by writing another value
 * over it, is answered with a compensating server change that puts the range back as it was, so
 * every replica (the sender's too) converges on the server's marks.
 *
 * One exception keeps undo working: text that comes back with the mark of a thread of this
 * document, saying (part of) what the thread quoted, re-anchors that thread. A forger gains
 * nothing by it: the mark can only land on the words the thread was already about.
 *
 * Text typed inside a commented range carries the mark without writing one (the editor inserts
 * it with the range's formatting; Yjs adds no format item), so it is never judged here.
 */
import * as Y from 'yjs';
import { COMMENT_MARK, threadIdOf } from '../../shared/comments/commentMark';
import type { AppliedChange, ExtensionRoom, RoomExtension, RoomExtensionFactory } from '../collab/extensions';
import type { Repos } from '../storage/ports';
import { plainText, textNodes } from '../../shared/editor/yxml';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';

/** A comment format item a connection wrote, with the value in force just before it. */
interface WrittenMark {
  text: Y.XmlText;
  item: Y.Item;
  before: unknown;
}

const isNew = (transaction: Y.Transaction, item: Y.Item) => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
const isCommentFormat = (item: Y.Item): item is Y.Item & { content: Y.ContentFormat } => item.content instanceof Y.ContentFormat && item.content.key === COMMENT_MARK;

/** Text nodes the transaction wrote into: changed ones and those inside inserted elements. */
export function touchedTexts(transaction: Y.Transaction): Set<Y.XmlText> {
  const texts = new Set<Y.XmlText>();
  const visit = (type: unknown) => {
    if (type instanceof Y.XmlText) texts.add(type);
    else if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) for (const child of type.toArray()) stack.push(child);
  };
  const stack: unknown[] = [];
  for (const [type, keys] of transaction.changed) {
    if (type instanceof Y.XmlText) texts.add(type);
    if (!keys.has(null) || !(type instanceof Y.XmlElement || type instanceof Y.XmlFragment)) continue;
    for (const child of type.toArray()) if (child instanceof Y.AbstractType && child._item && isNew(transaction, child._item)) stack.push(child);
  }
  while (stack.length > 0) visit(stack.pop());
  return texts;
}

/**
 * The comment formats this transaction wrote into the text, each with the value the server's
 * formats gave that place before it. Yjs writes formats in pairs when text is inserted with other
 * formatting than its surroundings (a format, the text, the format in force again); judged
 * against what was there before, only the one that changes something counts.
 */
function writtenMarks(transaction: Y.Transaction, text: Y.XmlText): WrittenMark[] {
  const found: WrittenMark[] = [];
  let current: unknown = null;
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !isCommentFormat(item)) continue;
    if (isNew(transaction, item)) found.push({ text, item, before: current });
    else current = item.content.value;
  }
  return found;
}

/** Where the format item's value holds: its index and the characters up to the next comment format. */
export function rangeOf(text: Y.XmlText, start: Y.Item): { index: number; length: number; covered: string } | null {
  let index = 0;
  let from = -1;
  for (let item = text._start; item !== null; item = item.right) {
    if (item === start) {
      from = index;
      continue;
    }
    if (item.deleted) continue;
    if (from >= 0 && isCommentFormat(item)) break;
    if (item.countable) index += item.length;
  }
  if (from < 0) return null;
  return { index: from, length: index - from, covered: plainText(text).slice(from, index) };
}

/** The value in force just after `start`, from the formats still in the text. */
function valueAfter(text: Y.XmlText, start: Y.Item): unknown {
  let current: unknown = null;
  for (let item = text._start; item !== null && item !== start; item = item.right) {
    if (!item.deleted && isCommentFormat(item)) current = item.content.value;
  }
  return current;
}

/** A comment format item a transaction deleted, with the value it had (its content is gone by now). */
interface RemovedMark {
  text: Y.XmlText;
  item: Y.Item;
  value: unknown;
}

/**
 * Comment formats this transaction deleted while text they held is still there without them:
 * taken off by a client (Yjs deletes a format item that is written over). The clean-up Yjs does
 * after text is deleted removes only format items that hold no text any more, so it never counts.
 * Yjs empties a deleted item's content before the room sees the transaction, so the values come
 * from the extension's record of the live comment formats.
 */
function removedMarks(transaction: Y.Transaction, known: WeakMap<Y.Item, unknown>): RemovedMark[] {
  const removed: RemovedMark[] = [];
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || !known.has(struct) || isNew(transaction, struct)) return;
    const value = known.get(struct);
    const threadId = threadIdOf(value);
    if (!threadId || !(struct.parent instanceof Y.XmlText) || struct.parent._item?.deleted) return;
    const range = rangeOf(struct.parent, struct);
    if (!range || range.length === 0) return;
    if (threadIdOf(valueAfter(struct.parent, struct)) !== threadId) removed.push({ text: struct.parent, item: struct, value });
  });
  return removed;
}

/** Every live comment format item in the text. */
function liveCommentFormats(text: Y.XmlText): (Y.Item & { content: Y.ContentFormat })[] {
  const found: (Y.Item & { content: Y.ContentFormat })[] = [];
  for (let item = text._start; item !== null; item = item.right) if (!item.deleted && isCommentFormat(item)) found.push(item);
  return found;
}

export class CommentMarks implements RoomExtension {
  /** This document's threads and what they quoted. */
  private readonly quotes = new Map<string, string>();
  /** The value of every comment format item the document held (see removedMarks). */
  private readonly known = new WeakMap<Y.Item, unknown>();

  constructor(
    private readonly room: ExtensionRoom,
    private readonly repos: Repos,
  ) {}

  async onLoad(): Promise<void> {
    for (const thread of await this.repos.comments.threadsOfDocument(this.room.documentId)) this.quotes.set(thread.id, thread.quote);
    for (const text of textNodes(this.room.doc.getXmlFragment(DOCUMENT_FRAGMENT))) this.record(text);
  }

  private record(text: Y.XmlText): void {
    for (const item of liveCommentFormats(text)) this.known.set(item, item.content.value);
  }

  /** A thread the server just started in this document. */
  remember(threadId: string, quote: string): void {
    this.quotes.set(threadId, quote);
  }

  /** A thread taken back before its mark was stored. */
  forget(threadId: string): void {
    this.quotes.delete(threadId);
  }

  afterApply({ principal, transaction }: AppliedChange) {
    const texts = touchedTexts(transaction);
    if (!principal) {
      for (const text of texts) this.record(text);
      return;
    }
    const forged: WrittenMark[] = [];
    for (const text of texts) {
      for (const written of writtenMarks(transaction, text)) if (!this.mayStand(written)) forged.push(written);
    }
    const removed = removedMarks(transaction, this.known);
    for (const text of texts) this.record(text);
    if (forged.length === 0 && removed.length === 0) return;
    return () => {
      for (const { text, item, before } of forged) {
        if (text._item?.deleted) continue;
        const range = rangeOf(text, item);
        if (range && range.length > 0) text.format(range.index, range.length, { [COMMENT_MARK]: before });
      }
      for (const { text, item, value } of removed) {
        if (text._item?.deleted) continue;
        const range = rangeOf(text, item);
        if (range && range.length > 0) text.format(range.index, range.length, { [COMMENT_MARK]: value });
      }
    };
  }

  /** True when the written mark may stay: no change in effect, or undo bringing a thread back. */
  private mayStand({ text, item, before }: WrittenMark): boolean {
    const value = (item.content as Y.ContentFormat).value;
    const range = rangeOf(text, item);
    if (!range || range.length === 0) return true;
    const threadId = threadIdOf(value);
    if (threadId !== null && threadId === threadIdOf(before)) return true;
    if (threadId === null) return threadIdOf(before) === null;
    const quote = this.quotes.get(threadId);
    return quote !== undefined && range.covered.trim().length > 0 && quote.includes(range.covered);
  }
}

export function commentMarks(repos: Repos): RoomExtensionFactory<CommentMarks> {
  return { name: 'commentMarks', create: (room) => new CommentMarks(room, repos) };
}

/** The comment guard of an open room (it is in the server's extension list). */
export function commentMarksOf(room: { extension<T extends RoomExtension>(type: abstract new (...args: never[]) => T): T | undefined }): CommentMarks {
  const guard = room.extension(CommentMarks);
  if (!guard) throw new Error('comment marks guard is not installed');
  return guard;
}
