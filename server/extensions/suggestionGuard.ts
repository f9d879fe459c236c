/**
 * Room extension: suggestions (issue 15) are the server's business in two ways.
 *
 * - Write filter: a connection in suggestion mode (it may comment but not write, or it asked
 *   for `?mode=suggest`) has every update judged before it touches the document; one that is
 *   not wholly a suggestion closes the connection with `suggestionsOnly` (or `suggestionForged`
 *   for an id that is not the sender's) and nothing is applied, stored or relayed. An editor's
 *   update is judged the same way whenever it writes a suggestion mark.
 * - Record: the first connection that writes a suggestion id is its suggester. The id, kind,
 *   user and party come from the connection's principal, never from the mark.
 * - Late marks: characters a suggester marked with their own suggestion after it was decided
 *   (typed on while someone accepted it) are moved to a fresh suggestion of theirs by a
 *   compensating server change, so the decided one stays decided and nothing typed is lost. So
 *   are unmarked characters they typed on after their own insertion while it was decided (Yjs
 *   wrote no mark for them: they carried it by position), which the judge names by Yjs id.
 *
 * The rules themselves are in server/suggestions/judgeSuggestionWrite.ts; who is in
 * suggestion mode is server/policies' call.
 */
import { randomUUID } from 'node:crypto';
import type { AppliedChange, Compensation, ExtensionRoom, IncomingWrite, RoomExtension, RoomExtensionFactory, WriteVerdict } from '../collab/extensions';
import type { Principal } from '../collab/Connection';
import { isSuggestionMode } from '../policies';
import type { Repos } from '../storage/ports';
import type { SuggestionRow, SuggestionStatus } from '../storage/rows';
import { describeFailure, type Logger } from '../support/log';
import type { SuggestionKind } from '../../shared/suggestions/suggestionMarks';
import { judgeSuggestionWrite, writesSuggestionFormat, type CharacterIds, type KnownSuggestion } from '../suggestions/judgeSuggestionWrite';
import { characterRuns, proposedParagraphs, suggestionRanges } from '../suggestions/suggestionRanges';
import { PARAGRAPH_SUGGESTION_ATTR } from '../../shared/suggestions/suggestedParagraph';
import { SUGGESTION_INSERT_MARK } from '../../shared/suggestions/suggestionMarks';

export class SuggestionGuard implements RoomExtension {
  /** Every suggestion of this document the server knows, by id. */
  private readonly known = new Map<string, KnownSuggestion>();
  /** Fresh ids of the update that just passed the filter, recorded once it is applied. */
  private passed: { principal: Principal; fresh: Map<string, SuggestionKind>; late: Set<string>; typedOn: Map<string, CharacterIds[]>; revived: Set<string> } | null = null;
  /**
   * The suggestion rows' writes of this document, one after the other in the order the room
   * made them: on PostgreSQL each may take another pooled connection, and a withdrawal must not
   * overtake the record it changes, nor a revival the withdrawal.
   */
  private rowWrites: Promise<void> = Promise.resolve();

  constructor(
    private readonly room: ExtensionRoom,
    private readonly repos: Repos,
    private readonly log: Logger,
    private readonly announce: SuggestionsAnnouncer,
  ) {}

  async onLoad(): Promise<void> {
    for (const row of await this.repos.suggestions.ofDocument(this.room.documentId)) {
      this.known.set(row.id, { userId: row.user_id, kind: row.kind, status: row.status });
    }
  }

  filterWrite({ principal, update, decoded }: IncomingWrite): WriteVerdict {
    this.passed = null;
    const suggestionMode = isSuggestionMode(principal.abilities);
    // An editor's plain typing never reaches the copy: without a suggestion format item an
    // update can only carry the marks already in force around it, and without a deletion it
    // cannot take one off (a raw client could delete the format item that opens a suggestion).
    if (!suggestionMode && !writesSuggestionFormat(decoded) && !(decoded.ds.clients.size > 0 && this.hasOpen())) return;
    const judgement = judgeSuggestionWrite(this.room.doc, update, { userId: principal.userId, suggestionMode, known: (id) => this.known.get(id) });
    if (!judgement.ok) return { reject: { code: judgement.code, reason: 'not a suggestion', log: { why: judgement.why } } };
    if (judgement.fresh.size > 0 || judgement.late.size > 0 || judgement.typedOn.size > 0 || judgement.revived.size > 0) {
      this.passed = { principal, fresh: judgement.fresh, late: judgement.late, typedOn: judgement.typedOn, revived: judgement.revived };
    }
  }

  afterApply({ principal }: AppliedChange): Compensation | void {
    const passed = this.passed;
    this.passed = null;
    if (!principal || !passed || passed.principal !== principal) return;
    const now = Date.now();
    const rows: SuggestionRow[] = [];
    const add = (id: string, kind: SuggestionKind) => {
      this.known.set(id, { userId: principal.userId, kind, status: 'open' });
      rows.push({
        document_id: this.room.documentId,
        id,
        workspace_id: principal.workspaceId,
        user_id: principal.userId,
        party_id: principal.partyId,
        kind,
        status: 'open',
        created_at: now,
        decided_by: null,
        decided_at: null,
      });
    };
    for (const [id, kind] of passed.fresh) if (!this.known.has(id)) add(id, kind);
    const moved = new Map<string, string>();
    // One fresh suggestion per decided one, for its late marks and the characters typed on after it.
    for (const id of new Set([...passed.late, ...passed.typedOn.keys()])) {
      const replacement = randomUUID();
      add(replacement, this.known.get(id)!.kind);
      moved.set(id, replacement);
    }
    if (rows.length > 0) {
      // In force in memory at once: a later update cannot claim the id meanwhile. Recorded once
      // the update that wrote it is stored, so no record names a suggestion the log lacks.
      this.room.afterStored(() =>
        this.writeRows(() =>
          this.repos.suggestions.record(rows).then(
            () => this.announce(principal.workspaceId, this.room.documentId),
            (error: unknown) => this.log.error('recording suggestions failed', { document: this.room.documentId, ...describeFailure(error) }),
          ),
        ),
      );
    }
    const revived = [...passed.revived];
    if (revived.length > 0) {
      for (const id of revived) this.setStatus(id, 'open');
      this.room.afterStored(() =>
        this.writeRows(() =>
          this.repos.suggestions.revive(this.room.documentId, revived).then(
            () => this.announce(principal.workspaceId, this.room.documentId),
            (error: unknown) => this.log.error('reopening suggestions failed', { document: this.room.documentId, ...describeFailure(error) }),
          ),
        ),
      );
    }
    if (moved.size === 0) return;
    // After a decision no character carries its id any more: whatever does now came late.
    return (doc) => {
      for (const [id, replacement] of moved) {
        for (const range of suggestionRanges(doc, id)) range.text.format(range.index, range.length, { [range.mark]: { suggestionId: replacement } });
        for (const { element } of proposedParagraphs(doc, id)) element.setAttribute(PARAGRAPH_SUGGESTION_ATTR, replacement);
      }
      for (const [id, characters] of passed.typedOn) {
        const mark = { [SUGGESTION_INSERT_MARK]: { suggestionId: moved.get(id)! } };
        for (const run of characterRuns(doc, characters)) run.text.format(run.index, run.length, mark);
      }
    };
  }

  /** Queues a write of this document's suggestion rows behind the ones before it (see rowWrites). */
  writeRows(write: () => Promise<void>): void {
    this.rowWrites = this.rowWrites.then(write, write);
  }

  hasOpen(): boolean {
    for (const suggestion of this.known.values()) if (suggestion.status === 'open') return true;
    return false;
  }

  /** The open suggestions' ids, as the server holds them now (the next update is judged by them). */
  openIds(): string[] {
    return [...this.known].filter(([, suggestion]) => suggestion.status === 'open').map(([id]) => id);
  }

  statusOf(id: string): SuggestionStatus | undefined {
    return this.known.get(id)?.status;
  }

  /** A decision the server took (or took back): the suggestion's id can no longer be written as open. */
  setStatus(id: string, status: SuggestionStatus): void {
    const known = this.known.get(id);
    if (known) known.status = status;
  }
}

/** Tells the workspace that a document has new suggestions (its event stream's `suggestions`). */
export type SuggestionsAnnouncer = (workspaceId: string, documentId: string) => void;

export function suggestionGuard(repos: Repos, log: Logger, announce: SuggestionsAnnouncer): RoomExtensionFactory<SuggestionGuard> {
  return { name: 'suggestionGuard', create: (room) => new SuggestionGuard(room, repos, log, announce) };
}

/** The suggestion guard of an open room (it is in the server's extension list). */
export function suggestionGuardOf(room: { extension<T extends RoomExtension>(type: abstract new (...args: never[]) => T): T | undefined }): SuggestionGuard {
  const guard = room.extension(SuggestionGuard);
  if (!guard) throw new Error('suggestion guard is not installed');
  return guard;
}
