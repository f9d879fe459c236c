/**
 * What one durable append costs on the benchmark's kind of PostgreSQL, without werktafel: the
 * statements of an append (BEGIN, the per-document advisory lock, one multi-row INSERT of k
 * small bytea rows through unnest, COMMIT), one transaction after another on one connection, as
 * one room's append queue issues them. Prints ms per transaction and the rows/s that this pace
 * allows for k = 1, 10, 100: the ceiling a single document's log can reach at that batch size.
 *
 * `npx tsx tests/bench/tools/pgAppendRoundTrip.ts` (starts and removes its own PostgreSQL,
 * durable like the bench's, pinned to the server core).
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createTestDatabase, startThrowAwayPostgres } from '../../helpers/postgres';
import { SERVER_CORE, pinned } from '../pinning';

const TRANSACTIONS = 300;

const postgres = await startThrowAwayPostgres({ durable: true, wrap: (command, args) => pinned(SERVER_CORE, command, args) });
try {
  const client = new pg.Client({ connectionString: await createTestDatabase(postgres.adminUrl) });
  await client.connect();
  await client.query('CREATE TABLE log (doc TEXT NOT NULL, id BIGINT NOT NULL, bytes BYTEA NOT NULL, PRIMARY KEY (doc, id))');
  console.info(`PostgreSQL ${postgres.settings.replace(/-c /g, '')}; ${TRANSACTIONS} transactions per batch size, one connection`);
  let next = 0;
  for (const k of [1, 10, 100]) {
    const times: number[] = [];
    for (let t = 0; t < TRANSACTIONS; t++) {
      const rows = Array.from({ length: k }, () => Buffer.alloc(40, 7));
      const started = performance.now();
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(7413002, hashtext($1))', ['doc']);
      await client.query('INSERT INTO log (doc, id, bytes) SELECT $1, $2 + e.n, e.b FROM unnest($3::bytea[]) WITH ORDINALITY AS e(b, n)', ['doc', next, rows]);
      await client.query('COMMIT');
      times.push(performance.now() - started);
      next += k;
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)]!;
    const p99 = times[Math.floor(times.length * 0.99)]!;
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.info(`k=${k}: p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, mean ${mean.toFixed(2)} ms per append -> ${Math.round((k * 1000) / mean)} rows/s`);
  }
  await client.end();
} finally {
  await postgres.stop();
}
