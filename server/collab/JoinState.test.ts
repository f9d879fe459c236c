import { expect, test } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../shared/collab/protocol';
import { holdsNothingOf, isEmptyStateVector, JoinState } from './JoinState';

/** Applies sync messages the way a provider does, to a replica that starts empty. */
function replicaFrom(messages: Uint8Array[]): Y.Doc {
  const replica = new Y.Doc();
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.sync);
    expect(decoding.readVarUint(decoder)).toBe(message === messages.at(-1) ? SyncMessageType.step2 : SyncMessageType.update);
    Y.applyUpdate(replica, decoding.readVarUint8Array(decoder));
  }
  return replica;
}

/** Hands the join state every update of the document, as the room does with what it stores. */
function recording(joinState: JoinState, doc: Y.Doc): JoinState {
  doc.on('update', (update: Uint8Array) => joinState.record(update));
  return joinState;
}

const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.compare(Buffer.from(Y.encodeStateAsUpdate(a)), Buffer.from(Y.encodeStateAsUpdate(b))) === 0;

test('joiners share one encoding, followed by the updates since, and end in the room state', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'x'.repeat(10_000));
  const joinState = recording(new JoinState(doc), doc);

  const first = joinState.messages();
  expect(first).toHaveLength(1);
  expect(sameState(replicaFrom(first), doc)).toBe(true);

  doc.getText('t').insert(5, 'ab');
  doc.getText('t').delete(0, 3);
  const second = joinState.messages();
  // The two changes, then the same encoding (not a new one): the step 2 comes last, so a client
  // that counts itself synced on it has everything by then.
  expect(second).toHaveLength(3);
  expect(second[2]).toBe(first[0]);
  // Alone, the two changes lack what they build on: Yjs keeps them pending until the step 2.
  const partial = new Y.Doc();
  for (const message of second.slice(0, 2)) Y.applyUpdate(partial, message.subarray(3));
  expect(partial.getText('t').toString()).toBe('');
  expect(sameState(replicaFrom(second), doc)).toBe(true);
  expect(replicaFrom(second).getText('t').toString()).toBe(doc.getText('t').toString());
  joinState.destroy();
});

test('once the updates since outweigh a quarter of the encoding, the next joiner gets a fresh one', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'x'.repeat(1_000));
  const joinState = recording(new JoinState(doc), doc);
  const first = joinState.messages();
  doc.getText('t').insert(0, 'y'.repeat(400));
  const next = joinState.messages();
  expect(next.at(-1)).not.toBe(first[0]);
  expect(next).toHaveLength(1);
  expect(sameState(replicaFrom(next), doc)).toBe(true);
  joinState.destroy();
});

test('an empty state vector is recognised, any other is not', () => {
  expect(isEmptyStateVector(Y.encodeStateVector(new Y.Doc()))).toBe(true);
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'a');
  expect(isEmptyStateVector(Y.encodeStateVector(doc))).toBe(false);
});

test('a room loaded from a snapshot alone hands out that snapshot, without encoding the document', () => {
  const source = new Y.Doc();
  source.getText('t').insert(0, 'uit de opslag '.repeat(200));
  const snapshot = Y.encodeStateAsUpdate(source);
  const loaded = new Y.Doc();
  Y.applyUpdate(loaded, snapshot);
  const joinState = recording(new JoinState(loaded, snapshot), loaded);

  const first = joinState.messages();
  expect(first).toHaveLength(1);
  expect(Buffer.from(first[0]!.subarray(first[0]!.length - snapshot.length))).toEqual(Buffer.from(snapshot));
  loaded.getText('t').insert(0, 'en ');
  const second = joinState.messages();
  expect(second).toHaveLength(2);
  expect(sameState(replicaFrom(second), loaded)).toBe(true);
});

test('a state vector of clients the document has no items of holds nothing of it; one with a known client at a later clock holds something', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'inhoud');
  const stranger = new Y.Doc();
  stranger.clientID = doc.clientID + 1;
  stranger.getText('x').insert(0, 'elders');
  expect(holdsNothingOf(doc, Y.encodeStateVector(new Y.Doc()))).toBe(true);
  expect(holdsNothingOf(doc, Y.encodeStateVector(stranger))).toBe(true);
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  expect(holdsNothingOf(doc, Y.encodeStateVector(replica))).toBe(false);
  // And what the shared encoding sends such a replica is what it lacks: the whole document.
  const fromShared = new Y.Doc();
  Y.applyUpdate(fromShared, Y.encodeStateAsUpdate(stranger));
  Y.applyUpdate(fromShared, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(stranger)));
  expect(fromShared.getText('t').toString()).toBe('inhoud');
});
