/** The join code behind what someone typed, or why it opens nothing (404, 410). */
import type { Repos } from '../storage/ports';
import type { JoinCodeRow } from '../storage/rows';
import { GoneError, NotFoundError } from '../errors';
import { hashJoinCode } from './joinCodes';

/** Undefined for a code that does not exist: the caller counts that as a guess. */
export function findJoinCode(repos: Repos, typed: string): Promise<JoinCodeRow | undefined> {
  return repos.guests.findJoinCodeByHash(hashJoinCode(typed));
}

/**
 * An unknown code is a 404; a known one that expired or has no seat left is gone (410), each
 * with its own code so the join page can say which.
 */
export function usableJoinCode(code: JoinCodeRow | undefined, now = Date.now()): JoinCodeRow {
  if (!code) throw new NotFoundError('error.joinCodeUnknown');
  if (code.expires_at <= now) throw new GoneError('code_expired', 'error.joinCodeExpired');
  if (code.used >= code.seats) throw new GoneError('code_used_up', 'error.joinCodeUsedUp');
  return code;
}
