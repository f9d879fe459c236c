/**
 * One Server-Sent Events stream, for the workspace's events and for a person's own alike: capped
 * per user, registered so that sign-out and revoked access end it, access checked again before
 * every write and every heartbeat, so an expired session ends it even if nobody told it.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { accessIsLive, type HeldAccess } from '../auth/liveness';
import type { AppEnv, Services } from '../context';
import { HttpError } from '../errors';

const SSE_HEARTBEAT_MS = 10_000;

const tooManyStreams = () => new HttpError(429, 'too_many_streams', 'error.tooManyStreams');

/** Writes one event to the stream. */
export type SendEvent = (event: string, data: object) => void;

/** Starts listening for what the stream passes on; returns the function that stops it. */
export type ListenForEvents = (send: SendEvent) => () => void;

export function serveEventStream(c: Context<AppEnv>, services: Services, held: HeldAccess, listen: ListenForEvents): Response {
  const { repos, config, events } = services;
  const stillAllowed = () => accessIsLive(repos, held);
  // Each stream holds a connection and a listener for as long as the client likes. Nothing is
  // awaited between this count and `track` below (the callback runs at once up to its first
  // await), so requests arriving together cannot all slip under the cap.
  if (events.openFor(held.userId) >= config.maxEventStreamsPerUser) throw tooManyStreams();
  return streamSSE(c, async (stream) => {
    const forget = events.track({ ...held, end: () => void stream.close() });
    const stopListening = listen((event, data) => {
      void stillAllowed().then(
        (allowed) => (allowed ? stream.writeSSE({ event, data: JSON.stringify(data) }) : stream.close()),
        () => stream.close(),
      );
    });
    stream.onAbort(() => {
      stopListening();
      forget();
    });
    await stream.writeSSE({ event: 'ready', data: '{}' });
    while (!stream.aborted && !stream.closed) {
      await stream.sleep(SSE_HEARTBEAT_MS);
      if (stream.aborted || stream.closed) break;
      if (!(await stillAllowed())) break;
      // Proxies close silent connections; a comment line keeps this one open.
      await stream.write(': keepalive\n\n');
    }
    stopListening();
    forget();
  });
}
