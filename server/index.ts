/** Bootstrap: configuration from the environment, start, stop cleanly on SIGTERM/SIGINT. */
import { loadConfig } from './config';
import { startServer } from './server';

const config = loadConfig();
const server = await startServer(config);
console.info(`werktafel listens on ${server.url} (public URL ${config.publicUrl}, data in ${config.dataDir})`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    console.info(`${signal}: stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  });
}
