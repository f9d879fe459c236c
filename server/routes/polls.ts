/**
 * The poll API of werksessies (issue 14, items 5 and 6): opening polls at
 * /api/sessions/:id/polls, voting, closing, results and weights at /api/polls/:id. Who may do
 * what is decided in server/policies; what changes, in server/commands/polls.
 */
import { Hono, type Context } from 'hono';
import type { WeightsApplied } from '../../shared/api/polls';
import { castBallotReq, createPollReq } from '../../shared/api/pollSchemas';
import type { AppEnv, Services } from '../context';
import { NotFoundError } from '../errors';
import { requestLanguage } from '../http/language';
import { parseBody } from '../http/validate';
import { authorizeApplyWeights, authorizeBallot, authorizeChair, canApplyWeights } from '../policies';
import { applyPollWeights } from '../commands/polls/applyPollWeights';
import { castBallot } from '../commands/polls/castBallot';
import { closePoll } from '../commands/polls/closePoll';
import { createPoll } from '../commands/polls/createPoll';
import { presentPollDetail, presentPollResults, presentPollSummary } from '../presenters/polls';
import { presentFieldSuggestion } from '../presenters/suggestions';
import { loadNameBook } from '../presenters/threads';
import { loadSession } from './sessions';

/** Mounted at /api/sessions/:id/polls. */
export function sessionPollRoutes(services: Services) {
  const { repos } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { session, membership, user } = await loadSession(c, services, c.req.param('id')!);
      const voted = new Set(await repos.polls.votedPollIds(session.id, user.id, membership.party_id ?? null));
      return c.json((await repos.polls.listForSession(session.id)).map((poll) => presentPollSummary(poll, voted.has(poll.id))));
    })
    .post('/', async (c) => {
      const { session, membership, user } = await loadSession(c, services, c.req.param('id')!);
      authorizeChair(membership, session, user.id);
      const poll = await createPoll(services, session, await parseBody(c, createPollReq), user.id);
      return c.json(presentPollDetail(poll, await repos.polls.listOptions(poll.id), undefined, { youVoted: false, youMayApplyWeights: canApplyWeights(membership, session, user.id) }), 201);
    });
}

/** A poll, its session and the caller's membership of the session's workspace (404 outside it). */
async function loadPoll(c: Context<AppEnv>, services: Services) {
  const poll = await services.repos.polls.findById(c.req.param('id')!);
  if (!poll) throw new NotFoundError('error.pollMissing');
  const loaded = await loadSession(c, services, poll.session_id);
  return { ...loaded, poll, options: await services.repos.polls.listOptions(poll.id) };
}

/** Mounted at /api/polls. */
export function pollRoutes(services: Services) {
  const { repos } = services;
  return new Hono<AppEnv>()
    .get('/:id', async (c) => {
      const { session, membership, user, poll, options } = await loadPoll(c, services);
      const partyId = membership.party_id ?? null;
      const key = poll.unit === 'party' ? partyId : user.id;
      // An anonymous poll's ballot has no voter on it: there is nothing to look up, and nothing shown.
      const own = key && poll.anonymous === 0 ? await repos.polls.findBallot(poll.id, key) : undefined;
      const voted = new Set(await repos.polls.votedPollIds(session.id, user.id, partyId));
      return c.json(presentPollDetail(poll, options, own, { youVoted: voted.has(poll.id), youMayApplyWeights: canApplyWeights(membership, session, user.id) }));
    })
    .post('/:id/ballots', async (c) => {
      const { session, membership, user, poll, options } = await loadPoll(c, services);
      const partyId = authorizeBallot(membership, poll.unit);
      const body = await parseBody(c, castBallotReq);
      const cast = await castBallot(services, { session, poll, options, userId: user.id, partyId, body });
      return c.json(cast, cast.replaced ? 200 : 201);
    })
    .post('/:id/close', async (c) => {
      const { session, membership, user, poll } = await loadPoll(c, services);
      authorizeChair(membership, session, user.id);
      await closePoll(services, session, poll);
      const closed = (await repos.polls.findById(poll.id))!;
      return c.json(presentPollSummary(closed, false));
    })
    .get('/:id/results', async (c) => {
      const { poll, options } = await loadPoll(c, services);
      return c.json(presentPollResults(poll, options, await repos.polls.listBallots(poll.id)));
    })
    .post('/:id/apply-weights', async (c) => {
      const { session, membership, user, poll, options } = await loadPoll(c, services);
      authorizeApplyWeights(membership, session, user.id);
      const { decidedSuggestions, ...applied } = await applyPollWeights(services, { session, poll, options, by: { userId: user.id, partyId: membership.party_id ?? null }, lang: requestLanguage(c) });
      const names = await loadNameBook(repos, session.workspace_id, decidedSuggestions.map((row) => row.user_id));
      return c.json({ ...applied, suggestions: decidedSuggestions.map((row) => presentFieldSuggestion(row, names)) } satisfies WeightsApplied);
    });
}
