/**
 * A thin client: one WebSocket that speaks just enough of the sync and awareness protocol to be
 * a real participant (it syncs once, answers the server's step 1, announces and renews a
 * presence, and writes hand-encoded updates), and otherwise only scans what it receives for
 * beacons. No `Y.Doc`: the generator's cost per client stays flat whatever the document holds.
 */
import { performance } from 'node:perf_hooks';
import { CONNECTING, LightSocket, OPEN } from './lightSocket';
import { ThinAwareness } from '../protocol/awarenessUpdates';
import { ChainTextWriter, randomClientId } from '../protocol/textUpdates';
import { Wire } from '../protocol/wire';
import type { DocTarget } from './protocol';

/** Where a client hands what it receives. */
export interface FrameSink {
  /** A frame arrived after the client was synced. */
  onFrame(client: BenchClientBase, frame: Buffer, now: number): void;
  /** The socket closed although nobody asked it to. */
  onUnexpectedClose(client: BenchClientBase, code: number): void;
}

/** What the generator needs from thin and full clients alike. */
export interface BenchClientBase {
  readonly index: number;
  readonly doc: number;
  /** Beacon writer id of this client in the current load, or -1. */
  writerId: number;
  /** ms from socket creation to the first sync step 2 (NaN until synced). */
  readonly joinMs: number;
  readonly isSynced: boolean;
  /** Distinct `Sec-WebSocket-Extensions` answer, '' for none, null before the upgrade. */
  readonly extensions: string | null;
  /** Resolves when synced; rejects on close or timeout. */
  waitSynced(timeoutMs: number): Promise<void>;
  /** Sends one scheduled event: a text insert and/or a cursor update carrying beacons. */
  sendEvent(text: string | null, awarenessBeacon: string | null): void;
  /** Renews the presence if it is due (y-protocols renews after 15 s). */
  renewAwareness(nowMs: number): void;
  close(): void;
}

/** y-protocols renews a presence when it is older than half its 30 s timeout. */
export const AWARENESS_RENEW_MS = 15_000;

/** One socket, the sync and awareness handshake, hand-encoded writes, beacon scanning. */
export class ThinClient implements BenchClientBase {
  writerId = -1;
  joinMs = Number.NaN;
  isSynced = false;
  extensions: string | null = null;
  /** Bytes received up to and including the frame that completed the join. */
  syncBytes = 0;
  private sawStep2 = false;

  private readonly socket: LightSocket;
  private readonly wire: Wire;
  private readonly startedAt = performance.now();
  private readonly chain: ChainTextWriter;
  private readonly presence: ThinAwareness;
  private lastAwarenessAt = 0;
  private cursor = 0;
  private closing = false;
  private readonly syncedPromise: Promise<void>;
  private resolveSynced!: () => void;
  private rejectSynced!: (error: Error) => void;

  constructor(
    readonly index: number,
    readonly doc: number,
    target: DocTarget,
    private readonly sink: FrameSink,
    private readonly announce: boolean,
    /** Joined only after step 2 and this many bytes received (see ConnectParams.expectBytes). */
    private readonly expectBytes = 0,
  ) {
    const clientId = randomClientId();
    this.chain = new ChainTextWriter(clientId);
    this.presence = new ThinAwareness(clientId);
    this.wire = new Wire(target.dialect, target.room);
    this.syncedPromise = new Promise<void>((resolve, reject) => {
      this.resolveSynced = resolve;
      this.rejectSynced = reject;
    });
    // Never an unhandled rejection: waitSynced is where callers see the failure.
    this.syncedPromise.catch(() => undefined);
    const url = target.dialect === 'hocuspocus' ? target.baseUrl : `${target.baseUrl}/${target.room}`;
    // Offers permessage-deflate like a browser; what the server answers is logged.
    this.socket = new LightSocket(url, target.headers ?? {}, {
      onUpgrade: (headers) => {
        this.extensions = String(headers['sec-websocket-extensions'] ?? '');
      },
      onOpen: () => this.onOpen(target.relayOnly === true),
      onMessage: (data) => this.onMessage(data),
      onClose: (code) => {
        if (!this.isSynced) this.rejectSynced(new Error(`closed before sync (${code})`));
        if (!this.closing) this.sink.onUnexpectedClose(this, code);
      },
    });
  }

  private onOpen(relayOnly: boolean): void {
    for (const frame of this.wire.hello()) this.socket.send(frame);
    this.socket.send(this.wire.syncStep1());
    if (this.announce) this.sendAwareness(this.presence.set({ user: { name: `thin-${this.index}` } }));
    // A relay answers nothing: the client is as synced as it will get.
    if (relayOnly) this.markSynced();
  }

  private markSynced(): void {
    if (this.isSynced) return;
    this.isSynced = true;
    this.joinMs = performance.now() - this.startedAt;
    this.resolveSynced();
  }

  private onMessage(data: Buffer): void {
    const now = performance.now();
    if (this.isSynced) {
      this.sink.onFrame(this, data, now);
      return;
    }
    // Before sync only the handshake matters; the document state in step 2 is not scanned.
    this.syncBytes += data.length;
    const kind = this.wire.classify(data);
    if (kind === 'syncStep1') this.socket.send(this.wire.syncStep2());
    else if (kind === 'syncStep2') this.sawStep2 = true;
    if (this.sawStep2 && this.syncBytes >= this.expectBytes) this.markSynced();
  }

  waitSynced(timeoutMs: number): Promise<void> {
    if (this.isSynced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('sync timeout')), timeoutMs);
      this.syncedPromise.then(
        () => {
          clearTimeout(timer);
          resolve();
        },
        (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  sendEvent(text: string | null, awarenessBeacon: string | null): void {
    if (this.socket.readyState !== OPEN) return;
    if (text !== null) {
      this.socket.send(this.wire.update(this.chain.insert(text)));
      this.cursor += text.length;
    }
    if (awarenessBeacon !== null) {
      const cursor = { anchor: this.cursor, head: this.cursor, b: awarenessBeacon };
      this.sendAwareness(this.presence.set({ user: { name: `thin-${this.index}` }, cursor }));
    }
  }

  /** Sends one raw update (seeding a document); resolves once it is handed to the kernel. */
  sendUpdate(update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => this.socket.send(this.wire.update(update), (error) => (error ? reject(error) : resolve())));
  }

  /** Types `text` after this client's previous insert; resolves once it is handed to the kernel. */
  sendUpdateText(text: string): Promise<void> {
    return this.sendUpdate(this.chain.insert(text));
  }

  renewAwareness(nowMs: number): void {
    if (!this.presence.hasState || nowMs - this.lastAwarenessAt < AWARENESS_RENEW_MS) return;
    const update = this.presence.renew();
    if (update) this.sendAwareness(update);
  }

  private sendAwareness(update: Uint8Array): void {
    if (this.socket.readyState !== OPEN) return;
    this.lastAwarenessAt = performance.now();
    this.socket.send(this.wire.awareness(update));
  }

  close(): void {
    if (this.closing) return;
    this.closing = true;
    if (this.socket.readyState === OPEN || this.socket.readyState === CONNECTING) {
      if (this.presence.hasState && this.socket.readyState === OPEN) this.socket.send(this.wire.awareness(this.presence.remove()));
      this.socket.close(1000);
    }
    this.rejectSynced(new Error('closed'));
  }
}
