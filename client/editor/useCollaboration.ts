import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { PresenceUser } from '../../shared/collab/presence';
import { CloseCode, MessageType, ackParam, collabPath, modeParam, suggestModeValue, terminalCloseCodes } from '../../shared/collab/protocol';
import { createAckTracker } from './ackTracker';
import { mayReconnect, problemOfCloseCode, type CollabProblem } from './closeCodes';

export type ConnectionState = 'connected' | 'connecting' | 'offline';

/**
 * The awareness field `user` this client publishes. The server replaces it on every state it
 * relays with its own record of the connection (see shared/collab/presence.ts), so this only
 * shows the own caret before the first round trip.
 */
export type AwarenessUser = PresenceUser;

export interface CollabSession {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

export interface Problem {
  kind: CollabProblem;
  /** The provider stopped and waits for the person to act. */
  terminal: boolean;
}

/** After this many rejected updates in a row the same local change would be sent forever. */
const maxRejections = 3;
const refusedChangeCodes: ReadonlySet<number> = new Set([CloseCode.updateRejected, CloseCode.suggestionsOnly, CloseCode.suggestionForged]);

/**
 * A socket refused at the handshake (HTTP 401/403 before the upgrade) reaches the browser as
 * a bare 1006, without the reason. After this many refused attempts in a row we ask the REST
 * API whether we still have access, so a person removed while offline is told so.
 */
const failuresBeforeAccessCheck = 3;
/** How long to wait before offering a change again that a werksessie's lock refused. */
const lockedRetryMs = 3_000;

/** Asks the API whether this person may still open the document; null when nothing is wrong. */
export type AccessCheck = () => Promise<CollabProblem | null>;

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/** The socket's query: acknowledgements always, suggestion mode when chosen (the server decides who is in it anyway). */
function paramsFor(suggestMode: boolean): Record<string, string> {
  return suggestMode ? { [ackParam]: '1', [modeParam]: suggestModeValue } : { [ackParam]: '1' };
}

function collabServerUrl(): string {
  return window.location.origin.replace(/^http/, 'ws') + collabPath;
}

/**
 * One Y.Doc and its WebsocketProvider for a document: connection state, "saved" from the
 * server's acknowledgements, and the close codes of the contract. The doc lives as long as
 * the page, so typing offline keeps working and is sent when the provider reconnects.
 * `suggestMode`: an editor chose "Voorstellen"; switching reconnects the same doc with or
 * without `?mode=suggest`.
 */
export function useCollaboration(
  documentId: string,
  user: AwarenessUser,
  onRoleChanged: () => void,
  checkAccess: AccessCheck,
  suggestMode = false,
) {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [status, setStatus] = useState<'connected' | 'connecting' | 'disconnected'>('connecting');
  const [everConnected, setEverConnected] = useState(false);
  const [saved, setSaved] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);
  const online = useOnline();
  const onRoleChangedRef = useRef(onRoleChanged);
  const checkAccessRef = useRef(checkAccess);
  const suggestModeRef = useRef(suggestMode);

  useEffect(() => {
    onRoleChangedRef.current = onRoleChanged;
    checkAccessRef.current = checkAccess;
  });

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(collabServerUrl(), documentId, doc, {
      params: paramsFor(suggestModeRef.current),
      // Every edit goes through the server, which checks the role; no tab-to-tab shortcut.
      disableBc: true,
      shouldReconnect: (event) => mayReconnect(event.code),
    });
    const tracker = createAckTracker(doc, setSaved);
    let rejections = 0;
    let refusedInARow = 0;
    let disposed = false;

    const stop = (kind: CollabProblem) => {
      provider.disconnect();
      setProblem({ kind, terminal: true });
    };

    const checkAccessNow = () => {
      checkAccessRef.current().then(
        (kind) => {
          if (kind && !disposed && !provider.wsconnected) stop(kind);
        },
        () => {}, // unknown: keep trying to reconnect
      );
    };

    provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
      tracker.handleStored(decoding.readVarUint8Array(decoder));
      rejections = 0;
    };

    const onStatus = ({ status: next }: { status: 'connected' | 'connecting' | 'disconnected' }) => {
      setStatus(next);
      if (next === 'connected') {
        setEverConnected(true);
        refusedInARow = 0;
      }
    };
    const onSync = (isSynced: boolean) => {
      // A passing hiccup is over once we are in sync again; a role change stays readable.
      if (isSynced) setProblem((current) => (current && !current.terminal && current.kind !== 'roleChanged' ? null : current));
    };
    const onClose = (event: CloseEvent | null) => {
      if (!event) return; // closed by us
      const kind = problemOfCloseCode(event.code);
      if (!kind) {
        // Emitted before the provider resets `wsconnected`: false means it never opened.
        if (!provider.wsconnected && ++refusedInARow % failuresBeforeAccessCheck === 0 && navigator.onLine) {
          checkAccessNow();
        }
        return;
      }
      if (terminalCloseCodes.has(event.code)) return stop(kind);
      // A refused suggestion is offered again on every reconnect, as any refused change.
      if (refusedChangeCodes.has(event.code) && ++rejections >= maxRejections) return stop(kind);
      if (event.code === CloseCode.roleChanged) onRoleChangedRef.current();
      if (event.code === CloseCode.documentLocked) {
        // The change is offered again on every reconnect and refused while the lock holds: ask
        // every few seconds rather than at the provider's pace (at once after each open).
        provider.disconnect();
        setTimeout(() => {
          if (!disposed) provider.connect();
        }, lockedRetryMs);
      }
      setProblem({ kind, terminal: false });
    };

    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
    setSession({ doc, provider });
    setStatus('connecting');
    setSaved(true);
    setProblem(null);

    return () => {
      disposed = true;
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      tracker.destroy();
      provider.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [documentId]);

  useEffect(() => {
    suggestModeRef.current = suggestMode;
    const provider = session?.provider;
    if (!provider) return;
    const wanted = paramsFor(suggestMode);
    if (provider.params[modeParam] === wanted[modeParam]) return;
    provider.params = wanted;
    if (provider.shouldConnect) {
      provider.disconnect();
      provider.connect();
    }
  }, [session, suggestMode]);

  const { id, name, partyId, partyName, color } = user;
  useEffect(() => {
    session?.provider.awareness.setLocalStateField('user', { id, name, partyId, partyName, color } satisfies PresenceUser);
  }, [session, id, name, partyId, partyName, color]);

  const reconnect = useCallback(() => {
    setProblem(null);
    session?.provider.connect();
  }, [session]);

  const dismissProblem = useCallback(() => setProblem((p) => (p?.terminal ? p : null)), []);

  let state: ConnectionState = 'connecting';
  if (problem?.terminal || !online) state = 'offline';
  else if (status === 'connected') state = 'connected';

  return { session, state, reconnecting: everConnected, saved, problem, reconnect, dismissProblem };
}
