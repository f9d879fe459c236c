/**
 * Prometheus metrics (prom-client): what an operator watches to see that werktafel is healthy.
 * Served on a port of their own (`METRICS_PORT`, off by default), never on the public one: the
 * numbers say how busy a municipality's workshops are, which is nobody else's business.
 *
 * The counters are cheap (an increment), so modules report whether or not anyone scrapes; the
 * process metrics (event-loop delay among them) and the port start only when configured.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DocumentLog } from '../storage/ports';

export interface Metrics {
  readonly registry: Registry;
  signInFailed(): void;
  /** Reports the open documents and connections when scraped. */
  observeRooms(read: () => { documents: number; connections: number }): void;
  /** The document log, with every append timed and its updates counted. */
  meterDocumentLog(log: DocumentLog): DocumentLog;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  const signInFailures = new Counter({ name: 'werktafel_sign_in_failures_total', help: 'Sign-ins refused for a wrong e-mail address or password.', registers: [registry] });
  const updates = new Counter({ name: 'werktafel_document_updates_total', help: 'Document updates stored (each was relayed after it was stored).', registers: [registry] });
  const appendSeconds = new Histogram({
    name: 'werktafel_document_append_seconds',
    help: 'Time to store a batch of document updates durably, before it is relayed.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  let rooms: () => { documents: number; connections: number } = () => ({ documents: 0, connections: 0 });
  new Gauge({ name: 'werktafel_open_documents', help: 'Documents loaded in memory (open in a room).', registers: [registry], collect() {
    this.set(rooms().documents);
  } });
  new Gauge({ name: 'werktafel_connections', help: 'Open collaboration connections.', registers: [registry], collect() {
    this.set(rooms().connections);
  } });

  return {
    registry,
    signInFailed: () => signInFailures.inc(),
    observeRooms(read) {
      rooms = read;
    },
    meterDocumentLog(log) {
      return {
        read: (documentId) => log.read(documentId),
        compact: (documentId, state, uptoId) => log.compact(documentId, state, uptoId),
        documentsWithLog: () => log.documentsWithLog(),
        async append(documentId, entries, afterId) {
          const stop = appendSeconds.startTimer();
          const id = await log.append(documentId, entries, afterId);
          stop();
          updates.inc(entries.length);
          return id;
        },
      };
    },
  };
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/** Serves `GET /metrics` on its own port, with Node's process metrics (event-loop delay, memory). */
export async function serveMetrics(metrics: Metrics, host: string, port: number): Promise<MetricsServer> {
  collectDefaultMetrics({ register: metrics.registry, eventLoopMonitoringPrecision: 10 });
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (body) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
