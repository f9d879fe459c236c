import { CloseCode, terminalCloseCodes } from '../../shared/collab/protocol';

/** What went wrong with the collaboration socket, in words the person can act on. */
export type CollabProblem =
  | 'sessionEnded'
  | 'accessRevoked'
  | 'documentUnavailable'
  | 'roleChanged'
  | 'documentLocked'
  | 'updateRejected'
  | 'storageFailed'
  | 'malformedFrame'
  | 'frameTooLarge';

const problemByCode = new Map<number, CollabProblem>([
  [CloseCode.sessionEnded, 'sessionEnded'],
  [CloseCode.accessRevoked, 'accessRevoked'],
  [CloseCode.documentUnavailable, 'documentUnavailable'],
  [CloseCode.roleChanged, 'roleChanged'],
  [CloseCode.documentLocked, 'documentLocked'],
  [CloseCode.updateRejected, 'updateRejected'],
  // The suggestion mode writes only what the server takes from a suggester; a refusal all the
  // same (another tab, a change made just before switching) is a refused change like any other.
  [CloseCode.suggestionsOnly, 'updateRejected'],
  [CloseCode.suggestionForged, 'updateRejected'],
  [CloseCode.storageFailed, 'storageFailed'],
  [CloseCode.malformedFrame, 'malformedFrame'],
  [CloseCode.frameTooLarge, 'frameTooLarge'],
]);

/** The problem a close code stands for; null for ordinary closes (network, server restart). */
export function problemOfCloseCode(code: number): CollabProblem | null {
  return problemByCode.get(code) ?? null;
}

/** Whether the provider may reconnect by itself after the server closed with `code`. */
export function mayReconnect(code: number): boolean {
  return !terminalCloseCodes.has(code);
}
