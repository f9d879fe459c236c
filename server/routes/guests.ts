/**
 * Joining a werksessie with a code (issue 14 item 7): the chair opens a code at
 * /api/sessions/:id/join-codes; someone without an account joins at /api/join. Who may do what
 * is decided in server/policies; the guest is made in server/commands/sessions/joinAsGuest.ts.
 */
import { Hono } from 'hono';
import { createJoinCodeReq, joinReq, type JoinedAsGuest } from '../../shared/api/guestSchemas';
import type { AppEnv, Services } from '../context';
import { NotFoundError, TooManyRequestsError, ValidationError } from '../errors';
import { clientAddress } from '../http/clientAddress';
import { requestLanguage } from '../http/language';
import { requireUser, startSession } from '../http/session';
import { parseBody } from '../http/validate';
import { authorizeChair } from '../policies';
import { joinAsGuest } from '../commands/sessions/joinAsGuest';
import { openJoinCode } from '../commands/sessions/openJoinCode';
import { findJoinCode, usableJoinCode } from '../sessions/joinCodeAccess';
import { loadWorkspace } from './loaders';

/** Mounted at /api/sessions/:id/join-codes: the chair's side. */
export function joinCodeRoutes(services: Services) {
  const { repos } = services;
  return new Hono<AppEnv>().post('/', async (c) => {
    const user = requireUser(c);
    const session = await repos.workSessions.findById(c.req.param('id')!);
    if (!session) throw new NotFoundError('error.sessionMissing');
    const { workspace, membership } = await loadWorkspace(c, services, session.workspace_id);
    authorizeChair(membership, session, user.id);
    const body = await parseBody(c, createJoinCodeReq);
    const party = await repos.parties.findById(body.partyId);
    if (!party || party.workspace_id !== workspace.id) throw new ValidationError({ partyId: 'error.partyFromWorkspace' });
    return c.json(await openJoinCode(services, session, party, body, user.id), 201);
  });
}

/** Mounted at /api/join: the guest's side, without a session. */
export function joinRoutes(services: Services) {
  const { repos } = services;
  return new Hono<AppEnv>().post('/', async (c) => {
    const body = await parseBody(c, joinReq);
    const address = clientAddress(c, services.config.trustProxy);
    const wait = services.joinCodeGuesses.retryAfterMs(address);
    if (wait > 0) throw new TooManyRequestsError(wait, 'error.tooManyJoinAttempts');
    const found = await findJoinCode(repos, body.code);
    // Only a code that does not exist counts as a guess: an expired or full one was handed out.
    if (!found) services.joinCodeGuesses.recordFailure(address);
    const code = usableJoinCode(found);
    const { user, grant } = await joinAsGuest(services, code, body.name, requestLanguage(c));
    await startSession(c, services, user.id);
    return c.json({ sessionId: grant.session_id, workspaceId: grant.workspace_id, userId: user.id, name: user.name } satisfies JoinedAsGuest, 201);
  });
}
