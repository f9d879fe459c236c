/**
 * Names of the y-websocket protocol as spoken on `/collab/:documentId`.
 * Framework-free: imported by the server codec, the browser client and the tests.
 */

/** First varUint of every frame. Values are fixed by y-websocket. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * werktafel extension, sent only to clients that connect with `?ack=1`:
   * the server's state vector after it stored an update from that client.
   * Stock clients never receive it.
   */
  stored: 100,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Second varUint of a sync frame. Values are fixed by y-protocols/sync. */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;
export type SyncMessageType = (typeof SyncMessageType)[keyof typeof SyncMessageType];

/**
 * Close codes the server uses. 4000-4999 is the range RFC 6455 leaves to applications.
 * Codes 4400-4499 mirror an HTTP 4xx and tell the stock `WebsocketProvider` not to reconnect
 * (its default `shouldReconnect`); the others invite a reconnect.
 */
export const CloseCode = {
  /** Normal shutdown of the server (SIGTERM). */
  serverShutdown: 1001,
  /** ws closes oversized frames itself with 1009 (message too big). */
  frameTooLarge: 1009,
  malformedFrame: 4400,
  sessionEnded: 4401,
  accessRevoked: 4403,
  /** The member's role changed: reconnect, and the new role applies. */
  roleChanged: 4001,
  /**
   * A write while the chair of a werksessie has locked editing (issue 14). A reconnect invites
   * the client's change again: refused while the lock holds, taken once it is lifted. Dropping
   * it instead left the client's later edits pending on every replica (they build on it).
   */
  documentLocked: 4002,
  /** Awareness state over the size limit, or more awareness clients than one connection may hold. */
  awarenessTooLarge: 4413,
  updateRejected: 4422,
  /**
   * A connection in suggestion mode (commenters, guests, an editor who chose it) sent a change
   * that is not a suggestion: plain text, other marks, attributes or structure. Nothing of it is
   * applied, stored or relayed; a reconnect would offer the same change again, so none follows.
   */
  suggestionsOnly: 4424,
  /**
   * A suggestion mark with an id that is not the sender's to use: another person's suggestion, a
   * decided one, or one put on text that was already there as an insertion.
   */
  suggestionForged: 4425,
  /**
   * The update carries Yjs items of a client id that belongs to another person in this
   * document (the server binds each client id to the first person who writes with it).
   */
  clientIdTaken: 4409,
  /** The document is at MAX_DOCUMENT_BYTES and accepts no growth; deleting still works. */
  documentTooLarge: 4415,
  /** More messages or bytes per second than the per-connection limits allow. */
  rateLimited: 4429,
  /** The client does not read what it is sent; its send buffer outgrew the limit. */
  slowConsumer: 4408,
  storageFailed: 4500,
  documentUnavailable: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client must not reconnect without the user acting. */
export const terminalCloseCodes: ReadonlySet<number> = new Set([
  CloseCode.sessionEnded,
  CloseCode.accessRevoked,
  CloseCode.documentUnavailable,
]);

/** Path prefix of the collaboration socket: `${collabPath}/${documentId}`. */
export const collabPath = '/collab';

/** Query parameter a client sets to receive {@link MessageType.stored} acknowledgements. */
export const ackParam = 'ack';

/**
 * Query parameter with which a connection asks for suggestion mode (`?mode=suggest`): an editor
 * who chooses "Voorstellen". Commenters and guests are in it whatever they ask.
 */
export const modeParam = 'mode';
export const suggestModeValue = 'suggest';
