/**
 * Guests of a werksessie (issue 14 item 7): residents who join with a code and a name only.
 * Shared by the server (validation, the code itself, when access ends) and the client (the join
 * form, the chair's panel).
 */

/**
 * The characters of a join code: no 0/O, 1/I/L or other pairs a person misreads from a wall or
 * types wrong on a phone. 31 characters, 8 of them: about 8.5 * 10^11 codes.
 */
export const joinCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const joinCodeLength = 8;

/** Limits the API and the forms share. */
export const joinCodeLimits = {
  defaultMinutes: 120,
  maxMinutes: 24 * 60,
  defaultSeats: 30,
  maxSeats: 500,
  guestNameMax: 60,
} as const;

/** A guest keeps access this long after their session ended (then the grant and its cookie end). */
export const GUEST_ACCESS_AFTER_END_MS = 12 * 60 * 60 * 1000;

/**
 * The code as it is stored and compared: upper case, without the spaces and dashes a person
 * may type between groups. Lower-case input is the same code.
 */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** The path of the page a code opens; the server puts it on its public URL. */
export const joinPath = (code: string) => `/meedoen/${code}`;

/**
 * What follows a guest's name wherever it appears. It is part of the name the server keeps for
 * the guest, so every list, export, minutes and cursor shows it without knowing about guests.
 */
export const guestMarker = '(gast)';
export const guestDisplayName = (name: string) => `${name} ${guestMarker}`;

/** Whether a guest's access still stands: while the session runs, and 12 hours after it ended. */
export function isGuestAccessLive(sessionEndedAt: number | null, now: number): boolean {
  return sessionEndedAt === null || now < sessionEndedAt + GUEST_ACCESS_AFTER_END_MS;
}
