import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAckTracker } from './ackTracker';

/** A stand-in for the server: stores what it receives and answers with its state vector. */
function fakeServer() {
  const doc = new Y.Doc();
  return {
    doc,
    store: (update: Uint8Array) => {
      Y.applyUpdate(doc, update);
      return Y.encodeStateVector(doc);
    },
  };
}

describe('createAckTracker', () => {
  it('is saved until a local edit, and again once the server stored it', () => {
    const server = fakeServer();
    const local = new Y.Doc();
    const changes: boolean[] = [];
    const tracker = createAckTracker(local, (saved) => changes.push(saved));
    const pending: Uint8Array[] = [];
    local.on('update', (update: Uint8Array) => pending.push(update));

    expect(tracker.isSaved()).toBe(true);
    local.getText('t').insert(0, 'hallo');
    expect(tracker.isSaved()).toBe(false);

    tracker.handleStored(server.store(pending.shift()!));
    expect(tracker.isSaved()).toBe(true);
    expect(changes).toEqual([false, true]);
  });

  it('stays unsaved while a later edit is not stored yet', () => {
    const server = fakeServer();
    const local = new Y.Doc();
    const tracker = createAckTracker(local, () => {});
    const pending: Uint8Array[] = [];
    local.on('update', (update: Uint8Array) => pending.push(update));

    local.getText('t').insert(0, 'a');
    local.getText('t').insert(1, 'b');
    tracker.handleStored(server.store(pending.shift()!));
    expect(tracker.isSaved()).toBe(false);
    tracker.handleStored(server.store(pending.shift()!));
    expect(tracker.isSaved()).toBe(true);
  });

  it('is not made unsaved by edits of other people', () => {
    const local = new Y.Doc();
    const other = new Y.Doc();
    const tracker = createAckTracker(local, () => {});
    other.getText('t').insert(0, 'van iemand anders');
    Y.applyUpdate(local, Y.encodeStateAsUpdate(other));
    expect(tracker.isSaved()).toBe(true);
  });

  it('ignores an older acknowledgement that arrives late', () => {
    const server = fakeServer();
    const local = new Y.Doc();
    const tracker = createAckTracker(local, () => {});
    const pending: Uint8Array[] = [];
    local.on('update', (update: Uint8Array) => pending.push(update));
    local.getText('t').insert(0, 'a');
    const early = server.store(pending.shift()!);
    local.getText('t').insert(1, 'b');
    const late = server.store(pending.shift()!);
    tracker.handleStored(late);
    tracker.handleStored(early);
    expect(tracker.isSaved()).toBe(true);
  });
});
