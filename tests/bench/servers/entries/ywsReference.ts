/**
 * Server A: the y-websocket@2.1.0 reference server, run as-is from the installed package
 * (`y-websocket-reference`): its `bin/utils.cjs` `setupWSConnection` on a plain `ws` server, as
 * its own `bin/server.cjs` does, minus the HTTP callback. A1 when `YPERSISTENCE` names a
 * directory (the package then persists every update to LevelDB through y-leveldb).
 * Env: PORT. Prints "listens on" when ready.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { WebSocketServer, type WebSocket } from 'ws';

interface YwsUtils {
  setupWSConnection(conn: WebSocket, req: http.IncomingMessage, options?: { docName?: string; gc?: boolean }): void;
}

const require = createRequire(import.meta.url);
const utils = require('y-websocket-reference/bin/utils') as YwsUtils;

const port = Number(process.env.PORT);
// permessage-deflate stays off (the ws default, stated so the intent is visible).
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
wss.on('connection', (conn: WebSocket, req: http.IncomingMessage) => utils.setupWSConnection(conn, req));

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('y-websocket reference');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(port, '127.0.0.1', () => console.info(`y-websocket reference listens on 127.0.0.1:${port}`));
process.once('SIGTERM', () => process.exit(0));
