/**
 * Join codes of a werksessie: random from a CSPRNG, from an alphabet without look-alikes, and
 * kept only as a hash so the database cannot be read for codes that still open a session.
 */
import { randomBytes } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { joinCodeAlphabet, joinCodeLength, normalizeJoinCode } from '../../shared/sessions/guests';

/** The largest multiple of the alphabet's size a byte can hold: bytes above it would skew the draw. */
const unbiasedBelow = Math.floor(256 / joinCodeAlphabet.length) * joinCodeAlphabet.length;

export function generateJoinCode(): string {
  let code = '';
  while (code.length < joinCodeLength) {
    for (const byte of randomBytes(joinCodeLength * 2)) {
      if (byte >= unbiasedBelow) continue;
      code += joinCodeAlphabet[byte % joinCodeAlphabet.length];
      if (code.length === joinCodeLength) break;
    }
  }
  return code;
}

/** The stored form of a code as someone typed it (any case, with or without spaces or dashes). */
export function hashJoinCode(input: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normalizeJoinCode(input))));
}
