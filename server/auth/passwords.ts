/** argon2id with the OWASP minimum: 19 MiB memory, 2 iterations, parallelism 1. */
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2; // @node-rs/argon2's Algorithm.Argon2id; a const enum cannot be imported under isolatedModules
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the same time as a real verification, so a sign-in for an unknown email cannot be
 * told apart from a wrong password by its timing.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('werktafel-timing-equaliser');
  await verifyPassword(await dummyHash, password);
  return false;
}

/**
 * The stored hash of an account that has no password (made through single sign-on): not an
 * argon2 hash, so no password ever verifies against it. A password reset link can set one.
 */
export const noPassword = '';

/** Whether a password can sign in to the account: deleted and single-sign-on accounts have none. */
export function hasPassword(passwordHash: string): boolean {
  return passwordHash.startsWith('$argon2');
}
