/**
 * What the harness and the load generator process say to each other over IPC: requests
 * `{ id, method, params }`, answers `{ id, result }` or `{ id, error }`. Plain JSON only.
 */
import type { HistogramData } from '../stats/histogram';
import type { Dialect } from '../protocol/wire';

/** Where a document lives and how to reach it. */
export interface DocTarget {
  dialect: Dialect;
  /** ws://127.0.0.1:PORT[/prefix]; a y-websocket room URL is `${baseUrl}/${room}`. */
  baseUrl: string;
  /** Room (y-websocket) or document name (Hocuspocus). */
  room: string;
  /** Upgrade headers (ours: session cookie and Origin). */
  headers: Record<string, string>;
  /** The server does not answer sync messages (null relay): a thin client is synced once open. */
  relayOnly?: boolean;
  /**
   * More instances serving the same document (a cluster): the k-th client of the document
   * opens its socket on `[baseUrl, ...spread][k % (1 + spread.length)]`, round-robin.
   */
  spread?: string[];
}

/** One client to open. */
export interface ClientSpec {
  /** Index into the `docs` of the connect request. */
  doc: number;
  kind: 'thin' | 'full';
  writer: boolean;
  /** Announce a presence on join (and renew it every 15 s like y-protocols). */
  awareness: boolean;
}

/** Opens clients on documents and waits until they are synced. */
export interface ConnectParams {
  docs: DocTarget[];
  clients: ClientSpec[];
  /** Sockets opening at once. */
  concurrency: number;
  /** Spread the joins evenly over this many ms (join storm); 0: as fast as allowed. */
  spreadMs?: number;
  timeoutMs: number;
  /** Thin clients type this many characters once synced (documents with some content). */
  typeOnJoin?: number;
  /**
   * A thin client counts as joined only once it has received this many bytes (step 2 and any
   * update after it): a server may answer step 2 before its storage has loaded (y-websocket
   * with LevelDB does) and send the content as updates afterwards.
   */
  expectBytes?: number;
}

/** How the joins went. */
export interface ConnectResult {
  requested: number;
  synced: number;
  failed: number;
  /** Join time: socket created -> first sync step 2 received, ms. */
  join: HistogramData;
  /** Distinct `Sec-WebSocket-Extensions` values the servers answered ('' = none). */
  extensions: string[];
  errors: string[];
}

/** The open-loop load every writer follows. */
export interface LoadParams {
  /** Events per second per writer. */
  ratePerWriter: number;
  /** Each event inserts 1-3 characters plus a beacon. */
  text: boolean;
  /** Each event also sends a cursor awareness update (with its own beacon). */
  awareness: boolean;
  charsMin: number;
  charsMax: number;
  /** Uniform jitter around the period, as a fraction of it (< 0.5 keeps the order). */
  jitter: number;
  /** Hard stop: the writers stop by themselves after this long even if nobody says so. */
  maxDurationMs: number;
}

/** The generator's own load over the window (the validity gate reads it). */
export interface GeneratorHealth {
  /** Event-loop utilisation of the generator over the window. */
  elu: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  cpuPct: number;
  /** % of the window the generator was ready to run but another process had its core. */
  runqueueWaitPct: number | null;
}

/** Everything the generator measured over one load run. */
export interface LoadReport {
  windowMs: number;
  /** Events whose scheduled time fell in the window. */
  sentInWindow: number;
  sentTotal: number;
  /** Document beacons: scheduled send -> seen by a receiver, for sends scheduled in the window. */
  latency: HistogramData;
  /** Awareness beacons, same definition. */
  awarenessLatency: HistogramData;
  deliveredInWindow: number;
  awarenessDeliveredInWindow: number;
  /** Beacons never seen by a receiver that was synced before the load started. */
  drops: number;
  duplicates: number;
  receivers: number;
  framesInWindow: number;
  bytesInWindow: number;
  /** Sockets that closed while they should have stayed open. */
  unexpectedCloses: number;
  generator: GeneratorHealth;
  /** ms the drain waited for outstanding beacons. */
  drainedMs: number;
}

/** Whether the full clients ended with the same document holding every beacon. */
export interface ConvergenceResult {
  ok: boolean;
  /** Per document with full clients: did they agree, and did they hold every beacon sent. */
  docs: { doc: number; fullClients: number; equal: boolean; missingBeacons: number; textLength: number }[];
}

/** Open, type into and close each document, a few at a time. */
export interface ChurnParams {
  docs: DocTarget[];
  concurrency: number;
  /** Characters typed into each document before closing. */
  chars: number;
  timeoutMs: number;
}

/** How the churn went. */
export interface ChurnResult {
  done: number;
  failed: number;
  elapsedMs: number;
  errors: string[];
}

/** The methods and their parameter/result types. */
export interface GeneratorApi {
  connect: { params: ConnectParams; result: ConnectResult };
  seed: { params: { doc: DocTarget; updateFile: string; timeoutMs: number }; result: { ms: number } };
  startLoad: { params: LoadParams; result: { at: number } };
  beginMeasure: { params: Record<string, never>; result: { at: number } };
  endMeasure: { params: Record<string, never>; result: { at: number } };
  report: { params: { drainMs: number }; result: LoadReport };
  converge: { params: { timeoutMs: number }; result: ConvergenceResult };
  /** Beacon keys (`writer:seq`) any receiver has seen: what the server relayed. */
  delivered: { params: Record<string, never>; result: { keys: string[] } };
  counters: { params: Record<string, never>; result: { frames: number; bytes: number; at: number } };
  churn: { params: ChurnParams; result: ChurnResult };
  closeAll: { params: Record<string, never>; result: { closed: number } };
}

/** A generator method name. */
export type Method = keyof GeneratorApi;

/** A call from the harness. */
export interface RpcRequest {
  id: number;
  method: Method;
  params: unknown;
}

/** The generator's answer to a call. */
export type RpcResponse = { id: number; result: unknown } | { id: number; error: string };
