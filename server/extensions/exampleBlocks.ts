/**
 * Room extension: a template's example blocks (`example: true`) stay examples until a person
 * edits or takes them over, and only the server makes a block an example.
 *
 * - A person's change to an example's text (formatting included) or to any of its fields
 *   (an owner party or person, a party, a date, a status, a weight, …) clears the mark on
 *   every replica with a compensating server change, so the block enters the registers.
 *   Setting a field to the value it already had changes nothing and keeps the mark. Forged
 *   authors and ids do not count: blockRecords puts those back.
 * - A person may clear the mark by hand (they could edit the block anyway).
 * - A person who sets the mark on a block that is not an example on record, or inserts a
 *   marked block (a paste, a copy), has the mark removed again: otherwise anyone could hide a
 *   real action or commitment from the registers while it stayed in the document for all to
 *   read as agreed. Deleting the block stays possible, and visible to everyone.
 * - An example that is deleted and comes back saying the same (undo, a move, cut and paste)
 *   stays an example.
 *
 * The server's own changes (a template, a restore, other extensions' compensations) are the
 * authority: whatever they leave in the document is the record.
 */
import { createHash } from 'node:crypto';
import type * as Y from 'yjs';
import { exampleAttr, toRawAttrs } from '../../shared/blocks/attrs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { forEachXmlElement } from '../../shared/editor/yxml';
import type { AppliedChange, ExtensionRoom, RoomExtension, RoomExtensionFactory } from '../collab/extensions';
import { identityAttrs } from './blockContent';
import { insertedBlocks, isBlock, isLive } from './blockElements';

const notContent: ReadonlySet<string> = new Set([...identityAttrs, exampleAttr]);

// Yjs types attribute values as strings; a boolean is what the editor and the templates write.
const isMarked = (element: Y.XmlElement) => (element.getAttribute(exampleAttr) as unknown) === true;

/**
 * What an example says and holds: its kind, its fields (not who made it, not the mark) and
 * its content with formatting. Any change a person makes to it is an edit.
 */
export function exampleContentHash(element: Y.XmlElement): string {
  const attrs = Object.entries(toRawAttrs(element.getAttributes() as Record<string, unknown>))
    .filter(([name]) => !notContent.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const content = element.toArray().map((child) => child.toString());
  return createHash('sha256').update(JSON.stringify([element.nodeName, attrs, content])).digest('hex');
}

export class ExampleBlocks implements RoomExtension {
  /** Every example on record: its element and what it said when marked or last seen. */
  private readonly examples = new Map<Y.XmlElement, string>();
  /** The element that last held each example's id, to know an example that comes back. */
  private readonly byId = new Map<string, Y.XmlElement>();

  constructor(private readonly room: ExtensionRoom) {}

  /** The document is the record at load: the server kept the marks honest while it ran. */
  onLoad(): void {
    forEachXmlElement(this.room.doc.getXmlFragment(DOCUMENT_FRAGMENT), (element) => {
      if (!isBlock(element)) return true;
      if (isMarked(element)) this.remember(element);
      return false;
    });
  }

  afterApply({ principal, transaction }: AppliedChange) {
    const inserted = insertedBlocks(transaction).filter(isLive);
    const changed = new Set<Y.XmlElement>();
    for (const type of transaction.changedParentTypes.keys()) if (isBlock(type) && isLive(type)) changed.add(type);
    for (const element of inserted) changed.delete(element);
    if (!principal) {
      for (const element of [...inserted, ...changed]) this.follow(element);
      return;
    }
    const unmark: Y.XmlElement[] = [];
    for (const element of inserted) if (isMarked(element) && !this.comesBack(element)) unmark.push(element);
    for (const element of changed) if (this.judgeChange(element)) unmark.push(element);
    if (unmark.length === 0) return;
    return () => {
      for (const element of unmark) if (isLive(element)) element.removeAttribute(exampleAttr);
    };
  }

  /** A person changed this block: true when its mark must go (edited, or forged). */
  private judgeChange(element: Y.XmlElement): boolean {
    const recorded = this.examples.get(element);
    if (recorded === undefined) return isMarked(element);
    if (!isMarked(element)) {
      // Cleared by hand: it is theirs now.
      this.forget(element);
      return false;
    }
    if (exampleContentHash(element) === recorded) return false;
    this.forget(element);
    return true;
  }

  /** A marked block a person inserted: an example on record that was deleted and says the same. */
  private comesBack(element: Y.XmlElement): boolean {
    const id = element.getAttribute('id');
    const before = typeof id === 'string' ? this.byId.get(id) : undefined;
    if (!before || before === element || isLive(before)) return false;
    if (this.examples.get(before) !== exampleContentHash(element)) return false;
    this.forget(before);
    this.remember(element);
    return true;
  }

  /** The server changed this block: the record follows the document. */
  private follow(element: Y.XmlElement): void {
    if (isMarked(element)) this.remember(element);
    else this.forget(element);
  }

  private remember(element: Y.XmlElement): void {
    this.examples.set(element, exampleContentHash(element));
    const id = element.getAttribute('id');
    if (typeof id === 'string') this.byId.set(id, element);
  }

  /** Keeps the id's last holder while it is deleted, so an undo can still bring the example back. */
  private forget(element: Y.XmlElement): void {
    this.examples.delete(element);
    const id = element.getAttribute('id');
    if (typeof id === 'string' && this.byId.get(id) === element && isLive(element)) this.byId.delete(id);
  }
}

export function exampleBlocks(): RoomExtensionFactory<ExampleBlocks> {
  return { name: 'exampleBlocks', create: (room) => new ExampleBlocks(room) };
}
