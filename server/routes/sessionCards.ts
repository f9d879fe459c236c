/**
 * Private input, then reveal (issue 14, item 4): cards at /api/sessions/:id/cards, the chair's
 * reveal at /api/sessions/:id/steps/:stepId/reveal, and a revealed card into a document at
 * /api/cards/:id/promote. Who sees and does what is decided in server/policies; what changes, in
 * the commands.
 */
import { Hono, type Context } from 'hono';
import { listCardsQuery, promoteCardReq, writeCardReq } from '../../shared/api/cardSchemas';
import type { SessionCardList } from '../../shared/api/cards';
import type { AppEnv, Services } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { requireUser } from '../http/session';
import { parseBody, parseQuery } from '../http/validate';
import { authorize, authorizeCardPromotion, authorizeChair, canReadCard, mayWriteUnderLock } from '../policies';
import { cardNames, presentCard } from '../presenters/cards';
import { revealStep, writeCard } from '../commands/sessions/cards';
import { promoteCard } from '../commands/promoteCard';
import type { WorkSessionRow } from '../storage/rows';
import { loadWorkspace } from './loaders';
import { loadSession } from './sessions';

/**
 * The names a card list shows: the workspace's members and the session's guests (who are in
 * no members list; their names carry the guest's marker), and the parties.
 */
async function namesFor(services: Services, session: WorkSessionRow) {
  const { repos } = services;
  const [members, guests, parties] = await Promise.all([
    repos.members.listForWorkspace(session.workspace_id),
    repos.guests.listNamesForSession(session.id),
    repos.parties.listForWorkspace(session.workspace_id),
  ]);
  return cardNames([...members, ...guests], parties);
}

/** Mounted at /api/sessions, next to the session routes. */
export function sessionCardRoutes(services: Services) {
  const { repos } = services;
  return new Hono<AppEnv>()
    .post('/:id/cards', async (c) => {
      const { session, membership, user } = await loadSession(c, services, c.req.param('id'));
      authorize(membership, 'session:contribute');
      const body = await parseBody(c, writeCardReq);
      const card = await writeCard(services, session, { ...body, userId: user.id, partyId: membership.party_id ?? null });
      return c.json(presentCard(card, user.id, await namesFor(services, session)), 201);
    })
    .get('/:id/cards', async (c) => {
      const { session, membership, user } = await loadSession(c, services, c.req.param('id'));
      const { stepId } = parseQuery(c, listCardsQuery);
      const step = (await repos.workSessions.listSteps(session.id)).find((s) => s.id === stepId);
      if (!step) throw new ValidationError({ stepId: 'error.stepMissing' });
      const visible = (await repos.sessionCards.listForStep(session.id, step.id)).filter((card) =>
        canReadCard(membership, user.id, { author_id: card.author_id, revealed_at: step.revealed_at }),
      );
      const names = await namesFor(services, session);
      return c.json({ stepId: step.id, revealedAt: step.revealed_at, cards: visible.map((card) => presentCard(card, user.id, names)) } satisfies SessionCardList);
    })
    .post('/:id/steps/:stepId/reveal', async (c) => {
      const { session, membership, user } = await loadSession(c, services, c.req.param('id'));
      authorizeChair(membership, session, user.id);
      const revealedAt = await revealStep(services, session, c.req.param('stepId'));
      return c.json({ stepId: c.req.param('stepId'), revealedAt });
    });
}

/** Mounted at /api/cards. */
export function cardRoutes(services: Services) {
  const { repos } = services;
  /** The card with its step's reveal and the caller's membership of its workspace. */
  const loadCard = async (c: Context<AppEnv>, cardId: string) => {
    const user = requireUser(c);
    const card = await repos.sessionCards.findById(cardId);
    const session = card ? await repos.workSessions.findById(card.session_id) : undefined;
    if (!card || !session) throw new NotFoundError('error.cardMissing');
    const step = (await repos.workSessions.listSteps(session.id)).find((s) => s.id === card.step_id);
    const { membership } = await loadWorkspace(c, services, session.workspace_id);
    return { card, session, membership, user, revealedAt: step?.revealed_at ?? null };
  };

  return new Hono<AppEnv>().post('/:id/promote', async (c) => {
    const { card, session, membership, user, revealedAt } = await loadCard(c, c.req.param('id'));
    authorizeCardPromotion(membership, user.id, { author_id: card.author_id, revealed_at: revealedAt });
    const body = await parseBody(c, promoteCardReq);
    // Only into a document of the card's own workspace: any other is not found from here.
    const document = await repos.documents.findById(body.documentId);
    if (!document || document.workspace_id !== session.workspace_id) throw new NotFoundError();
    // A locked session lets only its chair write, on the socket and here alike.
    if (!mayWriteUnderLock(services.sessionLocks.chairsLocking(document.workspace_id), user.id)) throw new ConflictError('session_locked', 'session.locked');
    return c.json(await promoteCard(services, { card, document, kind: body.kind, userId: user.id }), 201);
  });
}
