/**
 * Connection-level abuse for the protocol-fuzz family: raw TCP clients that send an HTTP
 * request or a WebSocket upgrade and then reset the connection (RST), half-close it, or send
 * garbage, at random moments. Each attack resolves when its socket is gone; it never throws,
 * because what is judged is the server afterwards, not the attacker.
 */
import net from 'node:net';
import type { Prng } from './prng';

/** When the attacker lets go of its connection. */
export type LetGo =
  /** RST in the same turn as the last write (the server may not even have read it). */
  | 'reset-at-once'
  /** RST one event-loop turn later. */
  | 'reset-next-turn'
  /** RST after a random 1-30 ms. */
  | 'reset-soon'
  /** RST as soon as the server's first bytes arrive (or after 200 ms without any). */
  | 'reset-after-first-byte'
  /** FIN instead of RST: the attacker stops sending but keeps reading. */
  | 'half-close';

export const letGoKinds: readonly LetGo[] = ['reset-at-once', 'reset-next-turn', 'reset-soon', 'reset-after-first-byte', 'half-close'];

export interface AttackResult {
  /** `HTTP/1.1 401` and the like, when the server answered before the attacker let go. */
  statusLine: string | null;
  /** The server closed the connection itself before the attacker reset it. */
  closedByServer: boolean;
}

export interface Attack {
  /** Bytes written at connect. */
  request: Buffer;
  /** Written after the server's first bytes (a frame after a 101, say), then let go. */
  afterResponse?: Buffer;
  letGo: LetGo;
}

/** How long a half-closed attacker waits for the server to end the connection. */
const HALF_CLOSE_WAIT_MS = 3_000;

export function runAttack(port: number, attack: Attack): Promise<AttackResult> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let reset = false;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      const head = received.toString('latin1');
      const statusLine = /^HTTP\/1\.1 \d{3}/.exec(head)?.[0] ?? null;
      resolve({ statusLine, closedByServer });
      if (!socket.destroyed) socket.destroy();
    };
    const resetNow = () => {
      if (reset || socket.destroyed) return;
      reset = true;
      socket.resetAndDestroy();
      finish(false);
    };
    socket.on('error', () => finish(!reset));
    socket.on('close', () => finish(!reset));
    socket.on('data', (chunk: Buffer) => {
      const first = received.length === 0;
      received = Buffer.concat([received, chunk]);
      if (!first) return;
      if (attack.afterResponse && !socket.writableEnded) socket.write(attack.afterResponse);
      if (attack.letGo === 'reset-after-first-byte') resetNow();
    });
    socket.on('connect', () => {
      socket.write(attack.request);
      switch (attack.letGo) {
        case 'reset-at-once':
          resetNow();
          break;
        case 'reset-next-turn':
          setImmediate(resetNow);
          break;
        case 'reset-soon':
          timers.push(setTimeout(resetNow, 1 + Math.floor(Math.random() * 30)));
          break;
        case 'reset-after-first-byte':
          timers.push(setTimeout(resetNow, 200));
          break;
        case 'half-close':
          socket.end();
          timers.push(setTimeout(resetNow, HALF_CLOSE_WAIT_MS));
          break;
      }
    });
  });
}

/** Runs attacks from `next` on `concurrency` parallel connections for `durationMs`. */
export async function storm(
  port: number,
  durationMs: number,
  concurrency: number,
  next: () => Attack,
): Promise<{ attacks: number; statusLines: Map<string, number>; closedByServer: number }> {
  const deadline = Date.now() + durationMs;
  const statusLines = new Map<string, number>();
  let attacks = 0;
  let closedByServer = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const result = await runAttack(port, next());
        attacks++;
        if (result.closedByServer) closedByServer++;
        if (result.statusLine) statusLines.set(result.statusLine, (statusLines.get(result.statusLine) ?? 0) + 1);
      }
    }),
  );
  return { attacks, statusLines, closedByServer };
}

const WEBSOCKET_KEY = Buffer.from('werktafel-storm!').toString('base64');

export function upgradeRequest(port: number, path: string, headers: Record<string, string>): Buffer {
  const lines = [
    `GET ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${WEBSOCKET_KEY}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
}

export function httpRequest(port: number, method: string, path: string, headers: Record<string, string>, body = ''): Buffer {
  const lines = [`${method} ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'latin1');
}

/** A request cut off after a random number of its bytes (mid request line, headers or body). */
export function truncated(request: Buffer, prng: Prng): Buffer {
  return request.subarray(0, prng.int(1, Math.max(1, request.length - 1)));
}

/** A masked client WebSocket frame (binary), possibly cut short by the caller. */
export function clientFrame(payload: Uint8Array): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const header = payload.length < 126 ? Buffer.from([0x82, 0x80 | payload.length]) : Buffer.from([0x82, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([header, mask, body]);
}

export function garbage(prng: Prng): Buffer {
  return Buffer.from(Array.from({ length: prng.int(1, 600) }, () => prng.int(0, 255)));
}
