/**
 * The werksessie API (issue 14): planning at /api/workspaces/:id/sessions, running at
 * /api/sessions/:id. Who may do what is decided in server/policies; what changes, in
 * server/commands/sessions. Every change is announced as a `session` event on the workspace's
 * stream.
 */
import { Hono, type Context } from 'hono';
import { createSessionReq, handOverReq, planReflectionReq, sessionStateReq, turnTextReq, updateSessionReq } from '../../shared/api/sessionSchemas';
import type { SessionEnded } from '../../shared/api/sessions';
import type { AppEnv, Services } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { requestLanguage } from '../http/language';
import { requireUser } from '../http/session';
import { parseBody } from '../http/validate';
import { authorize, authorizeChair, authorizeChairHandOver, authorizeSessionRead, authorizeTurnText, can, sessionsVisibleTo } from '../policies';
import { presentPollSummary } from '../presenters/polls';
import { presentSession, presentSessionSummary } from '../presenters/sessions';
import { changeSessionState } from '../commands/sessions/changeSessionState';
import { createSession, updateSession } from '../commands/sessions/planSession';
import { handOverChair, startSession } from '../commands/sessions/runSession';
import { endSession } from '../commands/sessions/endSession';
import { planReflection } from '../commands/sessions/planReflection';
import { publishSessionChange } from '../commands/sessions/publishSessionChange';
import { loadWorkspace } from './loaders';

/** Mounted at /api/workspaces/:id/sessions. */
export function workspaceSessionRoutes(services: Services) {
  const { repos } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
      authorize(membership, 'session:read');
      return c.json(sessionsVisibleTo(membership, await repos.workSessions.listForWorkspace(workspace.id)).map(presentSessionSummary));
    })
    .post('/', async (c) => {
      const user = requireUser(c);
      const { workspace, membership } = await loadWorkspace(c, services, c.req.param('id')!);
      authorize(membership, 'session:manage');
      const body = await parseBody(c, createSessionReq);
      const session = await createSession(services, {
        workspaceId: workspace.id,
        title: body.title,
        template: body.template ?? 'blank',
        startsAt: body.startsAt ? Date.parse(body.startsAt) : null,
        userId: user.id,
        lang: requestLanguage(c),
      });
      return c.json(presentSessionSummary(session), 201);
    });
}

/** A session and the caller's membership of its workspace; someone outside it gets a 404. */
export async function loadSession(c: Context<AppEnv>, services: Services, sessionId: string) {
  const user = requireUser(c);
  const session = await services.repos.workSessions.findById(sessionId);
  if (!session) throw new NotFoundError('error.sessionMissing');
  const { membership } = await loadWorkspace(c, services, session.workspace_id);
  authorizeSessionRead(membership, session);
  return { session, membership, user };
}

/** Mounted at /api/sessions. */
export function sessionRoutes(services: Services) {
  const { repos } = services;

  const present = async (c: Context<AppEnv>, sessionId: string) => {
    const { session, membership, user } = await loadSession(c, services, sessionId);
    const [steps, turns, cardCounts, polls, voted] = await Promise.all([
      repos.workSessions.listSteps(session.id),
      repos.workSessions.listTurns(session.id),
      repos.sessionCards.countPerStep(session.id),
      repos.polls.listForSession(session.id),
      repos.polls.votedPollIds(session.id, user.id, membership.party_id ?? null),
    ]);
    const pollSummaries = polls.map((poll) => presentPollSummary(poll, voted.includes(poll.id)));
    return presentSession(session, steps, turns, cardCounts, { userId: user.id, canManage: can(membership, 'session:manage') }, pollSummaries);
  };
  const detail = async (c: Context<AppEnv>, sessionId: string) => c.json(await present(c, sessionId));

  return new Hono<AppEnv>()
    .get('/:id', async (c) => {
      const { session, membership, user } = await loadSession(c, services, c.req.param('id'));
      // Whoever reads a running session has it open (its page or the session bar): that is how
      // the minutes know who was there.
      if (session.status === 'running') {
        await repos.workSessions.recordAttendance({ session_id: session.id, user_id: user.id, party_id: membership.party_id ?? null, first_seen_at: Date.now() });
      }
      return detail(c, session.id);
    })
    .patch('/:id', async (c) => {
      const { session, membership } = await loadSession(c, services, c.req.param('id'));
      authorize(membership, 'session:manage');
      await updateSession(services, session, await parseBody(c, updateSessionReq));
      return detail(c, session.id);
    })
    .post('/:id/start', async (c) => {
      const { session, membership, user } = await loadSession(c, services, c.req.param('id'));
      authorize(membership, 'session:manage');
      await startSession(services, session, user.id);
      return detail(c, session.id);
    })
    .patch('/:id/state', async (c) => {
      const { session, membership, user } = await loadSession(c, services, c.req.param('id'));
      authorizeChair(membership, session, user.id);
      await changeSessionState(services, session, await parseBody(c, sessionStateReq));
      return detail(c, session.id);
    })
    .post('/:id/chair', async (c) => {
      const { session, membership, user } = await loadSession(c, services, c.req.param('id'));
      authorizeChairHandOver(membership, session, user.id);
      const body = await parseBody(c, handOverReq);
      const next = await repos.members.find(session.workspace_id, body.userId);
      if (!can(next, 'session:manage')) throw new ValidationError({ userId: 'error.chairMustManage' });
      await handOverChair(services, session, body.userId);
      return detail(c, session.id);
    })
    .post('/:id/end', async (c) => {
      const { session, membership, user } = await loadSession(c, services, c.req.param('id'));
      // An ended session says so to every member, chair or not: a second end is a conflict.
      if (session.status === 'ended') throw new ConflictError('session_ended', 'error.sessionEnded');
      authorizeChair(membership, session, user.id);
      const minutes = await endSession(services, session, requestLanguage(c));
      return c.json({ id: minutes.id, session: await present(c, session.id) } satisfies SessionEnded, 201);
    })
    .post('/:id/reflection', async (c) => {
      const { session, membership, user } = await loadSession(c, services, c.req.param('id'));
      authorizeChair(membership, session, user.id);
      const body = await parseBody(c, planReflectionReq);
      const document = await repos.documents.findById(body.documentId);
      if (!document || document.workspace_id !== session.workspace_id) throw new NotFoundError('error.documentNotHere');
      authorize(membership, 'document:write');
      const chair = { userId: user.id, partyId: membership.party_id ?? null };
      return c.json(await planReflection(services, session, document, chair, body, requestLanguage(c)), 201);
    })
    .put('/:id/turns/:turnId/said', async (c) => {
      const { session, membership, user } = await loadSession(c, services, c.req.param('id'));
      const turn = await repos.workSessions.findTurn(c.req.param('turnId'));
      if (!turn || turn.session_id !== session.id) throw new NotFoundError('error.turnMissing');
      authorizeTurnText(membership, session, turn.party_id, user.id);
      const body = await parseBody(c, turnTextReq);
      await repos.workSessions.setSaid(turn.id, body.said);
      publishSessionChange(services, session);
      return detail(c, session.id);
    });
}
