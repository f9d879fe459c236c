/** Starts a werktafel server on a port: database, app, collaboration socket. Used by index.ts and tests. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import type { UpgradeWebSocket } from 'hono/ws';
import { CloseCode } from '../shared/collab/protocol';
import { createApp } from './app';
import { createSignInThrottle } from './auth/signInThrottle';
import { DocumentStore } from './collab/DocumentStore';
import { consoleCollabLog } from './collab/log';
import { RoomRegistry } from './collab/RoomRegistry';
import type { Config } from './config';
import { openDatabase } from './db/database';
import { createRepos, type Repos } from './db/repos';
import type { Services } from './context';

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

export async function startServer(config: Config): Promise<RunningServer> {
  const db = openDatabase(config.dataDir, { synchronous: config.synchronous });
  const repos = createRepos(db);
  const registry = new RoomRegistry(
    new DocumentStore(repos.documentUpdates),
    { compactAfterUpdates: config.compactAfterUpdates, ackDelayMs: 30 },
    consoleCollabLog,
  );
  const services: Services = { config, repos, throttle: createSignInThrottle(), connections: registry };

  let upgradeWebSocket: UpgradeWebSocket | undefined;
  const app = createApp(services, registry, () => upgradeWebSocket!);
  const nodeWs = createNodeWebSocket({ app });
  upgradeWebSocket = nodeWs.upgradeWebSocket;
  // ws closes a connection whose frame is larger than this with 1009, before buffering it all.
  nodeWs.wss.options.maxPayload = config.maxFrameBytes;

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s as Server));
  });
  nodeWs.injectWebSocket(server);

  const sweep = setInterval(() => repos.sessions.deleteExpired(Date.now()), HOUR_MS);
  sweep.unref();

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
        server.close(() => resolve());
        registry.closeAll(CloseCode.serverShutdown, 'server shutting down');
        nodeWs.wss.close();
        server.closeAllConnections();
      }).then(() => {
        db.close();
      });
      return closing;
    },
  };
}
