/**
 * Assembles the Hono app: middleware, one sub-app per resource, the collaboration socket and
 * one error mapper. Nothing here listens; server/index.ts and the tests do.
 */
import { joinCodeRoutes, joinRoutes } from './routes/guests';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '../shared/api/http';
import { collabPath } from '../shared/collab/protocol';
import type { AppEnv, Services } from './context';
import { HttpError } from './errors';
import { requestLanguage, wordMessage } from './http/language';
import { translate } from '../shared/i18n/translate';
import { describeFailure } from './support/log';
import { originCheck } from './http/originCheck';
import { securityHeaders } from './http/securityHeaders';
import { sessionMiddleware } from './http/session';
import { fromPeer } from './http/fromPeer';
import { DocumentElsewhereError } from './cluster/DocumentOwnership';
import { forwardToOwner } from './cluster/forwardRequest';
import { documentPartRoutes, documentPartsPath } from './cluster/documentParts';
import { criteriaCheck, weightsWrite } from './commands/polls/applyPollWeights';
import { staticClient } from './http/staticClient';
import { collabRoutes } from './collab/upgradeRoute';
import type { RoomRegistry } from './collab/RoomRegistry';
import { adoptionRoutes } from './routes/adoption';
import { attributionRoutes } from './routes/attribution';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { exportRoutes } from './routes/exports';
import { versionRoutes } from './routes/versions';
import { calendarRoutes } from './routes/calendar';
import { commitmentRoutes } from './routes/commitments';
import { commentRoutes } from './routes/comments';
import { notificationRoutes } from './routes/notifications';
import { documentThreadRoutes, threadRoutes, workspaceThreadRoutes } from './routes/threads';
import { suggestionRoutes } from './routes/suggestions';
import { registerRoutes } from './routes/registers';
import { documentRoutes, workspaceDocumentRoutes } from './routes/documents';
import { healthRoutes, readinessRoutes } from './routes/health';
import { requestLog } from './http/requestLog';
import { inviteRoutes, workspaceInviteRoutes } from './routes/invites';
import { meRoutes } from './routes/me';
import { personalEventRoutes } from './routes/personalEvents';
import { oidcRoutes } from './routes/oidc';
import { memberRoutes } from './routes/members';
import { partyRoutes } from './routes/parties';
import { workspaceRoutes } from './routes/workspaces';
import { sessionRoutes, workspaceSessionRoutes } from './routes/sessions';
import { cardRoutes, sessionCardRoutes } from './routes/sessionCards';
import { pollRoutes, sessionPollRoutes } from './routes/polls';

export function createApp(services: Services, registry: RoomRegistry) {
  const app = new Hono<AppEnv>();

  app.use('*', requestId());
  app.use('*', fromPeer(services));
  app.use('*', requestLog(services.logger.child({ component: 'http' })));
  app.use('*', securityHeaders(services.config));
  app.use('*', sessionMiddleware(services));

  const api = new Hono<AppEnv>();
  api.use(
    '*',
    bodyLimit({
      maxSize: services.config.maxBodyBytes,
      onError: (c) => {
        // The rest of the body is never read; keeping the connection would leave it unusable.
        c.header('Connection', 'close');
        return c.json({ error: { code: 'too_large', message: translate(requestLanguage(c), 'error.tooLarge') } }, 413);
      },
    }),
  );
  api.use('*', originCheck(services));
  api.route('/health', healthRoutes(services));
  api.route('/ready', readinessRoutes(services));
  api.route('/auth/oidc', oidcRoutes(services));
  api.route('/auth', authRoutes(services));
  api.route('/me/notifications', notificationRoutes(services));
  api.route('/me/events', personalEventRoutes(services));
  api.route('/me', meRoutes(services));
  api.route('/workspaces', workspaceRoutes(services));
  api.route('/workspaces/:id/parties', partyRoutes(services));
  api.route('/workspaces/:id/members', memberRoutes(services));
  api.route('/workspaces/:id/invites', workspaceInviteRoutes(services));
  api.route('/workspaces/:id/documents', workspaceDocumentRoutes(services));
  api.route('/workspaces/:id/audit', auditRoutes(services));
  api.route('/workspaces/:id/sessions', workspaceSessionRoutes(services));
  api.route('/workspaces/:id/threads', workspaceThreadRoutes(services));
  api.route('/workspaces/:id', registerRoutes(services));
  api.route('/documents/:id/commitments', commitmentRoutes(services));
  api.route('/documents/:id/threads', documentThreadRoutes(services));
  api.route('/documents/:id/suggestions', suggestionRoutes(services));
  api.route('/threads', threadRoutes(services));
  api.route('/comments', commentRoutes(services));
  api.route('/documents/:id/versions/:versionId/adoption', adoptionRoutes(services));
  api.route('/documents/:id/versions', versionRoutes(services));
  api.route('/documents/:id/export', exportRoutes(services));
  api.route('/documents/:id', attributionRoutes(services));
  api.route('/calendar', calendarRoutes(services));
  api.route('/sessions/:id/join-codes', joinCodeRoutes(services));
  api.route('/sessions/:id/polls', sessionPollRoutes(services));
  api.route('/sessions', sessionRoutes(services));
  api.route('/sessions', sessionCardRoutes(services));
  api.route('/cards', cardRoutes(services));
  api.route('/polls', pollRoutes(services));
  api.route('/join', joinRoutes(services));
  api.route('/invites', inviteRoutes(services));
  api.route('/documents', documentRoutes(services));
  api.all('*', (c) => c.json({ error: { code: 'not_found', message: translate(requestLanguage(c), 'error.unknownApiPath') } }, 404));

  app.route('/api', api);
  app.route(collabPath, collabRoutes(services, registry));
  // One document's part of a command over several documents, sent by another instance.
  app.route(documentPartsPath, documentPartRoutes(services, [criteriaCheck, weightsWrite]));
  if (services.config.clientDir) app.route('/', staticClient(services.config.clientDir));

  const forwarding = { secret: services.storage.ownership.forwardingSecret, trustProxy: services.config.trustProxy, logger: services.logger.child({ component: 'forward' }) };
  app.onError(async (thrown, c) => {
    let error: unknown = thrown;
    // A command met a document another instance owns before it changed anything: the owner
    // runs the whole request (server/cluster/forwardRequest.ts says why) and its answer is ours.
    if (error instanceof DocumentElsewhereError) {
      try {
        return await forwardToOwner(c, error, forwarding);
      } catch (failure) {
        error = failure;
      }
    }
    const lang = requestLanguage(c);
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
      const fields = error.fields && Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [field, wordMessage(lang, message)]));
      const body: ApiErrorBody = { error: { code: error.code, message: wordMessage(lang, error.text), ...(fields ? { fields } : {}) } };
      return c.json(body, error.status);
    }
    if (error instanceof HTTPException) {
      return c.json({ error: { code: 'http_error', message: error.message } }, error.status as ContentfulStatusCode);
    }
    // The declared route, not the path: paths carry tokens.
    services.logger.error('request failed', { component: 'http', requestId: c.get('requestId'), method: c.req.method, route: routePath(c), ...describeFailure(error) });
    return c.json({ error: { code: 'internal', message: translate(lang, 'error.internal') } }, 500);
  });

  return app;
}
