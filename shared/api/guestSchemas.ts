/**
 * Request bodies and responses of joining a werksessie with a code (issue 14 item 7). Messages
 * are catalogue keys, worded where they are shown, as in ./schemas.ts.
 */
import { z } from 'zod';
import { displayText } from './schemas';
import { joinCodeLimits } from '../sessions/guests';

const id = z.string().min(1).max(64);

export const createJoinCodeReq = z.object({
  partyId: id,
  expiresInMinutes: z
    .number('validation.joinCodeMinutes')
    .int('validation.joinCodeMinutes')
    .min(1, 'validation.joinCodeMinutes')
    .max(joinCodeLimits.maxMinutes, 'validation.joinCodeMinutes')
    .default(joinCodeLimits.defaultMinutes),
  seats: z.number('validation.joinCodeSeats').int('validation.joinCodeSeats').min(1, 'validation.joinCodeSeats').max(joinCodeLimits.maxSeats, 'validation.joinCodeSeats').default(joinCodeLimits.defaultSeats),
});
export type CreateJoinCodeReq = z.input<typeof createJoinCodeReq>;

export const joinReq = z.object({
  /** Bounded before it is hashed; a wrong length is simply a code that does not exist. */
  code: z.string('validation.joinCodeRequired').trim().min(1, 'validation.joinCodeRequired').max(32, 'validation.joinCodeRequired'),
  name: displayText('validation.nameRequired', joinCodeLimits.guestNameMax),
});
export type JoinReq = z.infer<typeof joinReq>;

/** `POST /api/sessions/:id/join-codes` (201): the code is shown this once; only its hash is kept. */
export interface CreatedJoinCode {
  code: string;
  url: string;
  /** The link as a QR code, an SVG document to show on the wall. */
  qrSvg: string;
  expiresAt: string;
  seats: number;
  partyId: string;
}

/** `POST /api/join` (201): the guest is signed in; where to go next. */
export interface JoinedAsGuest {
  sessionId: string;
  workspaceId: string;
  userId: string;
  name: string;
}
