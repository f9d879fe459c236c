/**
 * Issue 17, operations: Prometheus metrics on METRICS_PORT (off by default), counting what
 * really happened: documents and connections open, updates stored, append time, sign-in
 * failures, and Node's event-loop delay.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, buildWorkshop } from '../helpers/apiClient';
import { ProviderPool } from '../helpers/collab';
import { eventually, waitForSync } from '../helpers/providers';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

let server: TestServer;
const pool = new ProviderPool();
beforeAll(async () => {
  server = await startTestServer({ METRICS_PORT: '0' });
});
afterAll(async () => {
  pool.destroyAll();
  await server.stop();
});

/** The value of a metric line without labels (or with exactly these), as scraped. */
async function scrape(): Promise<(name: string) => number> {
  const response = await fetch(`http://127.0.0.1:${server.metricsPort}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  return (name) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    if (!line) throw new Error(`no metric ${name} in:\n${text.slice(0, 400)}`);
    return Number(line.slice(name.length + 1));
  };
}

test('the metrics follow documents, connections, stored updates and failed sign-ins', async () => {
  expect(server.metricsPort).toBeGreaterThan(0);
  const before = await scrape();
  expect(before('werktafel_open_documents')).toBe(0);
  expect(before('werktafel_connections')).toBe(0);
  const updatesBefore = before('werktafel_document_updates_total');
  const failuresBefore = before('werktafel_sign_in_failures_total');
  expect(before('nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);

  const workshop = await buildWorkshop(server.origin);
  const writer = pool.connect(workshop.documentId, { cookie: workshop.owner.cookie, origin: server.origin });
  await waitForSync(writer.provider);
  for (let i = 0; i < 5; i++) writer.doc.getText('t').insert(0, `regel ${i} `);
  const stranger = new ApiClient(server.origin);
  expect((await stranger.post('/api/auth/login', { email: 'niemand@example.nl', password: 'fout-wachtwoord-1' })).status).toBe(401);

  await eventually(async () => {
    const now = await scrape();
    expect(now('werktafel_open_documents')).toBe(1);
    expect(now('werktafel_connections')).toBe(1);
    expect(now('werktafel_document_updates_total') - updatesBefore).toBeGreaterThanOrEqual(5);
    expect(now('werktafel_document_append_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(now('werktafel_sign_in_failures_total') - failuresBefore).toBe(1);
  });

  pool.destroyAll();
  await eventually(async () => {
    const after = await scrape();
    expect(after('werktafel_open_documents')).toBe(0);
    expect(after('werktafel_connections')).toBe(0);
  });
});

test('metrics are not on the public port, and are off unless METRICS_PORT is set', async () => {
  const onPublic = await fetch(`${server.origin}/metrics`);
  expect(await onPublic.text()).not.toContain('werktafel_');
  expect((await fetch(`${server.origin}/api/metrics`)).status).toBe(404);
  const plain = await startTestServer();
  try {
    expect(plain.metricsPort).toBeNull();
  } finally {
    await plain.stop();
  }
});
