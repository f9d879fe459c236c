import type { HttpBindings } from '@hono/node-server';
import type { WebSocket } from 'ws';
import type { Config } from './config';
import type { DocumentLog, Repos, Storage } from './storage/ports';
import type { SessionRow, UserRow } from './storage/rows';
import type { JoinCodeThrottle, SignInThrottle } from './auth/signInThrottle';
import type { SignUpThrottle } from './auth/signUpThrottle';
import type { Logger } from './support/log';
import type { ConnectionCensus } from './cluster/ConnectionCensus';
import type { RoomRegistry } from './collab/RoomRegistry';
import type { RegisterIndexer } from './registers/RegisterIndexer';
import type { VersionKeeper } from './versions/VersionKeeper';
import type { AttributionRecorder } from './attribution/AttributionRecorder';
import type { WorkspaceEvents } from './events/WorkspaceEvents';
import type { WorkerPool } from './offload/WorkerPool';
import type { Metrics } from './support/metrics';
import type { Mailer } from './mail/mailer';
import type { SessionLocks } from './sessions/SessionLocks';

/** What revoking access needs from the collaboration server, without depending on it. */
export interface ConnectionControl {
  /** Closes every socket of this user in this workspace. */
  closeForMember(workspaceId: string, userId: string, code: number, reason: string): void;
  /** Closes every socket opened with this session. */
  closeForSession(sessionId: string, code: number, reason: string): void;
}

/** Everything a route or command needs, built once in server/server.ts. */
export interface Services {
  config: Config;
  logger: Logger;
  storage: Storage;
  repos: Repos;
  /** The document log, for commands that write a document no room has open. */
  log: DocumentLog;
  throttle: SignInThrottle;
  signUps: SignUpThrottle;
  connections: ConnectionControl;
  /** The open documents, for changes the server makes itself. */
  registry: RoomRegistry;
  /** Open sockets per person and address on every instance (the connection caps). */
  census: ConnectionCensus;
  registers: RegisterIndexer;
  versionKeeper: VersionKeeper;
  attribution: AttributionRecorder;
  events: WorkspaceEvents;
  /** Running werksessies that lock their workspace's documents (read by the socket's write filter). */
  sessionLocks: SessionLocks;
  /** Worker threads for diffs, exports and other work too heavy for the event loop. */
  workers: WorkerPool;
  /** Prometheus counters (server/support/metrics.ts). */
  metrics: Metrics;
  mailer: Mailer;
  /** Password reset requests per client address. */
  resetRequests: SignUpThrottle;
  /** Verification links asked for again, per person. */
  verificationRequests: SignUpThrottle;
  /** Single sign-on attempts started, per client address (each stores a row). */
  ssoStarts: SignUpThrottle;
  /** Mails a person causes to addresses of their choosing (invites, a new address), per person. */
  mailsToOthers: SignUpThrottle;
  /** Join codes that do not exist, typed per client address: guessing a code is slowed down. */
  joinCodeGuesses: JoinCodeThrottle;
}

/**
 * Present on requests that arrive as WebSocket upgrades (server/http/upgrades.ts). A route that
 * accepts the socket sets `accept`; the upgrade handler then completes the handshake and calls
 * it with the open socket. Left null, the route's response is written as the refusal.
 */
export interface UpgradeSlot {
  accept: ((ws: WebSocket) => void) | null;
}

export interface AppEnv {
  Bindings: HttpBindings & { upgrade?: UpgradeSlot };
  Variables: {
    user: UserRow | null;
    session: SessionRow | null;
    /** From `hono/request-id`: in every request's log lines and its `X-Request-Id` header. */
    requestId: string;
    /**
     * Another instance of this cluster passed the request on (it carries the shared secret,
     * server/http/fromPeer.ts): its client address header is believed, and it is never passed on again.
     */
    fromPeer: boolean;
  };
}
