/** Starts a werktafel server on a port: database, app, collaboration socket. Used by index.ts and tests. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { CloseCode, collabPath } from '../shared/collab/protocol';
import { createApp } from './app';
import { handleUpgrades, type UpgradeLog } from './http/upgrades';
import { createSignInThrottle } from './auth/signInThrottle';
import { DocumentStore } from './collab/DocumentStore';
import { consoleCollabLog } from './collab/log';
import { RoomRegistry } from './collab/RoomRegistry';
import { defaultCollabLimits } from './collab/limits';
import { RegisterIndexer } from './registers/RegisterIndexer';
import { WorkspaceEvents } from './events/WorkspaceEvents';
import { AttributionRecorder } from './attribution/AttributionRecorder';
import { VersionKeeper } from './versions/VersionKeeper';
import { reindexUnsettledDocuments } from './registers/reindex';
import type { Config } from './config';
import { openDatabase } from './db/database';
import { createRepos, type Repos } from './db/repos';
import type { ConnectionControl, Services } from './context';

/** Revoking access ends sockets and event streams alike. */
function combinedConnectionControl(registry: RoomRegistry, events: WorkspaceEvents): ConnectionControl {
  return {
    closeForMember(workspaceId, userId, code, reason) {
      registry.closeForMember(workspaceId, userId, code, reason);
      events.closeForMember(workspaceId, userId);
    },
    closeForSession(sessionId, code, reason) {
      registry.closeForSession(sessionId, code, reason);
      events.closeForSession(sessionId);
    },
  };
}

export interface RunningServer {
  /** http://host:port the server listens on. */
  url: string;
  port: number;
  repos: Repos;
  registry: RoomRegistry;
  /** Stops accepting, closes every socket after compacting its room, closes the database. */
  close(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;

/** Resets and timeouts of clients are routine; they are logged only at `LOG_LEVEL=debug`. */
function upgradeLog(level: Config['logLevel']): UpgradeLog {
  return {
    debug: level === 'debug' ? (message, detail) => console.info(`[upgrade] debug: ${message} ${JSON.stringify(detail)}`) : () => undefined,
    error: (message, error) => console.error(`[upgrade] ${message}`, error),
  };
}

export async function startServer(config: Config): Promise<RunningServer> {
  const db = openDatabase(config.dataDir, { synchronous: config.synchronous });
  const repos = createRepos(db);
  const store = new DocumentStore(repos.documentUpdates, config.persistence);
  const attribution = new AttributionRecorder(repos.attribution);
  const versionKeeper = new VersionKeeper(repos, config.autoVersionQuietMs);
  versionKeeper.beforeSnapshot = (documentId) => attribution.summarise(documentId);
  const registers = new RegisterIndexer(repos.blocks, (documentId) => repos.documents.findById(documentId)?.workspace_id);
  const registry = new RoomRegistry({
    store,
    options: { compactAfterUpdates: config.compactAfterUpdates, ackDelayMs: 30, relayIntervalMs: config.relayIntervalMs },
    log: consoleCollabLog,
    limits: {
      ...defaultCollabLimits,
      messagesPerSecond: config.messagesPerSecond,
      // The burst follows the rate, so a low limit is not undone by a large fixed burst.
      messageBurst: config.messagesPerSecond > 0 ? config.messagesPerSecond * 2 : defaultCollabLimits.messageBurst,
    },
    hooks: {
      isSessionLive: (sessionId) => {
        const session = repos.sessions.findById(sessionId);
        return session !== undefined && session.expires_at > Date.now();
      },
      commitmentDecisions: (documentId) =>
        repos.commitmentDecisions.latestForDocument(documentId).map((d) => [
          d.block_id,
          { status: d.status, confirmedBy: d.status === 'proposed' ? null : d.user_id, confirmedAt: d.status === 'proposed' ? null : new Date(d.decided_at).toISOString() },
        ]),
      changed: (room) => {
        registers.schedule(room.documentId, () => room.doc);
        attribution.schedule(room.documentId);
        versionKeeper.changed(room);
      },
      beforeCompact: (documentId, uptoId) => attribution.summarise(documentId, uptoId),
      unloading: (room) => {
        registers.flush(room.documentId, room.doc);
        versionKeeper.unloading(room);
      },
    },
  });
  attribution.summariseAllPending();
  const events = new WorkspaceEvents();
  registers.subscribe((workspaceId, documentId) => events.publish(workspaceId, 'registers', { documentId }));
  reindexUnsettledDocuments(repos, store, registers);
  const services: Services = { config, repos, throttle: createSignInThrottle(), connections: combinedConnectionControl(registry, events), registry, store, registers, versionKeeper, attribution, events };

  const app = createApp(services, registry);
  const server = await new Promise<Server>((resolve) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        serverOptions: {
          // A client sending its headers a byte at a time (slowloris) is answered 408 and
          // dropped; Node checks at this interval, so the timeout holds to within it.
          headersTimeout: config.headersTimeoutMs,
          requestTimeout: config.requestTimeoutMs,
          connectionsCheckingInterval: Math.min(1_000, config.headersTimeoutMs),
        },
      },
      () => resolve(s as Server),
    );
  });
  const upgrades = handleUpgrades(server, app, {
    pathPrefix: collabPath,
    maxPayload: config.maxFrameBytes,
    pingIntervalMs: config.pingIntervalMs,
    log: upgradeLog(config.logLevel),
  });

  const sweep = setInterval(() => repos.sessions.deleteExpired(Date.now()), HOUR_MS);
  sweep.unref();
  // Event streams of expired sessions or removed members end within this interval, like sockets.
  const streamSweep = setInterval(
    () =>
      events.endStale((s) => {
        const session = repos.sessions.findById(s.sessionId);
        return session !== undefined && session.expires_at > Date.now() && repos.members.find(s.workspaceId, s.userId) !== undefined;
      }),
    10_000,
  );
  streamSweep.unref();

  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${config.host}:${port}`,
    port,
    repos,
    registry,
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(sweep);
        clearInterval(streamSweep);
        registers.stop();
        attribution.stop();
        versionKeeper.stop();
        server.close(() => resolve());
        registry.closeAll(CloseCode.serverShutdown, 'server shutting down');
        upgrades.stop();
        server.closeAllConnections();
      }).then(() => {
        db.close();
      });
      return closing;
    },
  };
}
