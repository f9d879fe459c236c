/** Starts a werktafel server on a port: storage, app, collaboration socket. Used by index.ts and tests. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { CloseCode, collabPath } from '../shared/collab/protocol';
import { createApp } from './app';
import { handleUpgrades } from './http/upgrades';
import { createSignInThrottle, JoinCodeThrottle } from './auth/signInThrottle';
import { SignUpThrottle } from './auth/signUpThrottle';
import { accessIsLive } from './auth/liveness';
import { isSignInLive } from './auth/guestAccess';
import { RoomRegistry } from './collab/RoomRegistry';
import { defaultCollabLimits } from './collab/limits';
import { RegisterIndexer } from './registers/RegisterIndexer';
import { WorkspaceEvents } from './events/WorkspaceEvents';
import { AttributionRecorder } from './attribution/AttributionRecorder';
import { VersionKeeper } from './versions/VersionKeeper';
import { WorkerPool } from './offload/WorkerPool';
import { createMetrics, serveMetrics } from './support/metrics';
import { createMailer } from './mail/mailer';
import { ReminderScheduler } from './reminders/ReminderScheduler';
import { reindexUnsettledDocuments } from './registers/reindex';
import { attribution as attributionExtension } from './extensions/attribution';
import { autoVersions } from './extensions/autoVersions';
import { blockRecords } from './extensions/blockRecords';
import { clientIds } from './extensions/clientIds';
import { commentMarks } from './extensions/commentMarks';
import { suggestionGuard } from './extensions/suggestionGuard';
import { suggestionWithdrawal } from './extensions/suggestionWithdrawal';
import { commitmentGuard } from './extensions/commitmentGuard';
import { exampleBlocks } from './extensions/exampleBlocks';
import { registerIndex } from './extensions/registerIndex';
import { sessionLock } from './extensions/sessionLock';
import { SessionLocks } from './sessions/SessionLocks';
import { ConnectionCensus } from './cluster/ConnectionCensus';
import { clusterLink, receiveFromCluster } from './cluster/joinCluster';
import type { ClusterLink } from './cluster/ClusterBus';
import type { Config } from './config';
import { createNullDocumentLog } from './storage/NullDocumentLog';
import { openStorage } from './storage/openStorage';
import type { DocumentLog, Repos, Storage } from './storage/ports';
import { DocumentTimers } from './support/DocumentTimers';
import { createLogger, describeError, type Logger } from './support/log';
import type { ConnectionControl, Services } from './context';

/** Revoking access ends sockets and event streams alike, on this instance. */
function localConnectionControl(registry: RoomRegistry, events: WorkspaceEvents): ConnectionControl {
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

/** …and on every other instance, which close theirs when the message arrives. */
function clusterConnectionControl(local: ConnectionControl, cluster: ClusterLink): ConnectionControl {
  return {
    closeForMember(workspaceId, userId, code, reason) {
      local.closeForMember(workspaceId, userId, code, reason);
      cluster.forward({ kind: 'closeForMember', workspaceId, userId, code, reason });
    },
    closeForSession(sessionId, code, reason) {
      local.closeForSession(sessionId, code, reason);
      cluster.forward({ kind: 'closeForSession', sessionId, code, reason });
    },
  };
}

export interface RunningServer {
  /** http://host:port the server listens on. */
  url: string;
  port: number;
  repos: Repos;
  storage: Storage;
  registry: RoomRegistry;
  logger: Logger;
  /** The port Prometheus scrapes, when METRICS_PORT is set. */
  metricsPort: number | null;
  /** Reminders of tomorrow's reflection moments and due actions (a pass can be run at a given time). */
  reminders: ReminderScheduler;
  /** Stops accepting, closes every socket after compacting its room, closes the database. */
  close(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;
/** Registers follow a change within this delay; attribution within this one. */
const REGISTER_DELAY_MS = 150;
const ATTRIBUTION_DELAY_MS = 1_000;

export interface StartOptions {
  /** Where log lines go; JSON lines on stdout by default. */
  logger?: Logger;
  /**
   * Wraps the document log the rooms use: tests hold appends and loads at a gate to watch
   * what the server does while storage has not answered yet (as a remote database may not).
   */
  wrapDocumentLog?: (log: DocumentLog) => DocumentLog;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const storage = await openStorage(config);
  const { repos } = storage;
  const metrics = createMetrics();
  const mailer = createMailer(config, logger.child({ component: 'mail' }));
  const stored = metrics.meterDocumentLog(config.persistence ? storage.log : createNullDocumentLog());
  const log = options.wrapDocumentLog ? options.wrapDocumentLog(stored) : stored;

  const attribution = new AttributionRecorder(repos.attribution, logger.child({ component: 'attribution' }));
  const autoVersionTimers = new DocumentTimers(config.autoVersionQuietMs, logger.child({ component: 'versions' }), { quiet: true });
  const registerTimers = new DocumentTimers(REGISTER_DELAY_MS, logger.child({ component: 'registers' }));
  const attributionTimers = new DocumentTimers(ATTRIBUTION_DELAY_MS, logger.child({ component: 'attribution' }));
  const workers = new WorkerPool(config.offload, logger.child({ component: 'workers' }));
  const versionKeeper = new VersionKeeper(repos, attribution, autoVersionTimers, workers, logger.child({ component: 'versions' }));
  const registers = new RegisterIndexer(repos);
  // Locks of running sessions survive a restart: the chair's presentation stays locked.
  const cluster = clusterLink(storage.bus, logger.child({ component: 'cluster' }));
  const sessionLocks = new SessionLocks(cluster);
  for (const session of await repos.workSessions.listLocked()) {
    if (session.chair_user_id) sessionLocks.apply(session.id, session.workspace_id, session.chair_user_id);
  }
  // Before the registry, which tells it of every socket; it asks the registry for the counts.
  const census = new ConnectionCensus({
    instanceId: config.instanceId,
    link: cluster,
    localCounts: (userId, ip) => registry.connectionCounts(userId, ip),
    localPairs: () => registry.connectionPairs(),
  });
  // The workspace's stream hears `suggestions` whenever a document's suggestions change.
  const announceSuggestions = (workspaceId: string, documentId: string) => events.publish(workspaceId, 'suggestions', { documentId });
  const registry = new RoomRegistry({
    log,
    options: { compactAfterUpdates: config.compactAfterUpdates, ackDelayMs: 30, relayIntervalMs: config.relayIntervalMs },
    logger: logger.child({ component: 'collab' }),
    extensions: [
      // First: a locked write is dropped before any other extension takes note of it.
      sessionLock(sessionLocks),
      clientIds(repos),
      // Before the guard: a copied commitment has its fresh id by the time the guard judges it.
      blockRecords(repos, logger.child({ component: 'blocks' })),
      commitmentGuard(repos, logger.child({ component: 'commitments' })),
      // Template examples: an edit or a take-over clears the mark, a forged mark is removed.
      exampleBlocks(),
      // Only the server writes comment marks; a client's are put back as they were.
      commentMarks(repos),
      // Suggestion mode takes only suggestions; who suggested is recorded from the connection.
      suggestionGuard(repos, logger.child({ component: 'suggestions' }), announceSuggestions),
      // After the guard: it reads the guard's open suggestions.
      suggestionWithdrawal(repos, logger.child({ component: 'suggestions' }), announceSuggestions),
      registerIndex(registers, registerTimers),
      attributionExtension(attribution, attributionTimers),
      autoVersions(versionKeeper, autoVersionTimers),
    ],
    isSessionLive: (sessionId) => isSignInLive(repos, sessionId),
    released: (documentId) => storage.ownership.release(documentId),
    locate: (documentId) => storage.ownership.locate(documentId),
    connectionsChanged: (userId, ip) => census.changed(userId, ip),
    limits: {
      ...defaultCollabLimits,
      messagesPerSecond: config.messagesPerSecond,
      // The burst follows the rate, so a low limit is not undone by a large fixed burst.
      messageBurst: config.messagesPerSecond > 0 ? config.messagesPerSecond * 2 : defaultCollabLimits.messageBurst,
      bytesPerSecond: config.bytesPerSecond,
      // A whole frame fits in the burst, so the largest update a client may send still arrives.
      byteBurst: Math.max(config.maxFrameBytes * 2, config.bytesPerSecond * 2),
      maxDocumentBytes: config.maxDocumentBytes,
    },
  });
  metrics.observeRooms(() => ({ documents: registry.roomCount(), connections: registry.connectionCount() }));
  await attribution.summariseAllPending();
  const events = new WorkspaceEvents(cluster);
  const localConnections = localConnectionControl(registry, events);
  const signIns = createSignInThrottle(cluster);
  const joinCodeGuesses = new JoinCodeThrottle(cluster);
  receiveFromCluster(storage.bus, { events, localConnections, sessionLocks, signIns, joinCodeGuesses, census });
  census.start();
  registers.subscribe((workspaceId, documentId) => events.publish(workspaceId, 'registers', { documentId }));
  await reindexUnsettledDocuments(log, registers, logger.child({ component: 'registers' }));
  const services: Services = {
    config,
    logger,
    storage,
    repos,
    log,
    throttle: signIns,
    signUps: new SignUpThrottle({ perMinute: config.signUpsPerMinute, burst: config.signUpBurst }),
    connections: clusterConnectionControl(localConnections, cluster),
    registry,
    census,
    registers,
    versionKeeper,
    attribution,
    events,
    sessionLocks,
    workers,
    metrics,
    mailer,
    // A few links per address and minute: enough for a typo, not for flooding someone's inbox.
    resetRequests: new SignUpThrottle({ perMinute: config.resetsPerMinute, burst: config.resetBurst }),
    verificationRequests: new SignUpThrottle({ perMinute: 1, burst: 3 }),
    ssoStarts: new SignUpThrottle({ perMinute: 30, burst: 60 }),
    // A workshop's worth of invites at once, then a few a minute: enough to invite, not to spam.
    mailsToOthers: new SignUpThrottle({ perMinute: 5, burst: 30 }),
    joinCodeGuesses,
  };

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
    log: logger.child({ component: 'upgrade' }),
  });

  const sweep = setInterval(() => {
    repos.sessions.deleteExpired(Date.now()).catch((error: unknown) => logger.warn('expired sessions not removed', describeError(error)));
    repos.oidcLogins.deleteExpired(Date.now()).catch((error: unknown) => logger.warn('expired single sign-on attempts not removed', describeError(error)));
  }, HOUR_MS);
  sweep.unref();
  // Event streams of expired sessions or removed members end within this interval, like sockets.
  const streamSweep = setInterval(() => {
    events.endStale((stream) => accessIsLive(repos, stream)).catch((error: unknown) => logger.warn('event stream sweep failed', describeError(error)));
  }, 10_000);
  streamSweep.unref();

  const reminders = new ReminderScheduler(services);
  reminders.start();

  const metricsServer = config.metricsPort === null ? null : await serveMetrics(metrics, config.metricsHost, config.metricsPort);
  if (metricsServer) logger.info('metrics served', { component: 'metrics', port: metricsServer.port });

  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${config.host}:${port}`,
    port,
    repos,
    storage,
    registry,
    logger,
    metricsPort: metricsServer?.port ?? null,
    reminders,
    close() {
      closing ??= (async () => {
        clearInterval(sweep);
        await reminders.stop();
        clearInterval(streamSweep);
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        // Rooms compact and their extensions finish (registers, automatic versions) first.
        await registry.closeAll(CloseCode.serverShutdown, 'server shutting down');
        census.stop();
        upgrades.stop();
        server.closeAllConnections();
        await stopped;
        await metricsServer?.close();
        mailer.close();
        for (const timers of [registerTimers, attributionTimers, autoVersionTimers]) timers.stop();
        // After the rooms: their last automatic versions may still hash on a worker.
        await versionKeeper.settled();
        await workers.close();
        await storage.close();
      })();
      return closing;
    },
  };
}
