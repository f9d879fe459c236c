/**
 * One log line per HTTP request, with the request id that `hono/request-id` gave it (also sent
 * back as `X-Request-Id`, and taken over from a proxy that sets one). The line names the route
 * as it was declared (`/api/invites/:token`), never the path as requested: paths carry invite,
 * calendar and reset tokens, and no token may reach a log.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../context';
import type { Logger } from '../support/log';

/** Probes that a load balancer sends every few seconds: at debug level, not in the info log. */
const probes = new Set(['/api/health', '/api/ready']);

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    // After next(): the route of the handler that answered.
    const route = routePath(c);
    const fields = { requestId: c.get('requestId'), method: c.req.method, route, status: c.res.status, ms: Math.round(performance.now() - started) };
    if (c.res.status >= 500) logger.warn('request', fields);
    else if (probes.has(route)) logger.debug('request', fields);
    else logger.info('request', fields);
  };
}
