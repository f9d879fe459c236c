/**
 * The null relay: forwards every frame to the other sockets of the same room (the URL path)
 * without decoding or applying anything. What is left of a latency measured against it is the
 * cost of the network stack, `ws` and the load generator: the floor under every other figure.
 * Env: PORT. Prints "listens on" when ready.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const port = Number(process.env.PORT);
const rooms = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

wss.on('connection', (conn: WebSocket, req: http.IncomingMessage) => {
  const name = (req.url ?? '/').split('?')[0]!;
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = new Set()));
  room.add(conn);
  conn.on('message', (data: Buffer, isBinary: boolean) => {
    for (const other of room) if (other !== conn && other.readyState === other.OPEN) other.send(data, { binary: isBinary });
  });
  conn.on('close', () => {
    room.delete(conn);
    if (room.size === 0) rooms.delete(name);
  });
  conn.on('error', () => conn.terminate());
});

const server = http.createServer((_req, res) => res.end('null relay'));
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(port, '127.0.0.1', () => console.info(`null relay listens on 127.0.0.1:${port}`));
process.once('SIGTERM', () => process.exit(0));
