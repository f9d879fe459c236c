/**
 * Awareness updates for a thin client, encoded by hand (y-protocols/awareness layout:
 * `varUint count`, then per client `varUint clientID, varUint clock, varString JSON state`).
 * No `Awareness` instance: the thin client never tracks the others' presence.
 */
import * as encoding from 'lib0/encoding';

/** One client's presence, renewed with an increasing clock like y-protocols does. */
export class ThinAwareness {
  private clock = 0;
  private state: Record<string, unknown> | null = null;

  constructor(readonly clientId: number) {}

  /** Sets the state and returns the update announcing it. */
  set(state: Record<string, unknown>): Uint8Array {
    this.state = state;
    return this.encode();
  }

  /** The update a y-protocols client sends every 15 s so that others do not time it out. */
  renew(): Uint8Array | null {
    return this.state === null ? null : this.encode();
  }

  /** The update that removes this client's presence (state null), as a provider does on close. */
  remove(): Uint8Array {
    this.state = null;
    return this.encode();
  }

  get hasState(): boolean {
    return this.state !== null;
  }

  private encode(): Uint8Array {
    this.clock += 1;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, this.clientId);
    encoding.writeVarUint(encoder, this.clock);
    encoding.writeVarString(encoder, JSON.stringify(this.state));
    return encoding.toUint8Array(encoder);
  }
}
