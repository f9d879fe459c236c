/**
 * One document's part of a command that touches several documents, run where that document
 * lives.
 *
 * A request that changes one document is passed whole to its owner (forwardRequest.ts). That
 * cannot serve a command over several documents owned by different instances: whichever owner
 * runs it meets another's document and could only answer 503. So such a command (applying poll
 * weights) stays at the instance that took the request, and each document's part of it (check
 * the criteria, write the weights) runs at the document's owner: here when the room can be had
 * here, else through the owner's internal route below, proved by the cluster's shared secret.
 * The command keeps its order (every document checked before any is written) and its answer
 * waits for every part, each of which answered only once its change was stored.
 *
 * A part must reach the room (RoomRegistry.withRoom) before it writes anything, as every command
 * does: DocumentElsewhereError then means nothing was done here. A part that an owner was asked
 * to run is never passed on again: when the lease moved meanwhile, or the owner does not answer,
 * the command answers 503 with Retry-After and runs nothing again on its own (the owner may have
 * made its change before it died).
 */
import { Hono } from 'hono';
import type { AppEnv, Services } from '../context';
import { DocumentLoadError } from '../collab/loadDocument';
import { HttpError, type ServerMessage } from '../errors';
import { describeError } from '../support/log';
import { DocumentElsewhereError } from './DocumentOwnership';
import { FORWARD_TIMEOUT_MS } from './forwardRequest';
import { forwardedHeaders } from './peerHeaders';

/** Where the owners' route listens; not under /api (no session, no origin: peers only). */
export const documentPartsPath = '/internal/document-parts';

export interface DocumentPart<I, O> {
  /** Names the part in the owner's route: unique among parts. */
  name: string;
  /** Runs at this instance; throws DocumentElsewhereError (nothing done) when another owns the document. */
  run(services: Services, documentId: string, input: I): Promise<O>;
}

/** Input and output travel as JSON between instances of the same build. */
export function documentPart<I, O>(name: string, run: (services: Services, documentId: string, input: I) => Promise<O>): DocumentPart<I, O> {
  return { name, run };
}

/** How an owner says a part was refused: the same typed error the command throws on one instance. */
interface PartRefusal {
  error: { status: HttpError['status']; code: string; text: ServerMessage; fields?: Record<string, ServerMessage> };
}

function unavailable(): HttpError {
  return new HttpError(503, 'document_unavailable', 'error.documentUnavailable', undefined, { 'Retry-After': '1' });
}

/** Runs the part here when the document's room can be had here, else at its owner. */
export async function runAtOwner<I, O>(services: Services, part: DocumentPart<I, O>, documentId: string, input: I): Promise<O> {
  try {
    return await part.run(services, documentId, input);
  } catch (error) {
    if (!(error instanceof DocumentElsewhereError)) throw error;
    return askOwner(services, part, error, input);
  }
}

async function askOwner<I, O>(services: Services, part: DocumentPart<I, O>, elsewhere: DocumentElsewhereError, input: I): Promise<O> {
  const secret = services.storage.ownership.forwardingSecret;
  const fields = { part: part.name, document: elsewhere.documentId, owner: elsewhere.owner.instanceId };
  if (!secret) throw unavailable();
  const url = new URL(`${documentPartsPath}/${encodeURIComponent(part.name)}/${encodeURIComponent(elsewhere.documentId)}`, elsewhere.owner.internalUrl);
  let response: Response;
  let body: { output?: O } & Partial<PartRefusal>;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [forwardedHeaders.secret]: secret },
      body: JSON.stringify({ input }),
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
    body = (await response.json()) as typeof body;
  } catch (error) {
    services.logger.warn('owner did not answer a document part', { ...fields, ...describeError(error) });
    throw unavailable();
  }
  if (response.ok) return body.output as O;
  const refused = body.error;
  if (!refused) throw new Error(`document part ${part.name} failed at ${elsewhere.owner.instanceId}: ${response.status}`);
  throw refused.status === 503 ? unavailable() : new HttpError(refused.status, refused.code, refused.text, refused.fields);
}

/** The owner's side: runs a part another instance sends, with its own room, never passing it on. */
export function documentPartRoutes(services: Services, parts: readonly DocumentPart<never, unknown>[]) {
  const byName = new Map(parts.map((part) => [part.name, part as DocumentPart<unknown, unknown>]));
  return new Hono<AppEnv>().post('/:name/:documentId', async (c) => {
    const part = byName.get(c.req.param('name'));
    // Without the secret this route does not exist.
    if (!c.get('fromPeer') || !part) return c.json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    const { input } = await c.req.json<{ input: unknown }>();
    try {
      return c.json({ output: (await part.run(services, c.req.param('documentId'), input)) ?? null });
    } catch (error) {
      if (error instanceof HttpError) {
        const refusal: PartRefusal = { error: { status: error.status, code: error.code, text: error.text, ...(error.fields ? { fields: error.fields } : {}) } };
        return c.json(refusal, error.status);
      }
      if (error instanceof DocumentElsewhereError || error instanceof DocumentLoadError) {
        services.logger.warn('document part not run: the document is not here', { part: part.name, document: c.req.param('documentId'), ...describeError(error) });
        const refusal: PartRefusal = { error: { status: 503, code: 'document_unavailable', text: 'error.documentUnavailable' } };
        return c.json(refusal, 503);
      }
      throw error;
    }
  });
}
