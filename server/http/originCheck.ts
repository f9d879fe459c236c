/**
 * CSRF defence: a request that changes state and carries a cookie must come from our own
 * origin. SameSite=Lax already stops most cross-site posts; this also covers sibling
 * subdomains and old browsers.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Services } from '../context';
import { ForbiddenError } from '../errors';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function originCheck(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!safeMethods.has(c.req.method) && c.req.header('cookie')) {
      if (c.req.header('origin') !== services.config.publicOrigin) {
        throw new ForbiddenError('error.badOrigin', 'bad_origin');
      }
    }
    await next();
  };
}
