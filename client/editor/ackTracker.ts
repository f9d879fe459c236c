import * as Y from 'yjs';

/**
 * Knows whether the server has stored every local edit. The server acknowledges with its
 * state vector (MessageType.stored); the doc is saved when the server's clock for our
 * clientID has reached our own clock. Remote edits never change our clock, so they never
 * make the doc "unsaved".
 */
export interface AckTracker {
  /** Payload of a `stored` frame: an encoded state vector. */
  handleStored: (stateVector: Uint8Array) => void;
  isSaved: () => boolean;
  destroy: () => void;
}

export function createAckTracker(doc: Y.Doc, onChange: (saved: boolean) => void): AckTracker {
  let acknowledged = 0;
  let saved = true;

  const check = () => {
    const next = acknowledged >= Y.getState(doc.store, doc.clientID);
    if (next !== saved) {
      saved = next;
      onChange(saved);
    }
  };

  const onUpdate = () => check();
  doc.on('update', onUpdate);

  return {
    handleStored: (stateVector) => {
      const clock = Y.decodeStateVector(stateVector).get(doc.clientID) ?? 0;
      if (clock > acknowledged) acknowledged = clock;
      check();
    },
    isSaved: () => saved,
    destroy: () => doc.off('update', onUpdate),
  };
}
