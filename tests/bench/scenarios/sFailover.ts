/**
 * SF failover: two instances of ours on PostgreSQL. A client on the first instance opens the
 * document, so that instance owns it (its lease, checked in SQL); a writer and a receiver join
 * through the second instance, which forwards their sockets to the owner. The writer types
 * continuously; the owner is killed with SIGKILL; the figure is the time from the kill until the
 * receiver gets the first edit the writer typed after the kill. Both are the stock
 * `WebsocketProvider` with its own reconnect timing: the forwarded sockets close, they
 * reconnect to the second instance, which takes the document over and loads it from PostgreSQL.
 * The writer's timeline (close seen, reconnected, synced) says which part dominates.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { BenchConfig } from '../config';
import { TEXT_NAME } from '../protocol/textUpdates';
import { num, type ResultRow } from '../report/results';
import type { BenchServer, ServerDef } from '../servers/catalog';
import { failedRow, log, withServer } from './loadPoint';

/** The writer types one beacon this often (a fast typist). */
const TYPE_EVERY_MS = 20;
/** Longest wait for an edit typed after the kill to reach the receiver. */
const FAILOVER_TIMEOUT_MS = 30_000;

/** A stock provider in this process, with the times its status changed. */
interface Client {
  ydoc: Y.Doc;
  text: Y.Text;
  provider: WebsocketProvider;
  /** [status, performance.now()] in order: 'connected', 'disconnected', 'synced'. */
  events: [string, number][];
}

function openClient(baseUrl: string, room: string, headers: Record<string, string>): Client {
  const ydoc = new Y.Doc();
  const Socket = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
      // Refused connections while the owner is gone: the provider retries on its own.
      this.on('error', () => undefined);
    }
  };
  const provider = new WebsocketProvider(baseUrl, room, ydoc, { WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket, disableBc: true });
  const events: [string, number][] = [];
  provider.on('status', ({ status }: { status: string }) => events.push([status, performance.now()]));
  provider.on('sync', (synced: boolean) => {
    if (synced) events.push(['synced', performance.now()]);
  });
  return { ydoc, text: ydoc.getText(TEXT_NAME), provider, events };
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

async function leaseHolder(databaseUrl: string, documentId: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ instance_id: string }>('SELECT instance_id FROM document_leases WHERE document_id = $1', [documentId]);
    return result.rows[0]?.instance_id ?? null;
  } finally {
    await client.end();
  }
}

/** One kill: ms from SIGKILL to each step of the writer's reconnect and to the first relayed edit. */
interface FailoverSample {
  failoverMs: number;
  closeSeenMs: number;
  reconnectedMs: number;
  resyncedMs: number;
  newOwner: string | null;
  converged: boolean;
}

const firstAfter = (client: Client, status: string, at: number): number => client.events.find(([s, t]) => s === status && t >= at)?.[1] ?? Number.NaN;

async function killOwnerOnce(server: BenchServer): Promise<FailoverSample> {
  const { names } = await server.documents(1);
  const room = names[0]!;
  const target = server.target(room);
  const survivor = target.spread![0]!;
  const clients: Client[] = [];
  const typing: NodeJS.Timeout[] = [];
  try {
    // The first socket opens the room: the first instance owns the document.
    const ownerSide = openClient(target.baseUrl, room, target.headers);
    clients.push(ownerSide);
    await until(() => ownerSide.provider.synced, 20_000, 'the client on the owner to sync');
    const writer = openClient(survivor, room, target.headers);
    const receiver = openClient(survivor, room, target.headers);
    clients.push(writer, receiver);
    await until(() => writer.provider.synced && receiver.provider.synced, 20_000, 'the forwarded clients to sync');
    const owner = await leaseHolder(server.databaseUrl!, room);
    if (owner !== `${server.def.id}-0`) throw new Error(`expected ${server.def.id}-0 to own the document, the lease names ${owner}`);

    const typedAt: number[] = [];
    const arrivedAt = new Map<number, number>();
    receiver.text.observe((event) => {
      const now = performance.now();
      for (const change of event.changes.delta) {
        if (typeof change.insert !== 'string') continue;
        for (const match of change.insert.matchAll(/~F(\d+)~/g)) if (!arrivedAt.has(Number(match[1]))) arrivedAt.set(Number(match[1]), now);
      }
    });
    typing.push(
      setInterval(() => {
        typedAt.push(performance.now());
        writer.text.insert(writer.text.length, `~F${typedAt.length - 1}~`);
      }, TYPE_EVERY_MS),
      // The client on the owner types too, and goes down with it.
      setInterval(() => ownerSide.text.insert(ownerSide.text.length, 'o'), TYPE_EVERY_MS * 2),
    );
    await until(() => arrivedAt.size >= 10, 10_000, 'edits relayed before the kill');

    const killedAt = performance.now();
    await server.processes[0]!.kill9();
    const firstAfterKill = () => typedAt.findIndex((t) => t > killedAt);
    await until(() => [...arrivedAt.keys()].some((seq) => seq >= firstAfterKill() && firstAfterKill() >= 0), FAILOVER_TIMEOUT_MS, 'an edit typed after the kill to be relayed');
    const relayedAt = Math.min(...[...arrivedAt].filter(([seq]) => seq >= firstAfterKill()).map(([, at]) => at));
    for (const timer of typing.splice(0)) clearInterval(timer);
    const converged = await until(() => receiver.text.toString() === writer.text.toString(), 5000, 'convergence').then(
      () => true,
      () => false,
    );
    return {
      failoverMs: relayedAt - killedAt,
      closeSeenMs: firstAfter(writer, 'disconnected', killedAt) - killedAt,
      reconnectedMs: firstAfter(writer, 'connected', killedAt) - killedAt,
      resyncedMs: firstAfter(writer, 'synced', killedAt) - killedAt,
      newOwner: await leaseHolder(server.databaseUrl!, room),
      converged,
    };
  } finally {
    for (const timer of typing) clearInterval(timer);
    for (const client of clients) {
      client.provider.destroy();
      client.ydoc.destroy();
    }
  }
}

const median = (values: number[]): number => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};

/** Runs the failover scenario `config.sf.samples` times per server, each on a fresh cluster. */
export async function runFailover(config: BenchConfig, servers: ServerDef[]): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const def of servers) {
    const variant = 'owner SIGKILL';
    log(`SF ${variant} x${config.sf.samples} on ${def.id}`);
    const samples: FailoverSample[] = [];
    try {
      for (let i = 0; i < config.sf.samples; i++) {
        const sample = await withServer(def, killOwnerOnce);
        log(`  kill ${i + 1}: next edit relayed after ${sample.failoverMs.toFixed(0)} ms (writer saw the close at ${sample.closeSeenMs.toFixed(0)}, reconnected at ${sample.reconnectedMs.toFixed(0)}, synced at ${sample.resyncedMs.toFixed(0)} ms; new owner ${sample.newOwner})`);
        samples.push(sample);
      }
    } catch (error) {
      rows.push(failedRow('SF', variant, samples.length, def, error));
      continue;
    }
    const problems = [
      ...(samples.some((s) => !s.converged) ? ['writer and receiver did not converge after the failover'] : []),
      ...(samples.some((s) => s.newOwner !== `${def.id}-1`) ? ['the surviving instance did not take the lease'] : []),
    ];
    const failover = samples.map((s) => s.failoverMs);
    rows.push({
      scenario: 'SF',
      server: def.id,
      variant,
      n: samples.length,
      p50_ms: num(median(failover)),
      p99_ms: null,
      p999_ms: null,
      max_ms: num(Math.max(...failover)),
      delivered_per_s: null,
      inbound_per_s: null,
      cpu_pct: null,
      cpu_ms_per_1k_delivered: null,
      rss_mb: null,
      drops: null,
      valid: problems.length === 0,
      ...(problems.length > 0 ? { invalid_reason: problems.join('; ') } : {}),
      extra: {
        failover_ms_each: failover.map((ms) => ms.toFixed(0)).join(' '),
        close_seen_ms: num(median(samples.map((s) => s.closeSeenMs))),
        reconnected_ms: num(median(samples.map((s) => s.reconnectedMs))),
        resynced_ms: num(median(samples.map((s) => s.resyncedMs))),
        converged: samples.every((s) => s.converged),
      },
    });
  }
  return rows;
}
