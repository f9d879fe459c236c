/** Bootstrap: configuration from the environment, start, stop cleanly on SIGTERM/SIGINT. */
import { loadConfig } from './config';
import { startServer } from './server';
import { describeError } from './support/log';

const config = loadConfig();
const server = await startServer(config);
server.logger.info(`werktafel listens on ${server.url}`, { publicUrl: config.publicUrl, dataDir: config.dataDir });

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.logger.info(`${signal}: stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.logger.error('shutdown failed', describeError(error));
        process.exit(1);
      },
    );
  });
}
