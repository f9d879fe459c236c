/**
 * A minimal WebSocket client (RFC 6455) for the thin clients: the upgrade over `http`, then
 * frames parsed straight off the TCP socket. It exists because the generator has one core for
 * hundreds of clients and, past ~200 clients at 2 edits/s, spent it in `ws`'s per-message
 * machinery (a Writable stream and an event per message) rather than in the load: the
 * generator must stay cheaper than every server it measures, or the gate discards the run.
 *
 * What it does not do: extensions (it offers permessage-deflate like a browser, so that a
 * server accepting it is seen in `extensions` and the run is discarded, but cannot read such
 * frames), text decoding (text frames are handed over as bytes) or UTF-8 validation.
 * Client frames are masked, as servers require, with the all-zero key: allowed by the RFC and
 * free, since the key only guards against caching proxies that are not here.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';

export const CONNECTING = 0;
export const OPEN = 1;
export const CLOSING = 2;
export const CLOSED = 3;

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE_CONTINUATION = 0x0;
const OPCODE_TEXT = 0x1;
const OPCODE_BINARY = 0x2;
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const NO_STATUS = 1005;
const ABNORMAL = 1006;
const ZERO_MASK = Buffer.alloc(4);

export interface LightSocketHandlers {
  /** The server accepted the upgrade; its response headers. */
  onUpgrade?(headers: http.IncomingHttpHeaders): void;
  onOpen(): void;
  /** One whole message; the buffer may be a view into a larger one and is valid during the call. */
  onMessage(data: Buffer): void;
  /** Once, however the connection ends (1006 when it never opened or broke off). */
  onClose(code: number): void;
}

export class LightSocket {
  readyState = CONNECTING;
  private socket: Socket | null = null;
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Bytes needed before the next frame can be parsed. */
  private needed = 2;
  private fragments: Buffer[] | null = null;
  private closeCode = ABNORMAL;

  constructor(
    url: string,
    headers: Record<string, string>,
    private readonly handlers: LightSocketHandlers,
  ) {
    const key = randomBytes(16).toString('base64');
    const target = new URL(url);
    const request = http.request({
      host: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      agent: false,
      headers: {
        ...headers,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-key': key,
        'sec-websocket-version': '13',
        'sec-websocket-extensions': 'permessage-deflate; client_max_window_bits',
      },
    });
    request.on('upgrade', (response, socket, head) => {
      // Closed while the upgrade was on its way.
      if (this.readyState === CLOSED) {
        socket.destroy();
        return;
      }
      const expected = createHash('sha1').update(key + ACCEPT_GUID).digest('base64');
      if (response.headers['sec-websocket-accept'] !== expected) {
        socket.destroy();
        this.finish(ABNORMAL);
        return;
      }
      this.socket = socket;
      socket.setNoDelay(true);
      socket.on('data', (chunk: Buffer) => this.receive(chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => this.finish(this.closeCode));
      this.readyState = OPEN;
      this.handlers.onUpgrade?.(response.headers);
      this.handlers.onOpen();
      if (head.length > 0) this.receive(head);
    });
    // Refused upgrade (a plain HTTP answer) or no connection at all.
    request.on('response', (response) => {
      response.resume();
      this.finish(ABNORMAL);
    });
    request.on('error', () => this.finish(ABNORMAL));
    request.end();
  }

  /** Sends one binary message; `done` once it is handed to the kernel. */
  send(data: Uint8Array, done?: (error?: Error | null) => void): void {
    if (this.readyState !== OPEN || !this.socket) {
      done?.(new Error('not open'));
      return;
    }
    this.socket.write(frame(OPCODE_BINARY, data), done);
  }

  close(code = 1000): void {
    if (this.readyState === CONNECTING) {
      this.finish(ABNORMAL);
      return;
    }
    if (this.readyState !== OPEN || !this.socket) return;
    this.readyState = CLOSING;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code, 0);
    this.socket.write(frame(OPCODE_CLOSE, payload));
    // The server answers with its close frame and ends the connection; do not wait forever.
    const socket = this.socket;
    setTimeout(() => socket.destroy(), 2_000).unref();
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    // A 16 MB message arrives in hundreds of chunks: join them once, when it is complete.
    if (this.buffered < this.needed) return;
    const bytes = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
    let at = 0;
    this.needed = 2;
    while (bytes.length - at >= 2) {
      const first = bytes[at]!;
      const second = bytes[at + 1]!;
      let length = second & 0x7f;
      let header = 2;
      if (length === 126) {
        header = 4;
        if (bytes.length - at < header) break;
        length = bytes.readUInt16BE(at + 2);
      } else if (length === 127) {
        header = 10;
        if (bytes.length - at < header) break;
        length = Number(bytes.readBigUInt64BE(at + 2));
      }
      const masked = (second & 0x80) !== 0;
      if (masked) header += 4;
      if (bytes.length - at < header + length) {
        this.needed = header + length;
        break;
      }
      const payload = bytes.subarray(at + header, at + header + length);
      if (masked) unmask(payload, bytes.subarray(at + header - 4, at + header));
      at += header + length;
      this.frameArrived((first & 0x80) !== 0, first & 0x0f, payload);
      if (this.readyState === CLOSED) return;
    }
    const rest = at === bytes.length ? null : bytes.subarray(at);
    this.chunks = rest ? [rest] : [];
    this.buffered = rest ? rest.length : 0;
  }

  private frameArrived(fin: boolean, opcode: number, payload: Buffer): void {
    if (opcode === OPCODE_BINARY || opcode === OPCODE_TEXT) {
      if (fin) this.handlers.onMessage(payload);
      else this.fragments = [Buffer.from(payload)];
      return;
    }
    if (opcode === OPCODE_CONTINUATION) {
      if (!this.fragments) return;
      this.fragments.push(Buffer.from(payload));
      if (!fin) return;
      const whole = Buffer.concat(this.fragments);
      this.fragments = null;
      this.handlers.onMessage(whole);
      return;
    }
    if (opcode === OPCODE_CLOSE) {
      this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : NO_STATUS;
      if (this.readyState === OPEN && this.socket) {
        // Echo the code, as the RFC asks, and let the server close the TCP connection.
        this.readyState = CLOSING;
        this.socket.write(frame(OPCODE_CLOSE, payload.subarray(0, 2)));
      }
      this.socket?.end();
      return;
    }
    if (opcode === OPCODE_PING && this.readyState === OPEN) this.socket?.write(frame(0xa, payload));
  }

  private finish(code: number): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.handlers.onClose(code);
  }
}

/** A masked client frame (zero key: the payload goes out as it is). */
function frame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length;
  const header = (length < 126 ? 2 : length <= 0xffff ? 4 : 10) + 4;
  const bytes = Buffer.allocUnsafe(header + length);
  bytes[0] = 0x80 | opcode;
  if (length < 126) {
    bytes[1] = 0x80 | length;
  } else if (length <= 0xffff) {
    bytes[1] = 0x80 | 126;
    bytes.writeUInt16BE(length, 2);
  } else {
    bytes[1] = 0x80 | 127;
    bytes.writeBigUInt64BE(BigInt(length), 2);
  }
  ZERO_MASK.copy(bytes, header - 4);
  bytes.set(payload, header);
  return bytes;
}

function unmask(payload: Buffer, key: Buffer): void {
  for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ key[i & 3]!;
}
