/** The chair opens a join code for a party of the session's workspace (issue 14 item 7). */
import QRCode from 'qrcode';
import type { CreatedJoinCode } from '../../../shared/api/guestSchemas';
import { joinPath } from '../../../shared/sessions/guests';
import type { Services } from '../../context';
import { appLink } from '../../mail/deliver';
import { iso } from '../../presenters';
import { newId } from '../../storage/ids';
import type { PartyRow, WorkSessionRow } from '../../storage/rows';
import { generateJoinCode, hashJoinCode } from '../../sessions/joinCodes';

const MINUTE_MS = 60_000;

export async function openJoinCode(
  services: Services,
  session: WorkSessionRow,
  party: PartyRow,
  input: { expiresInMinutes: number; seats: number },
  userId: string,
): Promise<CreatedJoinCode> {
  const now = Date.now();
  const expiresAt = now + input.expiresInMinutes * MINUTE_MS;
  const code = await storeFreshCode(services, { session_id: session.id, party_id: party.id, expires_at: expiresAt, seats: input.seats, created_by: userId, created_at: now });
  const url = appLink(services, joinPath(code));
  // The link, not the bare code: a phone's camera opens it straight away.
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  await services.repos.auditLog.record({
    workspaceId: session.workspace_id,
    documentId: null,
    userId,
    action: 'session.joinCode',
    detail: { sessionId: session.id, partyId: party.id, seats: input.seats, expiresAt: iso(expiresAt) },
  });
  return { code, url, qrSvg, expiresAt: iso(expiresAt), seats: input.seats, partyId: party.id };
}

/** A second draw in the rare case a code's hash is already stored (a live or an old code). */
async function storeFreshCode(services: Services, row: { session_id: string; party_id: string; expires_at: number; seats: number; created_by: string; created_at: number }): Promise<string> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const code = generateJoinCode();
    if (await services.repos.guests.createJoinCode({ ...row, id: newId(), code_hash: hashJoinCode(code), used: 0 })) return code;
  }
  throw new Error('four join codes in a row were taken: the random source is broken');
}
