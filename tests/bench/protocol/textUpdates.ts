/**
 * Yjs updates for a thin writer, encoded by hand with lib0 instead of through a `Y.Doc`.
 *
 * A thin writer types into its own run of text: its first insert is placed at the start of the
 * root `Y.Text` (no origins), every later insert right after its own previous character. Such
 * an update only references the writer's own items, so it is valid in the shared document
 * whatever the others wrote, and the writer never has to apply what it receives. That keeps
 * the load generator linear in N. The byte layout is Yjs update v1 for one `ContentString`
 * item (see `Item#write` in yjs): `verifyAgainstYjs` checks it against Yjs itself.
 */
import * as encoding from 'lib0/encoding';

/** Yjs content ref of `ContentString`. */
const CONTENT_STRING = 4;
/** Info bit: the item has a left origin. */
const HAS_ORIGIN = 0x80;

/** Root type name every client of the benchmark edits (the project's client uses `t` too). */
export const TEXT_NAME = 't';

/** Produces consecutive insert updates for one client id. */
export class ChainTextWriter {
  /** Next free clock of this client: every inserted UTF-16 unit takes one. */
  private clock = 0;

  constructor(readonly clientId: number) {}

  /** The update that appends `text` (ASCII only) after this writer's previous insert. */
  insert(text: string): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // clients in this update
    encoding.writeVarUint(encoder, 1); // structs of this client
    encoding.writeVarUint(encoder, this.clientId);
    encoding.writeVarUint(encoder, this.clock);
    if (this.clock === 0) {
      // No origin and no right origin: the parent must be named (a root type key).
      encoding.writeUint8(encoder, CONTENT_STRING);
      encoding.writeVarUint(encoder, 1); // parent info: root type key follows
      encoding.writeVarString(encoder, TEXT_NAME);
    } else {
      encoding.writeUint8(encoder, CONTENT_STRING | HAS_ORIGIN);
      encoding.writeVarUint(encoder, this.clientId);
      encoding.writeVarUint(encoder, this.clock - 1);
    }
    encoding.writeVarString(encoder, text);
    encoding.writeVarUint(encoder, 0); // empty delete set
    this.clock += text.length;
    return encoding.toUint8Array(encoder);
  }
}

/** A random client id in Yjs' range (uint32), avoiding the ids of full clients by chance only. */
export function randomClientId(): number {
  return Math.floor(Math.random() * 0xfffffffe) + 1;
}
