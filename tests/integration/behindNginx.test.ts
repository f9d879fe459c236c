/**
 * Issue 17, behind a reverse proxy: Debian's nginx with the configuration the deployment guide
 * ships (docs/deploy/nginx.conf, only its host name, certificate paths and ports replaced) in
 * front of a real server with TRUST_PROXY=1 and an https PUBLIC_URL. Through it: plain HTTP is
 * sent to HTTPS, a person signs up and gets a Secure cookie, two stock providers sync over wss,
 * and the request id nginx gave a request is the one werktafel logs and answers with.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { storedText } from '../helpers/collab';
import { connectProvider, eventually, waitForSync } from '../helpers/providers';
import { getFreePort } from '../helpers/ports';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const nginxBinary = '/usr/sbin/nginx';

let dir: string;
let server: TestServer;
let nginx: ChildProcess;
let httpsPort: number;
let httpPort: number;
let cert: string;
let nginxOutput = '';
const destroy: (() => void)[] = [];

/** One HTTPS request that trusts the test's certificate; the answer as text and headers. */
function request(method: string, pathname: string, { body, cookie }: { body?: unknown; cookie?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = https.request(
      {
        host: '127.0.0.1',
        port: httpsPort,
        method,
        path: pathname,
        servername: 'localhost',
        ca: cert,
        headers: {
          host: `localhost:${httpsPort}`,
          origin: `https://localhost:${httpsPort}`,
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

beforeAll(async () => {
  if (!fs.existsSync(nginxBinary)) throw new Error(`${nginxBinary} is missing: apt-get install nginx (.ci/run does)`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werktafel-nginx-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  httpsPort = await getFreePort();
  httpPort = await getFreePort();
  server = await startTestServer({ PUBLIC_URL: `https://localhost:${httpsPort}`, TRUST_PROXY: '1' });

  const shipped = fs.readFileSync(path.join(repoRoot, 'docs/deploy/nginx.conf'), 'utf8');
  const site = shipped
    .replaceAll('werktafel.example.nl', 'localhost')
    .replace('server 127.0.0.1:3000;', `server 127.0.0.1:${server.port};`)
    .replace('/etc/letsencrypt/live/localhost/fullchain.pem', path.join(dir, 'cert.pem'))
    .replace('/etc/letsencrypt/live/localhost/privkey.pem', path.join(dir, 'key.pem'))
    .replace('listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`)
    .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
    .replace(/^\s*listen \[::\]:\d+( ssl)?;\n/gm, '');
  expect(site).not.toContain('example.nl');
  expect(site).not.toContain('letsencrypt');
  fs.writeFileSync(path.join(dir, 'site.conf'), site);
  // The outer configuration Debian's nginx.conf would give, with everything in the temp dir.
  const temp = (name: string) => path.join(dir, name);
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;\nworker_processes 1;\npid ${temp('nginx.pid')};\nerror_log ${temp('error.log')} warn;\nevents { worker_connections 256; }\n` +
      `http {\n  access_log ${temp('access.log')};\n  client_body_temp_path ${temp('body')};\n  proxy_temp_path ${temp('proxy')};\n` +
      `  fastcgi_temp_path ${temp('fastcgi')};\n  uwsgi_temp_path ${temp('uwsgi')};\n  scgi_temp_path ${temp('scgi')};\n  include ${temp('site.conf')};\n}\n`,
  );
  execFileSync(nginxBinary, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'pipe' });
  nginx = spawn(nginxBinary, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stderr!.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString()));
  await eventually(async () => expect((await request('GET', '/api/ready')).status).toBe(200), 10_000);
}, 60_000);

afterAll(async () => {
  for (const stop of destroy) stop();
  nginx?.kill('SIGQUIT');
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('plain HTTP is sent to HTTPS', async () => {
  const answer = await new Promise<http.IncomingMessage>((resolve, reject) =>
    http.get({ host: '127.0.0.1', port: httpPort, path: '/werkruimtes?x=1', headers: { host: 'localhost' } }, resolve).on('error', reject),
  );
  answer.resume();
  expect(answer.statusCode).toBe(301);
  expect(answer.headers.location).toBe('https://localhost/werkruimtes?x=1');
});

test('through nginx: sign up with a Secure cookie, two providers write together over wss, one request id end to end', async () => {
  const email = `nginx-${Date.now()}@example.nl`;
  const signup = await request('POST', '/api/auth/signup', { body: { email, name: 'Achter nginx', password: 'een-lang-wachtwoord' } });
  expect(signup.status).toBe(201);
  const setCookie = (signup.headers['set-cookie'] ?? []).find((c) => c.startsWith('session='))!;
  expect(setCookie).toMatch(/; Secure/i);
  // Once, from werktafel (PUBLIC_URL is https), not doubled by the proxy.
  expect(signup.headers['strict-transport-security']).toMatch(/^max-age=\d+; includeSubDomains$/);
  const cookie = setCookie.split(';')[0]!;

  // nginx's $request_id (32 hex digits) is the id werktafel answers with and logs.
  const requestId = signup.headers['x-request-id'] as string;
  expect(requestId).toMatch(/^[0-9a-f]{32}$/);
  expect(server.log.find((line) => line.requestId === requestId)).toMatchObject({ msg: 'request', route: '/api/auth/signup', status: 201 });

  const workspace = JSON.parse((await request('POST', '/api/workspaces', { body: { name: 'Achter de proxy' }, cookie })).text);
  const document = await request('POST', `/api/workspaces/${workspace.id}/documents`, { body: { title: 'Via nginx', template: 'blank' }, cookie });
  expect(document.status).toBe(201);
  const documentId = JSON.parse(document.text).id as string;

  const origin = `https://localhost:${httpsPort}`;
  const a = connectProvider(documentId, { cookie, origin, ca: cert });
  const b = connectProvider(documentId, { cookie, origin, ca: cert });
  destroy.push(() => a.provider.destroy(), () => b.provider.destroy());
  await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);
  a.doc.getText('t').insert(0, 'door de proxy heen');
  await eventually(() => expect(b.text()).toBe('door de proxy heen'));
  b.doc.getText('t').insert(0, 'en terug: ');
  await eventually(() => expect(a.text()).toBe('en terug: door de proxy heen'));
  // What went through the proxy is what the server stored.
  await eventually(() => expect(storedText(server, documentId)).toBe('en terug: door de proxy heen'));
  expect(nginxOutput).not.toMatch(/\[(error|crit|alert|emerg)\]/);
});
