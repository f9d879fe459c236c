/**
 * The client address every per-address limit counts (sign-up, sign-in, sockets per address).
 * Computed here and nowhere else, so that no limit can be dodged through a header another one
 * ignores.
 */
import { isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { forwardedHeaders } from '../cluster/peerHeaders';
import type { AppEnv } from '../context';

/** `::ffff:192.0.2.1` and `192.0.2.1` are one client, whichever socket family it arrived on. */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}

/**
 * The address `trustProxy` hops back along `X-Forwarded-For`. Each proxy appends the address it
 * received the request from, so only the last `trustProxy` entries were written by proxies we
 * trust; everything left of them came from the client and may be forged. With fewer entries than
 * proxies the leftmost one is the furthest a trusted proxy saw.
 */
export function forwardedAddress(remote: string, forwardedFor: string | undefined, trustProxy: number): string {
  if (trustProxy <= 0 || !forwardedFor) return normalise(remote);
  const hops = forwardedFor.split(',').map((entry) => entry.trim()).filter(Boolean);
  const chosen = hops[Math.max(0, hops.length - trustProxy)];
  // Only a trusted proxy wrote this entry; if it is not an address, the proxy count is wrong
  // and the socket's own address is the one thing still known to be true.
  return chosen && isIP(chosen) ? normalise(chosen) : normalise(remote);
}

/**
 * The client address of a request, as `TRUST_PROXY` (config.trustProxy) defines it; for a request
 * another instance passed on (proven by the cluster's secret, `fromPeer`), the address that
 * instance saw. A client's own `x-werktafel-client-address` without the secret counts for nothing.
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: number): string {
  const relayed = c.get('fromPeer') ? c.req.header(forwardedHeaders.clientAddress) : undefined;
  if (relayed && isIP(relayed)) return normalise(relayed);
  const remote = getConnInfo(c).remote.address ?? 'unknown';
  return forwardedAddress(remote, c.req.header('x-forwarded-for'), trustProxy);
}
