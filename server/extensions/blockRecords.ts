/**
 * Room extension: who created a structured block is what the server saw when the update that
 * inserted it arrived, never what a client wrote into `createdBy` and `createdByParty`. The
 * record is kept in block_records and the document is made to agree with it; a changed or
 * forged value is reverted on every replica.
 *
 * Block ids are the server's to keep unique: a block that arrives with the id of another live
 * block (a copy) or with an id that is not in the safe alphabet gets a fresh id, so a
 * confirmation or an author never covers a copy. A deleted block that comes back (undo, cut and
 * paste) keeps its id and author only when it comes back saying what it said before.
 */
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { forEachXmlElement } from '../../shared/editor/yxml';
import type { AppliedChange, ExtensionRoom, RoomExtension, RoomExtensionFactory } from '../collab/extensions';
import { newId } from '../storage/ids';
import type { Repos } from '../storage/ports';
import type { BlockRecordRow } from '../storage/rows';
import { describeFailure, type Logger } from '../support/log';
import { blockContentHash, identityAttrs } from './blockContent';
import { insertedBlocks, isBlock, isLive } from './blockElements';

const safeBlockId = /^[A-Za-z0-9_-]{1,64}$/;

interface Author {
  createdBy: string | null;
  createdByParty: string | null;
}

export class BlockRecords implements RoomExtension {
  private readonly authors = new Map<string, Author>();
  /** The live element of each block id. */
  private readonly live = new Map<string, Y.XmlElement>();
  /** What each block said when last seen, to know a block that comes back unchanged. */
  private readonly content = new Map<string, string>();
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly room: ExtensionRoom,
    private readonly repos: Repos,
    private readonly log: Logger,
  ) {}

  async onLoad(): Promise<void> {
    for (const row of await this.repos.blockRecords.forDocument(this.room.documentId)) {
      this.authors.set(row.block_id, { createdBy: row.created_by, createdByParty: row.created_by_party });
    }
    // Blocks without a record (a template's, or from before the server kept records) are taken
    // as they stand. Nothing is written: a load must not change stored data, and the document
    // says the same at every load because the server keeps it that way.
    forEachXmlElement(this.room.doc.getXmlFragment(DOCUMENT_FRAGMENT), (element) => {
      if (!isBlock(element)) return true;
      const id = element.getAttribute('id');
      if (typeof id !== 'string') return false;
      this.live.set(id, element);
      this.content.set(id, blockContentHash(element, identityAttrs));
      if (!this.authors.has(id)) this.authors.set(id, { createdBy: stringOrNull(element.getAttribute('createdBy')), createdByParty: stringOrNull(element.getAttribute('createdByParty')) });
      return false;
    });
  }

  /** Who created the block with this id, as recorded. */
  authorOf(blockId: string): Author | undefined {
    return this.authors.get(blockId);
  }

  afterApply({ principal, transaction }: AppliedChange) {
    const fixes: (() => void)[] = [];
    const recorded: BlockRecordRow[] = [];
    const inserted = insertedBlocks(transaction);
    const insertedSet = new Set(inserted);
    for (const element of inserted) {
      if (!isLive(element)) continue;
      const id = element.getAttribute('id');
      const hash = blockContentHash(element, identityAttrs);
      const holder = typeof id === 'string' ? this.live.get(id) : undefined;
      const copy = holder !== undefined && holder !== element && isLive(holder);
      // A known block that is not in the document any more (undo, cut and paste, a move).
      const comesBackChanged = typeof id === 'string' && !copy && holder !== element && this.authors.has(id) && this.content.get(id) !== hash;
      // The server writes only what it means (templates, restores): its inserts keep their ids.
      if (principal && (typeof id !== 'string' || !safeBlockId.test(id) || copy || comesBackChanged)) {
        const fresh = newId();
        const author = { createdBy: principal.userId, createdByParty: principal.partyId };
        this.authors.set(fresh, author);
        recorded.push(this.row(fresh, author));
        this.live.set(fresh, element);
        this.content.set(fresh, hash);
        fixes.push(() => {
          element.setAttribute('id', fresh);
          setAuthor(element, author);
        });
        continue;
      }
      if (typeof id !== 'string') continue;
      let author = this.authors.get(id);
      if (!author) {
        author = principal
          ? { createdBy: principal.userId, createdByParty: principal.partyId }
          : { createdBy: stringOrNull(element.getAttribute('createdBy')), createdByParty: stringOrNull(element.getAttribute('createdByParty')) };
        this.authors.set(id, author);
        recorded.push(this.row(id, author));
      }
      this.live.set(id, element);
      this.content.set(id, hash);
      if (principal && !authoredBy(element, author)) fixes.push(() => setAuthor(element, author));
    }
    // Existing blocks: an author changed by a client goes back; what a block says is remembered.
    for (const [type, keys] of transaction.changed) {
      if (!isBlock(type) || insertedSet.has(type) || !isLive(type)) continue;
      const id = type.getAttribute('id');
      const author = typeof id === 'string' ? this.authors.get(id) : undefined;
      if (principal && author && (keys.has('createdBy') || keys.has('createdByParty')) && !authoredBy(type, author)) fixes.push(() => setAuthor(type, author));
    }
    for (const type of transaction.changedParentTypes.keys()) {
      if (!isBlock(type) || !isLive(type)) continue;
      const id = type.getAttribute('id');
      if (typeof id === 'string' && this.live.get(id) === type) this.content.set(id, blockContentHash(type, identityAttrs));
    }
    if (recorded.length > 0) void this.record(recorded);
    if (fixes.length === 0) return;
    return () => fixes.forEach((fix) => fix());
  }

  onUnload(): Promise<void> {
    return this.writes;
  }

  private row(blockId: string, author: Author): BlockRecordRow {
    return { document_id: this.room.documentId, block_id: blockId, created_by: author.createdBy, created_by_party: author.createdByParty, created_at: Date.now() };
  }

  private async record(rows: BlockRecordRow[]): Promise<void> {
    this.writes = this.writes.then(() => this.repos.blockRecords.insert(rows)).catch((error: unknown) => {
      this.log.error('recording block authors failed', { document: this.room.documentId, ...describeFailure(error) });
    });
    await this.writes;
  }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function authoredBy(element: Y.XmlElement, author: Author): boolean {
  return stringOrNull(element.getAttribute('createdBy')) === author.createdBy && stringOrNull(element.getAttribute('createdByParty')) === author.createdByParty;
}

function setAuthor(element: Y.XmlElement, author: Author): void {
  if (!isLive(element)) return;
  if (author.createdBy === null) element.removeAttribute('createdBy');
  else element.setAttribute('createdBy', author.createdBy);
  if (author.createdByParty === null) element.removeAttribute('createdByParty');
  else element.setAttribute('createdByParty', author.createdByParty);
}

export function blockRecords(repos: Repos, log: Logger): RoomExtensionFactory<BlockRecords> {
  return { name: 'blockRecords', create: (room) => new BlockRecords(room, repos, log) };
}
