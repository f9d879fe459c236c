/**
 * Marks a request that another instance of the cluster passed on (`c.var.fromPeer`): it carries
 * the secret the instances share. Decided once, before any route, so that the client address
 * (clientAddress.ts), the socket route and the forwarding of document changes all agree on it.
 */
import type { MiddlewareHandler } from 'hono';
import { forwardedHeaders, isFromPeer } from '../cluster/peerHeaders';
import type { AppEnv, Services } from '../context';

export function fromPeer(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('fromPeer', isFromPeer(c.req.header(forwardedHeaders.secret), services.storage.ownership.forwardingSecret));
    await next();
  };
}
