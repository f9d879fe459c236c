/**
 * Runs an HTTP request that changes a document at the instance that owns the document, and
 * answers with the owner's response as it came (status, body, headers).
 *
 * Why the whole request, and why from the room's door: a command needs the document's room
 * (RoomRegistry.withRoom), and only the owner's room may write (its lease fences every append).
 * Which document a request touches is often known only deep in the route (a card, a poll, a
 * thread leads to it), so the one place that knows is withRoom, which throws
 * DocumentElsewhereError before the command has changed anything. The request then runs again,
 * whole, at the owner: it validates, loads and authorizes there with the same cookie and policy
 * as any request of its own, so the answer is the one a single instance gives. A request that a
 * peer passed on is never passed on again (the lease moved meanwhile: 503, the client retries).
 *
 * When the owner cannot be reached or dies before it answers, the client gets 503 with
 * Retry-After: the owner may or may not have made the change, so nothing is run again here on
 * the client's behalf. Its next attempt finds the new owner (perhaps this instance).
 */
import type { Context } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context';
import { HttpError } from '../errors';
import { clientAddress } from '../http/clientAddress';
import { describeError, type Logger } from '../support/log';
import type { DocumentElsewhereError } from './DocumentOwnership';
import { forwardedHeaders } from './peerHeaders';

/**
 * How long the owner may take to answer. A command runs in well under a second; a restore of a
 * very large document takes a few. An owner that stalls this long has lost its lease by then
 * (30 s) and another instance serves the document.
 */
export const FORWARD_TIMEOUT_MS = 30_000;

/** Hop-by-hop headers (RFC 9110, 7.6.1) and what fetch sets itself: never copied across. */
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', 'content-length']);
/** Statuses a Response may not carry a body with (Fetch standard). */
const nullBodyStatuses = new Set([101, 204, 205, 304]);
/** Set by this instance for the owner; whatever the client sent under these names is dropped. */
const ours = new Set<string>([forwardedHeaders.secret, forwardedHeaders.clientAddress, 'x-forwarded-for', 'forwarded', 'accept-encoding', 'x-request-id']);

export interface ForwardOptions {
  secret: string | null;
  trustProxy: number;
  timeoutMs?: number;
  logger: Logger;
}

function ownerUnreachable(): HttpError {
  return new HttpError(503, 'document_unavailable', 'error.documentUnavailable', undefined, { 'Retry-After': '1' });
}

function requestHeaders(c: Context<AppEnv>, secret: string, trustProxy: number): Headers {
  const headers = new Headers();
  for (const [name, value] of c.req.raw.headers) if (!hopByHop.has(name) && !ours.has(name)) headers.append(name, value);
  headers.set(forwardedHeaders.secret, secret);
  headers.set(forwardedHeaders.clientAddress, clientAddress(c, trustProxy));
  // The owner's log lines carry the same request id as ours.
  headers.set('x-request-id', c.get('requestId'));
  // The body is read whole here: it must arrive as the owner sent it, not decoded on the way.
  headers.set('accept-encoding', 'identity');
  return headers;
}

function responseHeaders(response: Response): Headers {
  const headers = new Headers();
  for (const [name, value] of response.headers) if (!hopByHop.has(name) && name !== 'set-cookie') headers.append(name, value);
  for (const cookie of response.headers.getSetCookie()) headers.append('set-cookie', cookie);
  return headers;
}

/** The owner's answer to this request; throws a 503 HttpError when there is none. */
export async function forwardToOwner(c: Context<AppEnv>, elsewhere: DocumentElsewhereError, options: ForwardOptions): Promise<Response> {
  const fields = { document: elsewhere.documentId, owner: elsewhere.owner.instanceId, requestId: c.get('requestId') };
  if (c.get('fromPeer') || !options.secret) {
    // Passed on once already: the owner we were sent to no longer holds the document.
    options.logger.warn('forwarded request found its document at yet another instance', fields);
    throw ownerUnreachable();
  }
  const url = new URL(c.req.path + new URL(c.req.url).search, elsewhere.owner.internalUrl);
  const method = c.req.method;
  // Hono keeps the body it read for the route (as text for JSON), so it can be read again here.
  const body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.arrayBuffer();
  const signal = AbortSignal.timeout(options.timeoutMs ?? FORWARD_TIMEOUT_MS);
  try {
    const response = await fetch(url, { method, headers: requestHeaders(c, options.secret, options.trustProxy), body, redirect: 'manual', signal });
    // Read whole under the same deadline: an owner that dies halfway through its answer is a 503 too.
    const bytes = await response.arrayBuffer();
    const answer = method === 'HEAD' || nullBodyStatuses.has(response.status) ? null : bytes;
    options.logger.debug('request run at the owner', { ...fields, status: response.status });
    // Through the context: what this instance's middleware already set (a renewed session
    // cookie, the request id) stays, under the owner's headers.
    return c.newResponse(answer, { status: response.status as StatusCode, headers: responseHeaders(response) });
  } catch (error) {
    options.logger.warn('owner did not answer a forwarded request', { ...fields, ...describeError(error) });
    throw ownerUnreachable();
  }
}
