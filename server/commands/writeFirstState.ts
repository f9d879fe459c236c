/**
 * Stores a new document's first state (a template, the minutes of a session) straight through
 * the log: no room is open for a document nobody has seen yet. On PostgreSQL that write claims
 * the document's lease; it is given up at once, so the instance the document's first socket
 * reaches becomes its owner (hashing at the load balancer keeps that socket's later peers there)
 * instead of whichever instance happened to answer the request that created it.
 */
import type { Services } from '../context';
import { describeError } from '../support/log';

export async function writeFirstState(services: Services, documentId: string, state: Uint8Array): Promise<void> {
  await services.log.compact(documentId, state, 0);
  if (services.registry.hasRoom(documentId)) return;
  // The state is stored; a lease not given up only runs out with this instance, so this fails nothing.
  await services.storage.ownership.release(documentId).catch((error: unknown) => services.logger.warn('document lease not released', { document: documentId, ...describeError(error) }));
}
