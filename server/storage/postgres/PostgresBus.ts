/**
 * The cluster bus on PostgreSQL: NOTIFY on one channel, LISTEN on a connection of its own.
 * A notification is delivered to every listening session after the sending statement commits,
 * in the order sent; this instance skips its own. While the listening connection is lost (the
 * database restarted) messages are missed: it reconnects every second, and what a missed
 * message would have ended is still ended by the periodic sweeps (sessions, memberships).
 */
import pg from 'pg';
import type { ClusterBus, ClusterMessage } from '../../cluster/ClusterBus';

const CHANNEL = 'werktafel_cluster';
/** PostgreSQL refuses payloads from 8000 bytes; ours are a few hundred. */
const MAX_PAYLOAD = 7_900;
const RECONNECT_MS = 1_000;

interface Envelope {
  from: string;
  message: ClusterMessage;
}

export async function createPostgresBus(url: string, pool: pg.Pool, instanceId: string): Promise<ClusterBus> {
  const handlers = new Set<(message: ClusterMessage) => void>();
  let closed = false;
  let listener: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;

  const deliver = (payload: string | undefined) => {
    if (!payload) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload) as Envelope;
    } catch {
      return;
    }
    if (envelope.from === instanceId) return;
    for (const handler of handlers) handler(envelope.message);
  };

  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url, application_name: `werktafel bus ${instanceId}`.slice(0, 63) });
    client.on('notification', (notification) => deliver(notification.payload));
    client.on('error', () => reconnect(client));
    client.on('end', () => reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  };
  const reconnect = (lost: pg.Client) => {
    if (closed || listener !== lost) return;
    listener = null;
    lost.end().catch(() => undefined);
    const again = () => {
      retry = undefined;
      if (closed) return;
      listen().catch(() => (retry = setTimeout(again, RECONNECT_MS)));
    };
    retry = setTimeout(again, RECONNECT_MS);
  };

  await listen();
  return {
    async publish(message) {
      const payload = JSON.stringify({ from: instanceId, message } satisfies Envelope);
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`cluster message too large (${message.kind})`);
      await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
    },
  };
}
