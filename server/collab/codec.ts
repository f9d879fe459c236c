/**
 * The y-websocket wire format, in one place: the only module that touches lib0 encoding.
 * A frame is `varUint messageType` followed by the message; sync frames add
 * `varUint syncType` and a `varUint8Array` payload.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, SyncMessageType } from '../../shared/collab/protocol';

export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncStep2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  /** Clients have no business sending auth messages; they are read and ignored. */
  | { kind: 'auth' };

/** A frame that does not decode. The connection that sent it is closed; nothing else is. */
export class MalformedFrameError extends Error {}

function readPayload(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder);
  // lib0 would throw a RangeError on its own; checking first gives one clear error for
  // truncated frames and for huge declared lengths alike.
  if (length > decoder.arr.length - decoder.pos) throw new MalformedFrameError('payload longer than frame');
  return decoding.readUint8Array(decoder, length);
}

/** A state vector must read as one: Yjs would otherwise fail on it later, outside the codec. */
function readStateVector(decoder: decoding.Decoder): Uint8Array {
  const payload = readPayload(decoder);
  const vector = decoding.createDecoder(payload);
  const clients = decoding.readVarUint(vector);
  for (let i = 0; i < clients; i++) {
    decoding.readVarUint(vector);
    decoding.readVarUint(vector);
  }
  return payload;
}

/** Decodes one client frame, or throws {@link MalformedFrameError}. */
export function decodeClientFrame(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === SyncMessageType.step1) return { kind: 'syncStep1', stateVector: readStateVector(decoder) };
        const payload = readPayload(decoder);
        if (syncType === SyncMessageType.step2) return { kind: 'syncStep2', update: payload };
        if (syncType === SyncMessageType.update) return { kind: 'update', update: payload };
        throw new MalformedFrameError(`unknown sync message type ${syncType}`);
      }
      case MessageType.awareness:
        return { kind: 'awareness', update: readPayload(decoder) };
      case MessageType.queryAwareness:
        return { kind: 'queryAwareness' };
      case MessageType.auth:
        return { kind: 'auth' };
      default:
        throw new MalformedFrameError(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof MalformedFrameError) throw error;
    throw new MalformedFrameError((error as Error).message);
  }
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function syncFrame(syncType: SyncMessageType, payload: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, syncType);
    encoding.writeVarUint8Array(e, payload);
  });
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => syncFrame(SyncMessageType.step1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array) => syncFrame(SyncMessageType.step2, update);
export const encodeUpdate = (update: Uint8Array) => syncFrame(SyncMessageType.update, update);

export const encodeAwareness = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, update);
  });

/** werktafel's acknowledgement: the server's state vector after storing the client's update. */
export const encodeStored = (stateVector: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.stored);
    encoding.writeVarUint8Array(e, stateVector);
  });

/** y-protocols/auth "permission denied" (0), with a reason the client logs. */
export const encodeAuthDenied = (reason: string) =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.auth);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, reason);
  });

/** One entry of an awareness update: a client id's state at a clock (null: removed). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/**
 * Reads a whole awareness update without applying it. Throws {@link MalformedFrameError} when
 * any entry does not decode or its state is not JSON. y-protocols applies entries one by one as
 * it reads them, so an update that breaks half-way would otherwise leave the states before the
 * break in the room, untracked by any connection (never removed when it leaves, and outside
 * the per-connection limit).
 */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      entries.push({ clientId, clock, state });
    }
    return entries;
  } catch (error) {
    throw new MalformedFrameError((error as Error).message);
  }
}

/** The awareness update (y-protocols' format) that carries these entries. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** An update with no structs and an empty delete set: the usual empty sync step 2. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
