/** Bootstrap: configuration from the environment, start, stop cleanly on SIGTERM/SIGINT. */
import { loadConfig } from './config';
import { startServer, type RunningServer } from './server';
import { DataDirInUseError, engineOf } from './storage/openStorage';
import { createLogger, describeFailure } from './support/log';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
let server: RunningServer;
try {
  server = await startServer(config, { logger });
} catch (error) {
  // A second server on the same DATA_DIR is an operator's mistake: say so plainly, no stack.
  if (error instanceof DataDirInUseError) logger.error(error.message, { dataDir: config.dataDir });
  else logger.error('werktafel did not start', describeFailure(error));
  process.exit(1);
}
server.logger.info(`werktafel listens on ${server.url}`, {
  publicUrl: config.publicUrl,
  dataDir: config.dataDir,
  storage: engineOf(config),
  instanceId: config.instanceId,
  internalUrl: config.internalUrl,
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.logger.info(`${signal}: stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.logger.error('shutdown failed', describeFailure(error));
        process.exit(1);
      },
    );
  });
}
