import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A random, URL-safe identifier with 120 bits of entropy. */
export function newId(): string {
  const bytes = new Uint8Array(15);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}
