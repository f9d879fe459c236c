/**
 * Beacons: short ASCII markers that writers put into what they send, so a receiver can tell
 * which edit arrived without decoding Yjs. Yjs keeps inserted strings as UTF-8 inside its
 * updates and awareness keeps its state as JSON text, so the marker crosses every server
 * (relayed raw, or applied and re-encoded) as a contiguous run of bytes.
 *
 * Format: `~B<writer>:<seq>~` for document edits and `~A<writer>:<seq>~` for awareness, with
 * writer and seq in base 36 to keep the marker short (a realistic keystroke update is ~20 bytes).
 */

/** Which stream a beacon belongs to. */
export type BeaconKind = 'B' | 'A';

/** Formats a beacon. */
export function beacon(kind: BeaconKind, writer: number, seq: number): string {
  return `~${kind}${writer.toString(36)}:${seq.toString(36)}~`;
}

const TILDE = 0x7e;
const COLON = 0x3a;

/** Value of one base-36 digit (ASCII), or -1. */
function digit36(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x7a) return byte - 0x61 + 10;
  return -1;
}

/**
 * Calls `found(kind, writer, seq)` for every well-formed beacon in `bytes`.
 * Uses `Buffer#indexOf` on the tilde so a frame without beacons costs one native scan.
 */
export function scanBeacons(bytes: Buffer, found: (kind: BeaconKind, writer: number, seq: number) => void): void {
  let at = bytes.indexOf(TILDE);
  while (at !== -1 && at + 5 <= bytes.length) {
    const kindByte = bytes[at + 1];
    if (kindByte !== 0x42 && kindByte !== 0x41) {
      at = bytes.indexOf(TILDE, at + 1);
      continue;
    }
    let i = at + 2;
    let writer = 0;
    let digits = 0;
    for (; i < bytes.length; i++) {
      const d = digit36(bytes[i]!);
      if (d < 0) break;
      writer = writer * 36 + d;
      digits++;
    }
    if (digits === 0 || bytes[i] !== COLON) {
      at = bytes.indexOf(TILDE, at + 1);
      continue;
    }
    i++;
    let seq = 0;
    digits = 0;
    for (; i < bytes.length; i++) {
      const d = digit36(bytes[i]!);
      if (d < 0) break;
      seq = seq * 36 + d;
      digits++;
    }
    if (digits === 0 || bytes[i] !== TILDE) {
      at = bytes.indexOf(TILDE, at + 1);
      continue;
    }
    found(kindByte === 0x42 ? 'B' : 'A', writer, seq);
    // The closing tilde may not open the next beacon: markers never share a tilde.
    at = bytes.indexOf(TILDE, i + 1);
  }
}

/** All document beacons in a text, as `writer:seq` keys (for the stored-state loss check). */
export function beaconKeysInText(text: string): Set<string> {
  const keys = new Set<string>();
  scanBeacons(Buffer.from(text, 'utf8'), (kind, writer, seq) => {
    if (kind === 'B') keys.add(`${writer}:${seq}`);
  });
  return keys;
}
