/**
 * Suggestions of a document (issue 15), mounted at /api/documents/:id/suggestions: the open ones
 * with who proposed them (from the server's record, never from the marks), a suggested change of
 * a block's fields (`POST /`), and accept / reject, one at a time or all of one person's or one
 * party's at once (`POST …/decide`). Text suggestions and field suggestions share the list and
 * the decision routes; an id names one or the other.
 * Handlers: validate -> load -> authorize -> act -> present.
 */
import { Hono, type Context } from 'hono';
import { decideSuggestionsReq, proposeFieldChangeReq } from '../../shared/api/schemas';
import type { DecideSuggestionsRes } from '../../shared/api/suggestions';
import { decideFieldSuggestion } from '../commands/decideFieldSuggestion';
import { decideSuggestion, type SuggestionDecision } from '../commands/decideSuggestion';
import { decideSuggestions } from '../commands/decideSuggestions';
import { proposeFieldChange } from '../commands/proposeFieldChange';
import type { AppEnv, Services } from '../context';
import { requireUser } from '../http/session';
import { parseBody } from '../http/validate';
import { authorize } from '../policies';
import { presentAnySuggestion, presentFieldSuggestion, presentSuggestion } from '../presenters/suggestions';
import { loadNameBook } from '../presenters/threads';
import { loadDocument } from './loaders';

export function suggestionRoutes(services: Services) {
  const decide = (decision: SuggestionDecision) => async (c: Context<AppEnv>) => {
    const user = requireUser(c);
    const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
    authorize(membership, 'document:read');
    const suggestionId = c.req.param('suggestionId')!;
    const asField = await services.repos.fieldSuggestions.find(document.id, suggestionId);
    const input = { document, membership, userId: user.id, suggestionId, decision };
    const row = asField ? await decideFieldSuggestion(services, { ...input, found: asField }) : await decideSuggestion(services, input);
    const names = await loadNameBook(services.repos, document.workspace_id, [row.user_id]);
    return c.json(presentAnySuggestion(row, names));
  };
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      const rows = await services.repos.suggestions.ofDocument(document.id, 'open');
      const fields = await services.repos.fieldSuggestions.ofDocument(document.id, 'open');
      const names = await loadNameBook(services.repos, document.workspace_id, [...rows, ...fields].map((row) => row.user_id));
      return c.json([...rows.map((row) => presentSuggestion(row, names)), ...fields.map((row) => presentFieldSuggestion(row, names))]);
    })
    .post('/', async (c) => {
      const user = requireUser(c);
      const body = await parseBody(c, proposeFieldChangeReq);
      const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:comment');
      const row = await proposeFieldChange(services, { document, membership, userId: user.id, blockId: body.blockId, changes: body.changes });
      const names = await loadNameBook(services.repos, document.workspace_id, [row.user_id]);
      return c.json(presentFieldSuggestion(row, names), 201);
    })
    .post('/decide', async (c) => {
      const user = requireUser(c);
      const body = await parseBody(c, decideSuggestionsReq);
      const { document, membership } = await loadDocument(c, services, c.req.param('id')!);
      authorize(membership, 'document:read');
      const of = body.userId !== undefined ? { userId: body.userId } : { partyId: body.partyId! };
      const result = await decideSuggestions(services, { document, membership, userId: user.id, decision: body.decision, of });
      const names = await loadNameBook(services.repos, document.workspace_id, result.decided.map((row) => row.user_id));
      return c.json({ decided: result.decided.map((row) => presentAnySuggestion(row, names)), refused: result.refused } satisfies DecideSuggestionsRes);
    })
    .post('/:suggestionId/accept', decide('accept'))
    .post('/:suggestionId/reject', decide('reject'));
}
