/**
 * The two wire dialects the benchmark speaks, for thin clients:
 * - `yws`: the y-websocket protocol (y-websocket reference server, ours, the null relay):
 *   `varUint messageType` then the message.
 * - `hocuspocus`: the same messages prefixed with `varString documentName`, plus an
 *   authentication message the server waits for before it handles anything else.
 * Only the bits a thin client needs: sync step 1/2, updates, awareness, and a frame classifier.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The framing a server speaks: plain y-websocket, or Hocuspocus (document name first). */
export type Dialect = 'yws' | 'hocuspocus';

/** What a received frame is, as far as a thin client cares. */
export type FrameKind = 'syncStep1' | 'syncStep2' | 'update' | 'awareness' | 'auth' | 'other';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
/** Hocuspocus: a sync message that must not trigger another step 1. */
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
/** Hocuspocus auth sub-type sent by clients: a token follows. */
const AUTH_TOKEN = 0;

/** An empty state vector: "I have nothing", so step 2 brings the whole document. */
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);
/** An update with no structs and no deletions: the answer of a client that has nothing. */
export const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** Encoder and classifier for one dialect and one document. */
export class Wire {
  private readonly prefix: Uint8Array;

  constructor(
    readonly dialect: Dialect,
    readonly documentName: string,
  ) {
    const encoder = encoding.createEncoder();
    if (dialect === 'hocuspocus') encoding.writeVarString(encoder, documentName);
    this.prefix = encoding.toUint8Array(encoder);
  }

  private frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, this.prefix);
    write(encoder);
    return encoding.toUint8Array(encoder);
  }

  private sync(syncType: number, payload: Uint8Array): Uint8Array {
    return this.frame((e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, syncType);
      encoding.writeVarUint8Array(e, payload);
    });
  }

  syncStep1(stateVector: Uint8Array = EMPTY_STATE_VECTOR): Uint8Array {
    return this.sync(SYNC_STEP1, stateVector);
  }

  syncStep2(update: Uint8Array = EMPTY_UPDATE): Uint8Array {
    return this.sync(SYNC_STEP2, update);
  }

  update(update: Uint8Array): Uint8Array {
    return this.sync(SYNC_UPDATE, update);
  }

  awareness(update: Uint8Array): Uint8Array {
    return this.frame((e) => {
      encoding.writeVarUint(e, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(e, update);
    });
  }

  /** Frames a client sends first after the socket opens (Hocuspocus: the token; y-websocket: none). */
  hello(token = ''): Uint8Array[] {
    if (this.dialect !== 'hocuspocus') return [];
    return [
      this.frame((e) => {
        encoding.writeVarUint(e, MESSAGE_AUTH);
        encoding.writeVarUint(e, AUTH_TOKEN);
        encoding.writeVarString(e, token);
      }),
    ];
  }

  /** Classifies a received frame; never throws (a frame it cannot read is `other`). */
  classify(frame: Uint8Array): FrameKind {
    try {
      const decoder = decoding.createDecoder(frame);
      if (this.dialect === 'hocuspocus') decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC || (this.dialect === 'hocuspocus' && type === MESSAGE_SYNC_REPLY)) {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === SYNC_STEP1) return 'syncStep1';
        if (syncType === SYNC_STEP2) return 'syncStep2';
        if (syncType === SYNC_UPDATE) return 'update';
        return 'other';
      }
      if (type === MESSAGE_AWARENESS) return 'awareness';
      if (type === MESSAGE_AUTH) return 'auth';
      return 'other';
    } catch {
      return 'other';
    }
  }
}
