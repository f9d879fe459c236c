/**
 * Issue 10, in the protocol-fuzz family: no client behaviour at the TCP or HTTP level ends the
 * server process. For a few seconds each (RESET_STORM_MS), raw TCP clients reset, half-close or
 * garble refused upgrades (401, 403, 404, 429), accepted upgrades, HTTP requests cut anywhere
 * (mid body too) and open event streams, while a stock WebsocketProvider keeps typing. The
 * server runs in its own process, so a crash shows as that process exiting. Afterwards the
 * health check answers and every token the honest client typed is in the stored document.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { addMember, buildWorkshop, type Workshop } from '../helpers/apiClient';
import { ProviderPool, recordCloseCodes } from '../helpers/collab';
import { Prng, seedFrom } from '../helpers/prng';
import { eventually, rawSocket, waitForSync } from '../helpers/providers';
import {
  clientFrame,
  garbage,
  httpRequest,
  letGoKinds,
  runAttack,
  storm,
  truncated,
  upgradeRequest,
  type Attack,
} from '../helpers/resetStorm';
import { loadStoredDoc } from '../helpers/sqliteFile';
import { makeDataDir, spawnServerProcess, startTestServer, type ServerProcess } from '../helpers/startTestServer';
import net from 'node:net';

const phaseMs = Number(process.env.RESET_STORM_MS ?? 1_500);
const concurrency = 6;

interface Phase {
  name: string;
  /** A status line the server must have answered at least once in this phase (proves the path ran). */
  expectStatus: string | null;
  attack: (prng: Prng) => Attack;
}

describe('connection resets and garbage at every moment of HTTP and upgrade requests', () => {
  let proc: ServerProcess;
  let workshop: Workshop;
  const pool = new ProviderPool();
  const dataDir = makeDataDir();

  beforeAll(async () => {
    // A low per-user cap, so the "over the cap" refusal is reachable with a few sockets.
    proc = await spawnServerProcess(dataDir, { MAX_CONNECTIONS_PER_USER: '4' });
    workshop = await buildWorkshop(proc.origin);
  });
  afterAll(async () => {
    pool.destroyAll();
    if (proc.child.exitCode === null) await proc.stop();
  });

  test('the server survives every reset, and the honest editor loses nothing', async () => {
    const seed = seedFrom(process.env.FUZZ_SEED);
    console.info(`reset storm seed ${seed}, ${phaseMs} ms per phase, ${concurrency} parallel attackers`);
    const prng = new Prng(seed);
    const { origin, port } = proc;
    const { documentId, workspaceId } = workshop;
    const honest = await addMember(workshop, origin, 'editor', 'Eerlijk');
    const attacker = await addMember(workshop, origin, 'editor', 'Aanvaller');
    const capped = await addMember(workshop, origin, 'viewer', 'Vol');

    // The honest editor types a token every 20 ms for the whole storm.
    const editor = pool.connect(documentId, { cookie: honest.cookie, origin });
    await waitForSync(editor.provider);
    const editorCloses = recordCloseCodes(editor.provider);
    let typed = 0;
    const typing = setInterval(() => {
      const text = editor.doc.getText('t');
      text.insert(text.length, `w${typed++} `);
    }, 20);

    // The capped user holds every socket the cap allows.
    const holders = Array.from({ length: 4 }, () => pool.connect(documentId, { cookie: capped.cookie, origin }));
    await Promise.all(holders.map((h) => waitForSync(h.provider)));

    const letGo = () => prng.pick(letGoKinds);
    const socketTo = (path: string, headers: Record<string, string>) => upgradeRequest(port, path, headers);
    const phases: Phase[] = [
      { name: 'refused upgrade: no cookie', expectStatus: 'HTTP/1.1 401', attack: () => ({ request: socketTo(`/collab/${documentId}`, { origin }), letGo: letGo() }) },
      {
        name: 'refused upgrade: foreign Origin',
        expectStatus: 'HTTP/1.1 403',
        attack: () => ({ request: socketTo(`/collab/${documentId}`, { origin: 'https://evil.example', cookie: attacker.cookie! }), letGo: letGo() }),
      },
      {
        name: 'refused upgrade: unknown document',
        expectStatus: 'HTTP/1.1 403',
        attack: () => ({ request: socketTo('/collab/onbekenddocument0000000', { origin, cookie: attacker.cookie! }), letGo: letGo() }),
      },
      {
        name: 'refused upgrade: over the connection cap',
        expectStatus: 'HTTP/1.1 429',
        attack: () => ({ request: socketTo(`/collab/${documentId}`, { origin, cookie: capped.cookie! }), letGo: letGo() }),
      },
      {
        name: 'refused upgrade: no socket at this address',
        expectStatus: 'HTTP/1.1 404',
        attack: () => ({ request: socketTo('/api/nergens', { origin, cookie: attacker.cookie! }), letGo: letGo() }),
      },
      {
        name: 'accepted upgrade, then a frame cut short or whole',
        expectStatus: 'HTTP/1.1 101',
        attack: (p) => {
          // Sync step 1 with an empty state vector: [0 sync, 0 step1, 1 length, 0 entries].
          const frame = clientFrame(new Uint8Array([0, 0, 1, 0]));
          return {
            request: socketTo(`/collab/${documentId}`, { origin, cookie: attacker.cookie! }),
            afterResponse: p.chance(0.5) ? frame : frame.subarray(0, p.int(1, frame.length - 1)),
            letGo: letGo(),
          };
        },
      },
      {
        name: 'HTTP request cut mid-body',
        expectStatus: null,
        attack: () => ({
          request: httpRequest(
            port,
            'POST',
            '/api/workspaces',
            { origin, cookie: attacker.cookie!, 'content-type': 'application/json', 'content-length': '400' },
            '{"name": "Halve werk',
          ),
          letGo: letGo(),
        }),
      },
      {
        name: 'HTTP request cut anywhere',
        expectStatus: null,
        attack: (p) => ({
          request: truncated(
            httpRequest(port, 'POST', '/api/auth/signin', { origin, 'content-type': 'application/json', 'content-length': '60' }, '{"email":"niemand@example.nl","password":"fout-wachtwoord!!"}'),
            p,
          ),
          letGo: letGo(),
        }),
      },
      {
        name: 'open event stream',
        expectStatus: 'HTTP/1.1 200',
        attack: () => ({ request: httpRequest(port, 'GET', `/api/workspaces/${workspaceId}/events`, { origin, cookie: attacker.cookie! }), letGo: letGo() }),
      },
      { name: 'garbage bytes', expectStatus: null, attack: (p) => ({ request: garbage(p), letGo: letGo() }) },
    ];

    const report: string[] = [];
    try {
      for (const phase of phases) {
        const result = await storm(port, phaseMs, concurrency, () => phase.attack(prng));
        const statuses = Object.fromEntries(result.statusLines);
        report.push(`${phase.name}: ${result.attacks} attacks, answers ${JSON.stringify(statuses)}, closed by the server ${result.closedByServer}`);
        if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
          throw new Error(`the server process ended during "${phase.name}" (exit ${proc.child.exitCode}):\n${proc.output().slice(-1500)}`);
        }
        if (phase.expectStatus) expect(statuses[phase.expectStatus], `${phase.name}: the path under attack was never reached`).toBeGreaterThan(0);
      }
    } finally {
      clearInterval(typing);
      console.info(report.join('\n'));
    }

    const health = await fetch(`${origin}/api/health`);
    expect(health.status).toBe(200);
    expect(editorCloses, 'the honest editor was never disconnected').toEqual([]);
    const expected = editor.doc.getText('t').toString();
    expect(expected.split(' ').filter(Boolean)).toHaveLength(typed);
    // Durable before relay: once the server has it, it is in the database file.
    await eventually(() => {
      const stored = loadStoredDoc(dataDir, documentId);
      expect(stored.getText('t').toString()).toBe(expected);
      stored.destroy();
    }, 10_000);
    console.info(`honest tokens typed and stored: ${typed}`);
    pool.destroyAll();
    expect(await proc.stop()).toBe(0);
  }, 120_000);
});

describe('slow and silent clients are dropped and hold nothing', () => {
  test('an upgrade whose headers come a byte at a time is dropped after the header timeout', async () => {
    const server = await startTestServer({ HEADERS_TIMEOUT_MS: '1000' });
    try {
      const workshop = await buildWorkshop(server.origin);
      const request = upgradeRequest(server.port, `/collab/${workshop.documentId}`, { origin: server.origin, cookie: workshop.owner.cookie! });
      const socket = net.connect(server.port, '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      socket.on('error', () => undefined);
      const started = Date.now();
      let sent = 0;
      // A byte every 100 ms: the whole request would take about 40 s.
      const dribble = setInterval(() => {
        if (sent < request.length && !socket.destroyed) socket.write(request.subarray(sent, ++sent));
      }, 100);
      const closedAfter = await new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
      clearInterval(dribble);
      expect(sent).toBeLessThan(request.length);
      expect(closedAfter).toBeGreaterThanOrEqual(900);
      expect(closedAfter).toBeLessThan(10_000);
      expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
      expect(server.registry.connectionCount()).toBe(0);
    } finally {
      await server.stop();
    }
  }, 30_000);

  test('an open socket that stops answering pings is closed by the server', async () => {
    const server = await startTestServer({ COLLAB_PING_INTERVAL_MS: '200' });
    try {
      const workshop = await buildWorkshop(server.origin);
      const ws = new WebSocket(`${server.origin.replace(/^http/, 'ws')}/collab/${workshop.documentId}`, {
        headers: { origin: server.origin, cookie: workshop.owner.cookie! },
        autoPong: false,
      });
      ws.on('error', () => undefined);
      await new Promise((resolve) => ws.once('open', resolve));
      await eventually(() => expect(server.registry.connectionCount()).toBe(1));
      const code = await new Promise<number>((resolve) => ws.once('close', resolve));
      // Terminated without a close frame: the client sees an abnormal closure.
      expect(code).toBe(1006);
      await eventually(() => expect(server.registry.connectionCount()).toBe(0));

      // A client that answers pings stays.
      const healthy = rawSocket(server.origin, workshop.documentId, workshop.owner.cookie);
      healthy.on('error', () => undefined);
      await new Promise((resolve) => healthy.once('open', resolve));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(healthy.readyState).toBe(WebSocket.OPEN);
      healthy.close();
    } finally {
      await server.stop();
    }
  });

  test('a reset before the server answers an upgrade leaves no connection behind', async () => {
    const server = await startTestServer();
    try {
      const workshop = await buildWorkshop(server.origin);
      const request = upgradeRequest(server.port, `/collab/${workshop.documentId}`, { origin: server.origin, cookie: workshop.owner.cookie! });
      for (let i = 0; i < 50; i++) await runAttack(server.port, { request, letGo: i % 2 ? 'reset-at-once' : 'reset-next-turn' });
      await eventually(() => expect(server.registry.connectionCount()).toBe(0));
      await eventually(() => expect(server.registry.roomCount()).toBe(0));
    } finally {
      await server.stop();
    }
  });
});
