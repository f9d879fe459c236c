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
  // A change the server does not take from a suggester is a refused change like any other,
  // until the editor has a suggestion mode that writes only suggestions.
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
