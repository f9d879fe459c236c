/**
 * The other end of hostedServer.ts: a test server in a Node process of its own, with the
 * event-loop watchdog and the timing of the server's frame handling beside it. Started with
 * `fork`; answers the parent's requests over the IPC channel.
 */
import { startLoopWatchdog } from './loopWatchdog';
import { startTestServer } from './startTestServer';
import { timeServerWork } from './serverTiming';
import type { HostReply, HostRequest } from './hostedServer';

const send = (message: HostReply) => process.send!(message);
const crashes: string[] = [];
const onCrash = (error: unknown) => crashes.push(error instanceof Error ? `${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 4).join('\n')}` : String(error));
process.on('uncaughtException', onCrash);
process.on('unhandledRejection', onCrash);

const env = JSON.parse(process.env.HOSTED_SERVER_ENV ?? '{}') as Record<string, string>;
const server = await startTestServer(env);
const slowest = timeServerWork(server.registry, 5);
const watchdog = startLoopWatchdog(Number(process.env.HOSTED_STALL_MS ?? 250));

process.on('message', (request: HostRequest) => {
  const answer = (value: unknown) => send({ id: request.id, value });
  switch (request.type) {
    case 'roomCount':
      return answer(server.registry.roomCount());
    case 'logLength':
      return answer(server.log.length);
    case 'logFrom':
      return answer(server.log.slice(request.from));
    case 'stopWatch':
      return answer({ watch: watchdog.stop(), slowest: slowest(), crashes });
    case 'stop':
      watchdog.stop();
      // Answered only once the server has closed; then this process has nothing left to do.
      void server.stop().then(
        () => process.send!({ id: request.id, value: null } satisfies HostReply, () => process.exit(0)),
        (error: unknown) => process.send!({ id: request.id, value: String(error) } satisfies HostReply, () => process.exit(1)),
      );
  }
});
send({ id: 0, value: { origin: server.origin, dataDir: server.dataDir } });
