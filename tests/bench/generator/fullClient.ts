/**
 * A full client: a real `Y.Doc` behind the real provider of its server family
 * (y-websocket's `WebsocketProvider`, or `HocuspocusProvider`). A few of these per document check
 * at the end that everyone converged. They see beacons on the raw socket, like thin clients, so
 * both kinds time the same moment (arrival), not when Yjs got round to applying it.
 */
import { performance } from 'node:perf_hooks';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { TEXT_NAME } from '../protocol/textUpdates';
import type { DocTarget } from './protocol';
import type { BenchClientBase, FrameSink } from './thinClient';

interface SocketHooks {
  extensions: string | null;
  onMessage: (data: Buffer) => void;
}

/** A `ws` class that sends our headers and reports the upgrade answer and raw frames. */
function socketClass(headers: Record<string, string>, hooks: SocketHooks) {
  return class BenchSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
      this.on('upgrade', (response) => {
        hooks.extensions = String(response.headers['sec-websocket-extensions'] ?? '');
      });
      // The providers switch binaryType to 'arraybuffer'; Buffer.from(ArrayBuffer) is a view, not a copy.
      this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) =>
        hooks.onMessage(Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)),
      );
      // ws emits 'error' on refused upgrades; the provider handles reconnects itself.
      this.on('error', () => undefined);
    }
  };
}

/** A real Y.Doc behind the real provider of its server family. */
export class FullClient implements BenchClientBase {
  writerId = -1;
  joinMs = Number.NaN;
  isSynced = false;
  readonly ydoc = new Y.Doc();
  private readonly text = this.ydoc.getText(TEXT_NAME);
  private readonly hooks: SocketHooks;
  private readonly provider: WebsocketProvider | HocuspocusProvider;
  private socketProvider: HocuspocusProviderWebsocket | null = null;
  private readonly startedAt = performance.now();
  private readonly syncWaiters: (() => void)[] = [];

  constructor(
    readonly index: number,
    readonly doc: number,
    target: DocTarget,
    private readonly sink: FrameSink,
    announce: boolean,
  ) {
    this.hooks = {
      extensions: null,
      onMessage: (data) => {
        if (this.isSynced) this.sink.onFrame(this, data, performance.now());
      },
    };
    const Socket = socketClass(target.headers, this.hooks);
    if (target.dialect === 'hocuspocus') {
      // One socket per client, as separate browser tabs would have.
      this.socketProvider = new HocuspocusProviderWebsocket({ url: target.baseUrl, WebSocketPolyfill: Socket });
      const provider = new HocuspocusProvider({ websocketProvider: this.socketProvider, name: target.room, document: this.ydoc });
      provider.on('synced', () => this.markSynced());
      provider.attach();
      this.provider = provider;
    } else {
      const provider = new WebsocketProvider(target.baseUrl, target.room, this.ydoc, {
        WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      provider.on('sync', (synced: boolean) => {
        if (synced) this.markSynced();
      });
      this.provider = provider;
    }
    const awareness = this.provider.awareness;
    if (awareness) {
      if (announce) awareness.setLocalStateField('user', { name: `full-${index}` });
      else awareness.setLocalState(null);
    }
  }

  get extensions(): string | null {
    return this.hooks.extensions;
  }

  private markSynced(): void {
    if (this.isSynced) return;
    this.isSynced = true;
    this.joinMs = performance.now() - this.startedAt;
    for (const waiter of this.syncWaiters.splice(0)) waiter();
  }

  waitSynced(timeoutMs: number): Promise<void> {
    if (this.isSynced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('full client sync timeout')), timeoutMs);
      this.syncWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  sendEvent(text: string | null, awarenessBeacon: string | null): void {
    if (text !== null) this.text.insert(this.text.length, text);
    if (awarenessBeacon !== null) {
      const at = this.text.length;
      this.provider.awareness?.setLocalStateField('cursor', { anchor: at, head: at, b: awarenessBeacon });
    }
  }

  /** The providers renew their presence themselves (y-protocols' 15 s timer). */
  renewAwareness(): void {}

  /** Text and state vector, for the convergence check. */
  snapshot(): { text: string; stateVector: Map<number, number> } {
    return { text: this.text.toString(), stateVector: Y.decodeStateVector(Y.encodeStateVector(this.ydoc)) };
  }

  close(): void {
    this.provider.destroy();
    this.socketProvider?.destroy();
    this.ydoc.destroy();
  }
}
