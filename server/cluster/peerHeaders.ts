/**
 * What one instance adds to a request or socket it passes to another: the cluster's shared
 * secret (made once, read by every instance from the database) and the address of the client it
 * came from. Only a request that carries the right secret is believed to come from a peer; its
 * client address is believed only then, and it is never passed on again.
 */
import { timingSafeEqual } from 'node:crypto';

export const forwardedHeaders = {
  secret: 'x-werktafel-forward-secret',
  clientAddress: 'x-werktafel-client-address',
} as const;

/** True when `header` is the cluster's forwarding secret (never on one instance alone: no secret). */
export function isFromPeer(header: string | undefined, secret: string | null): boolean {
  if (!header || !secret || header.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(header), Buffer.from(secret));
}
