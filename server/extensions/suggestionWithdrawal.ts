/**
 * Room extension: an open suggestion that nothing in the document carries any more is withdrawn.
 * Its suggester took the words back (Backspace over their own proposed text, undo in
 * *Voorstellen*, a removal mark taken off), or someone who may write deleted the text it was
 * on. Left open, it would sit in the list as "(de tekst is weg)" until someone rejected it.
 * Withdrawn is not a decision: nobody is recorded as having decided it.
 *
 * Only a change can take a suggestion's last character away, so only a change is checked: one
 * that deleted something or wrote a suggestion format (a mark taken off is a format item), in a
 * document with open suggestions. Plain typing does neither and costs nothing here. Loading and
 * compaction never withdraw anything.
 *
 * The check runs once the triggering update is stored, when the compensations that follow it
 * (a late mark moved to a fresh suggestion) are in the document too; a burst of deletions is
 * checked once. The status changes in memory at once, so the suggester's redo that writes the
 * id again is late (judgeSuggestionWrite: a known id that is not open) and goes to a fresh
 * suggestion; the row follows once everything the check saw is stored.
 */
import * as Y from 'yjs';
import type { AppliedChange, ExtensionRoom, RoomExtension, RoomExtensionFactory } from '../collab/extensions';
import type { Repos } from '../storage/ports';
import { describeFailure, type Logger } from '../support/log';
import { isSuggestionMarkName } from '../../shared/suggestions/suggestionMarks';
import { suggestionIdsPresent } from '../suggestions/suggestionIdsPresent';
import { suggestionGuardOf, type SuggestionsAnnouncer } from './suggestionGuard';

export class SuggestionWithdrawal implements RoomExtension {
  /** A check is waiting for the stored update; later changes before it runs are seen by it too. */
  private checkQueued = false;

  constructor(
    private readonly room: ExtensionRoom,
    private readonly repos: Repos,
    private readonly log: Logger,
    private readonly announce: SuggestionsAnnouncer,
  ) {}

  afterApply({ transaction }: AppliedChange): void {
    if (this.checkQueued || !mayTakeSuggestionAway(transaction) || !suggestionGuardOf(this.room).hasOpen()) return;
    this.checkQueued = true;
    this.room.afterStored(() => {
      this.checkQueued = false;
      this.withdrawGone();
    });
  }

  private withdrawGone(): void {
    if (this.room.doc.isDestroyed) return;
    const guard = suggestionGuardOf(this.room);
    const open = guard.openIds();
    if (open.length === 0) return;
    const present = suggestionIdsPresent(this.room.doc);
    const gone = open.filter((id) => !present.has(id));
    if (gone.length === 0) return;
    for (const id of gone) guard.setStatus(id, 'withdrawn');
    const documentId = this.room.documentId;
    // Changes that arrived before this check are in what it saw: the row waits for them, so it
    // never says withdrawn while the stored log still holds the text.
    // Behind the guard's record of these suggestions, which may still be on its way.
    this.room.afterStored(() =>
      guard.writeRows(() =>
        this.repos.suggestions.withdraw(documentId, gone, Date.now()).then(
          (withdrawn) => {
            if (withdrawn.length > 0) this.announce(withdrawn[0]!.workspace_id, documentId);
          },
          (error: unknown) => {
            this.log.error('withdrawing suggestions failed', { document: documentId, ...describeFailure(error) });
            // Memory follows the row: still open there, so open here (unless decided meanwhile).
            for (const id of gone) if (guard.statusOf(id) === 'withdrawn') guard.setStatus(id, 'open');
          },
        ),
      ),
    );
  }
}

/**
 * True when the transaction deleted something (text, an element, an attribute's old value) or
 * wrote a suggestion format item: the only ways a suggestion's last trace can go.
 */
export function mayTakeSuggestionAway(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  const { store } = transaction.doc;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = store.clients.get(client) ?? [];
    for (let index = Y.findIndexSS(structs, before); index < structs.length; index++) {
      const struct = structs[index];
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentFormat && isSuggestionMarkName(struct.content.key)) return true;
    }
  }
  return false;
}

export function suggestionWithdrawal(repos: Repos, log: Logger, announce: SuggestionsAnnouncer): RoomExtensionFactory<SuggestionWithdrawal> {
  return { name: 'suggestionWithdrawal', create: (room) => new SuggestionWithdrawal(room, repos, log, announce) };
}
