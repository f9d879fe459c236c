/**
 * Requests and socket upgrades from a chosen client address. All of 127.0.0.0/8 reaches a server
 * listening on 127.0.0.1, so one test can be several people at really different addresses (the
 * server sees 127.0.0.2, 127.0.0.3, …), with or without a forged `X-Forwarded-For`.
 */
import http from 'node:http';
import WebSocket from 'ws';
import { collabPath } from '../../shared/collab/protocol';

export interface AddressedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One JSON request from `localAddress`, on a connection of its own. */
export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; json?: unknown } = {},
): Promise<AddressedResponse> {
  const body = init.json === undefined ? undefined : JSON.stringify(init.json);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        localAddress,
        agent: false,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString() }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `POST /api/auth/login` from `localAddress`, as a browser on our origin sends it. */
export function signInFrom(localAddress: string, origin: string, email: string, password: string, headers: Record<string, string> = {}) {
  return requestFrom(localAddress, `${origin}/api/auth/login`, { json: { email, password }, headers: { origin, ...headers } });
}

/**
 * A socket upgrade from `localAddress`: resolves with the open socket (status 101) or the status
 * of the refusal. The caller closes an open socket.
 */
export function upgradeFrom(
  localAddress: string,
  origin: string,
  documentId: string,
  cookie: string | null,
  headers: Record<string, string> = {},
): Promise<{ status: number; socket: WebSocket | null }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(origin.replace(/^http/, 'ws') + `${collabPath}/${documentId}`, {
      localAddress,
      headers: { origin, ...(cookie ? { cookie } : {}), ...headers },
    });
    socket.on('error', () => undefined);
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, socket: null });
      socket.terminate();
    });
  });
}
