import { expect, test } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../shared/collab/protocol';
import { isEmptyStateVector, JoinState } from './JoinState';

/** Applies sync messages the way a provider does, to a replica that starts empty. */
function replicaFrom(messages: Uint8Array[]): Y.Doc {
  const replica = new Y.Doc();
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.sync);
    expect([SyncMessageType.step2, SyncMessageType.update]).toContain(decoding.readVarUint(decoder));
    Y.applyUpdate(replica, decoding.readVarUint8Array(decoder));
  }
  return replica;
}

const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.compare(Buffer.from(Y.encodeStateAsUpdate(a)), Buffer.from(Y.encodeStateAsUpdate(b))) === 0;

test('joiners share one encoding, followed by the updates since, and end in the room state', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'x'.repeat(10_000));
  const joinState = new JoinState(doc);

  const first = joinState.messages();
  expect(first).toHaveLength(1);
  expect(sameState(replicaFrom(first), doc)).toBe(true);

  doc.getText('t').insert(5, 'ab');
  doc.getText('t').delete(0, 3);
  const second = joinState.messages();
  // The same encoding, not a new one, and the two changes behind it.
  expect(second[0]).toBe(first[0]);
  expect(second).toHaveLength(3);
  expect(sameState(replicaFrom(second), doc)).toBe(true);
  expect(replicaFrom(second).getText('t').toString()).toBe(doc.getText('t').toString());
  joinState.destroy();
});

test('once the updates since outweigh a quarter of the encoding, the next joiner gets a fresh one', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'x'.repeat(1_000));
  const joinState = new JoinState(doc);
  const first = joinState.messages();
  doc.getText('t').insert(0, 'y'.repeat(400));
  const next = joinState.messages();
  expect(next[0]).not.toBe(first[0]);
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
