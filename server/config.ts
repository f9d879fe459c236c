/** Configuration from the environment, read once at start. */
import os from 'node:os';
import path from 'node:path';
import type { OffloadLimits } from './offload/WorkerPool';
import { oidcConfigFrom, signupPolicyFrom, type OidcConfig } from './auth/authConfig';
import type { SignupPolicy } from './policies/signup';
import type { LogLevel } from './support/log';

const logLevels: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

function logLevelFrom(raw: string | undefined): LogLevel {
  if (raw === undefined || raw === '') return 'info';
  if (!(logLevels as readonly string[]).includes(raw)) throw new Error(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${raw}"`);
  return raw as LogLevel;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /**
   * `postgres://…`: PostgreSQL holds everything (several instances may share it); null: the
   * embedded SQLite file in `dataDir`.
   */
  databaseUrl: string | null;
  /** This instance's name among several (logged; the leases of issue 13 will carry it). */
  instanceId: string;
  /** Where the other instances reach this one (forwarded sockets, issue 13). */
  internalUrl: string;
  /**
   * How long a document lease holds after its last renewal (PostgreSQL only): an owner that
   * stalls this long may be taken over, and fenced when it comes back.
   */
  documentLeaseMs: number;
  /** Origin of the public URL: the only Origin accepted on cookie requests and socket upgrades. */
  publicOrigin: string;
  publicUrl: string;
  /** Largest WebSocket frame accepted, in bytes. */
  maxFrameBytes: number;
  /** Largest HTTP request body accepted, in bytes. */
  maxBodyBytes: number;
  /**
   * Least time between two relay writes of one room while it is busy (0: every event-loop
   * turn). A quiet room relays at once; under load, messages gather for at most this long.
   */
  relayIntervalMs: number;
  /** Log rows per document that trigger a compaction into the snapshot. */
  compactAfterUpdates: number;
  /** Serve the built client from this folder (absent in API-only runs). */
  clientDir: string | null;
  /** Open collaboration sockets one user may hold at once (tabs x documents). */
  maxConnectionsPerUser: number;
  /** Open collaboration sockets from one address (a community centre shares one). */
  maxConnectionsPerIp: number;
  /** Sustained messages per second per socket; 0 turns the limit off (benchmarks). */
  messagesPerSecond: number;
  /** Sustained bytes per second per socket, awareness included; 0 turns the limit off. */
  bytesPerSecond: number;
  /** A document whose stored size reaches this accepts no growth. */
  maxDocumentBytes: number;
  /** A changed document that has been quiet this long gets an automatic version. */
  autoVersionQuietMs: number;
  /** False only for benchmarking the cost of persistence (`COLLAB_PERSISTENCE=off`). */
  persistence: boolean;
  /** A client must have sent all request headers (an upgrade's too) within this time, or it is dropped. */
  headersTimeoutMs: number;
  /** A client must have sent its whole request within this time. */
  requestTimeoutMs: number;
  /** Collaboration sockets are pinged this often; one that missed the previous ping is terminated. */
  pingIntervalMs: number;
  /** `debug` also logs routine network noise (resets, timeouts). */
  logLevel: LogLevel;
  /** Where mail goes (`smtp://user:pass@host:587`, `smtps://…`); null: into DATA_DIR/outbox. */
  smtpUrl: string | null;
  /** The sender of every mail. */
  mailFrom: string;
  /** How often reminders of tomorrow's reflection moments and due actions are looked for; 0: never. */
  reminderIntervalMs: number;
  /** Reminders go out from this hour of the day on (0–23), in `timeZone`. */
  reminderHour: number;
  /** The time zone whose calendar dates the blocks' dates are (IANA name). */
  timeZone: string;
  /** Prometheus metrics on this port (`GET /metrics`), or null: off. 0 takes a free port (tests). */
  metricsPort: number | null;
  /** Where the metrics port listens; HOST unless METRICS_HOST says otherwise. */
  metricsHost: string;
  /** SQLite `synchronous`: NORMAL is durable against process crashes in WAL mode. */
  synchronous: 'NORMAL' | 'FULL';
  /**
   * Reverse proxies in front of the server whose `X-Forwarded-For` entries are believed (0: the
   * header is ignored). Decides the client address every per-address limit counts.
   */
  trustProxy: number;
  /** Open event streams (`/api/workspaces/:id/events`) one user may hold at once. */
  maxEventStreamsPerUser: number;
  /** Sign-ups one client address earns back per minute, and may make at once. */
  signUpsPerMinute: number;
  signUpBurst: number;
  /** Password reset mails one client address may ask for at once, and earns back per minute. */
  resetBurst: number;
  resetsPerMinute: number;
  /** Worker threads for diffs and exports, and their caps (server/offload/WorkerPool.ts). */
  offload: OffloadLimits;
  /** Single sign-on through an OpenID provider; null: off. */
  oidc: OidcConfig | null;
  /** Who may make an account (`SIGNUP`). */
  signup: SignupPolicy;
}

function intFromEnv(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${key} must be a positive integer, got "${raw}"`);
  return value;
}

function metricsPortFrom(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`METRICS_PORT must be a port number, got "${raw}"`);
  return port;
}

function hourFrom(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8;
  const hour = Number(raw);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error(`REMINDER_HOUR must be an hour from 0 to 23, got "${raw}"`);
  return hour;
}

function timeZoneFrom(raw: string | undefined): string {
  const zone = raw === undefined || raw === '' ? 'Europe/Amsterdam' : raw;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new Error(`TIME_ZONE must be an IANA time zone such as Europe/Amsterdam, got "${raw}"`);
  }
  return zone;
}

/** A wildcard listen address is no address to reach: the other instances use the host name. */
function internalHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return os.hostname();
  return host.includes(':') ? `[${host}]` : host;
}

function databaseUrlFrom(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  let protocol: string;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    throw new Error('DATABASE_URL must be a URL such as postgres://user:password@host:5432/werktafel');
  }
  // Never echo the URL: it usually holds a password.
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') throw new Error(`DATABASE_URL must start with postgres://, got ${protocol}//…`);
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === '0' ? 0 : intFromEnv(env, 'PORT', 3000);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase();
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL') throw new Error('SQLITE_SYNCHRONOUS must be NORMAL or FULL');
  const host = env.HOST ?? '127.0.0.1';
  return {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: databaseUrlFrom(env.DATABASE_URL),
    instanceId: env.INSTANCE_ID || `${os.hostname()}-${process.pid}`,
    internalUrl: (env.INTERNAL_URL || `http://${internalHost(host)}:${port}`).replace(/\/+$/, ''),
    documentLeaseMs: intFromEnv(env, 'DOCUMENT_LEASE_MS', 30_000),
    publicOrigin: new URL(publicUrl).origin,
    publicUrl,
    maxFrameBytes: intFromEnv(env, 'MAX_FRAME_BYTES', 8 * 1024 * 1024),
    maxBodyBytes: intFromEnv(env, 'MAX_BODY_BYTES', 1024 * 1024),
    compactAfterUpdates: intFromEnv(env, 'COMPACT_AFTER_UPDATES', 500),
    relayIntervalMs: env.COLLAB_RELAY_INTERVAL_MS === '0' ? 0 : intFromEnv(env, 'COLLAB_RELAY_INTERVAL_MS', 5),
    maxConnectionsPerUser: intFromEnv(env, 'MAX_CONNECTIONS_PER_USER', 30),
    maxConnectionsPerIp: intFromEnv(env, 'MAX_CONNECTIONS_PER_IP', 500),
    messagesPerSecond: env.MESSAGE_RATE_LIMIT === '0' ? 0 : intFromEnv(env, 'MESSAGE_RATE_LIMIT', 500),
    bytesPerSecond: env.BYTE_RATE_LIMIT === '0' ? 0 : intFromEnv(env, 'BYTE_RATE_LIMIT', 1024 * 1024),
    maxDocumentBytes: intFromEnv(env, 'MAX_DOCUMENT_BYTES', 64 * 1024 * 1024),
    autoVersionQuietMs: intFromEnv(env, 'AUTO_VERSION_QUIET_MS', 10 * 60 * 1000),
    clientDir: env.CLIENT_DIR === '' ? null : path.resolve(env.CLIENT_DIR ?? 'dist'),
    headersTimeoutMs: intFromEnv(env, 'HEADERS_TIMEOUT_MS', 20_000),
    requestTimeoutMs: intFromEnv(env, 'REQUEST_TIMEOUT_MS', 60_000),
    pingIntervalMs: intFromEnv(env, 'COLLAB_PING_INTERVAL_MS', 30_000),
    logLevel: logLevelFrom(env.LOG_LEVEL),
    metricsPort: metricsPortFrom(env.METRICS_PORT),
    smtpUrl: env.SMTP_URL ? env.SMTP_URL : null,
    mailFrom: env.MAIL_FROM ?? `werktafel <noreply@${new URL(publicUrl).hostname}>`,
    reminderIntervalMs: env.REMINDER_INTERVAL_MS === '0' ? 0 : intFromEnv(env, 'REMINDER_INTERVAL_MS', 15 * 60 * 1000),
    reminderHour: hourFrom(env.REMINDER_HOUR),
    timeZone: timeZoneFrom(env.TIME_ZONE),
    metricsHost: env.METRICS_HOST ?? env.HOST ?? '127.0.0.1',
    synchronous,
    persistence: env.COLLAB_PERSISTENCE !== 'off',
    trustProxy: env.TRUST_PROXY === '0' ? 0 : intFromEnv(env, 'TRUST_PROXY', 0),
    maxEventStreamsPerUser: intFromEnv(env, 'MAX_EVENT_STREAMS_PER_USER', 20),
    signUpsPerMinute: intFromEnv(env, 'SIGNUP_PER_MINUTE', 10),
    signUpBurst: intFromEnv(env, 'SIGNUP_BURST', 30),
    resetBurst: intFromEnv(env, 'PASSWORD_RESET_BURST', 5),
    resetsPerMinute: intFromEnv(env, 'PASSWORD_RESET_PER_MINUTE', 3),
    offload: {
      // A core stays free for the event loop; more than four rarely pays on one machine.
      workers: intFromEnv(env, 'WORKER_THREADS', Math.min(4, Math.max(1, os.availableParallelism() - 1))),
      timeoutMs: intFromEnv(env, 'WORKER_TIMEOUT_MS', 20_000),
      memoryMb: intFromEnv(env, 'WORKER_MEMORY_MB', 512),
      maxInputBytes: intFromEnv(env, 'MAX_DIFF_EXPORT_BYTES', 16 * 1024 * 1024),
    },
    oidc: oidcConfigFrom(env),
    signup: signupPolicyFrom(env.SIGNUP),
  };
}
