/**
 * Real y-websocket clients in Node: the stock WebsocketProvider over `ws`, with the session
 * cookie and Origin header a browser would send on the upgrade.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { collabPath } from '../../shared/collab/protocol';

export interface ProviderOptions {
  cookie: string | null;
  origin: string;
  /** Origin header to send; defaults to `origin`. */
  sendOrigin?: string;
  params?: Record<string, string>;
  /** Certificate to trust for wss:// (a test's own self-signed one). */
  ca?: string;
}

function socketClass(cookie: string | null, sendOrigin: string, ca?: string) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { origin: sendOrigin, ...(cookie ? { cookie } : {}) }, ...(ca ? { ca } : {}) });
    }
  };
}

export function connectProvider(documentId: string, options: ProviderOptions, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(options.origin.replace(/^http/, 'ws') + collabPath, documentId, doc, {
    WebSocketPolyfill: socketClass(options.cookie, options.sendOrigin ?? options.origin, options.ca) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: options.params ?? {},
  });
  return { doc, provider, text: () => doc.getText('t').toString() };
}

export function waitForSync(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('provider did not sync')), timeoutMs);
    provider.on('sync', (synced: boolean) => {
      if (synced) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** Polls until the assertion stops throwing (no fixed sleeps in tests). */
export async function eventually<T>(assertion: () => T | Promise<T>, timeoutMs = 5_000, intervalMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

/** Opens a raw `ws` socket to a document (for malformed-frame and upgrade-refusal tests). */
export function rawSocket(origin: string, documentId: string, cookie: string | null, sendOrigin = origin) {
  return new WebSocket(origin.replace(/^http/, 'ws') + `${collabPath}/${documentId}`, {
    headers: { origin: sendOrigin, ...(cookie ? { cookie } : {}) },
  });
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when it was accepted. */
export function upgradeStatus(origin: string, documentId: string, cookie: string | null, sendOrigin = origin): Promise<number> {
  return new Promise((resolve) => {
    const socket = rawSocket(origin, documentId, cookie, sendOrigin);
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', () => undefined);
  });
}
