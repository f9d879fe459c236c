/**
 * Suggestions of a document (issue 15), mounted at /api/documents/:id/suggestions: the open ones
 * with who proposed them (from the server's record, never from the marks), and accept / reject,
 * one at a time or all of one person's or one party's at once (`POST …/decide`).
 * Handlers: validate -> load -> authorize -> act -> present.
 */
import { Hono, type Context } from 'hono';
import { decideSuggestionsReq } from '../../shared/api/schemas';
import type { DecideSuggestionsRes } from '../../shared/api/suggestions';
import { decideSuggestion, type SuggestionDecision } from '../commands/decideSuggestion';
import { decideSuggestions } from '../commands/decideSuggestions';
import type { AppEnv, Services } from '../context';
import { requireUser } from '../http/session';
import { parseBody } from '../http/validate';
import { authorize } from '../policies';
import { presentSuggestion } from '../presenters/suggestions';
import { loadNameBook } from '../presenters/threads';
import { loadDocument } from './loaders';

export function suggestionRoutes(services: Services) {
  const decide = (decision: SuggestionDecision) => async (c: Context<AppEnv>) => {
    const user = requireUser(c);
    const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
    authorize(membership, 'document:read');
    const row = await decideSuggestion(services, { document, membership, userId: user.id, suggestionId: c.req.param('suggestionId')!, decision });
    const names = await loadNameBook(services.repos, document.workspace_id, [row.user_id]);
    return c.json(presentSuggestion(row, names));
  };
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      const rows = await services.repos.suggestions.ofDocument(document.id, 'open');
      const names = await loadNameBook(services.repos, document.workspace_id, rows.map((row) => row.user_id));
      return c.json(rows.map((row) => presentSuggestion(row, names)));
    })
    .post('/decide', async (c) => {
      const user = requireUser(c);
      const body = await parseBody(c, decideSuggestionsReq);
      const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      const of = body.userId !== undefined ? { userId: body.userId } : { partyId: body.partyId! };
      const result = await decideSuggestions(services, { document, membership, userId: user.id, decision: body.decision, of });
      const names = await loadNameBook(services.repos, document.workspace_id, result.decided.map((row) => row.user_id));
      return c.json({ decided: result.decided.map((row) => presentSuggestion(row, names)), refused: result.refused } satisfies DecideSuggestionsRes);
    })
    .post('/:suggestionId/accept', decide('accept'))
    .post('/:suggestionId/reject', decide('reject'));
}
