/**
 * What a client that joins with nothing (an empty state vector: every newly opened tab) needs
 * to see the whole document, encoded once and shared by everyone who joins after it.
 *
 * Encoding a document takes time in proportion to its size (a 16 MB document: a few hundred
 * milliseconds, during which the room relays nothing), and a workshop opens fifty tabs within
 * a minute. The encoded sync step 2 is kept together with the updates the document took since.
 * A joiner gets those updates first, as the ordinary update messages everyone else already had,
 * and the sync step 2 last: Yjs holds updates whose predecessors it lacks as pending and
 * integrates them with the step 2, so the client is complete at the moment it counts itself
 * synced (found by the crash test: with the step 2 first, a client that read its document right
 * after "synced" missed the updates still on their way). Once the updates since add up to a
 * fair share of the encoding, the next joiner pays for a fresh one.
 *
 * The room hands over each update it stores (`record`), as the bytes it applied. JoinState does
 * not listen to the document's 'update' event: with a listener Yjs re-encodes every transaction
 * it integrates, a tenth of the CPU of applying a large update (measured in the protocol fuzz).
 */
import * as Y from 'yjs';
import { encodeSyncStep2, encodeUpdate } from './codec';

/** Updates kept behind an encoding before a fresh one is cheaper to send than replaying them. */
const MAX_UPDATES_SINCE = 1_000;

export class JoinState {
  /** The sync step 2 message with the whole document, or null until someone needs it. */
  private stateMessage: Uint8Array | null = null;
  private sinceMessages: Uint8Array[] = [];
  private sinceBytes = 0;

  /** `wholeState`: the document already encoded (a snapshot with nothing after it), if known. */
  constructor(
    private readonly doc: Y.Doc,
    wholeState: Uint8Array | null = null,
  ) {
    if (wholeState) this.stateMessage = encodeSyncStep2(wholeState);
  }

  /** An update the document has just taken, in the order it took them. */
  record(update: Uint8Array): void {
    if (!this.stateMessage) return;
    this.sinceMessages.push(encodeUpdate(update));
    this.sinceBytes += update.length;
    if (this.sinceMessages.length > MAX_UPDATES_SINCE || this.sinceBytes * 4 > this.stateMessage.length) this.forget();
  }

  /** The messages, in order, that bring an empty replica to the document's current state; the sync step 2 last. */
  messages(): Uint8Array[] {
    this.stateMessage ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    return [...this.sinceMessages, this.stateMessage];
  }

  forget(): void {
    this.stateMessage = null;
    this.sinceMessages = [];
    this.sinceBytes = 0;
  }

  destroy(): void {
    this.forget();
  }
}

/** The state vector of a replica that holds nothing (`Y.encodeStateVector(new Y.Doc())`). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/**
 * True when a replica with this state vector holds nothing of the document: its vector is empty,
 * or names only clients the document has no items of. The whole document is then what it lacks,
 * and the shared encoding serves it (a state vector of made-up clients would otherwise cost a
 * full encoding each time).
 */
export function holdsNothingOf(doc: Y.Doc, stateVector: Uint8Array): boolean {
  if (isEmptyStateVector(stateVector)) return true;
  for (const [client, clock] of Y.decodeStateVector(stateVector)) if (clock > 0 && doc.store.clients.has(client)) return false;
  return true;
}
