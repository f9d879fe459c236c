/**
 * Protocol fuzzing against a live in-process werktafel server, shared by the CI test and the
 * soak. Many raw sockets send generated frames (tests/helpers/fuzzFrames.ts), one at a time,
 * each followed by a WebSocket ping: the pong proves the server has handled the frame (ws
 * handles frames of one socket in order), a close tells which close code the frame earned.
 * Meanwhile two honest editors keep typing into the same document, and a watchdog measures the
 * event loop the server runs on: the server runs in a process of its own (hostedServer.ts), so
 * that what the fuzzer itself computes is not counted as the server stalling.
 *
 * Frames that carry a decodable Yjs update are real edits for an editor; editor sockets send
 * those to a separate sandbox document, so the honest document must end up holding exactly the
 * honest edits. Viewer sockets send everything to the honest document (all of it must be
 * dropped).
 */
import { readStoredRows } from './storedLog';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { collabPath, MessageType } from '../../shared/collab/protocol';
import { defaultCollabLimits } from '../../server/collab/limits';
import { addMember, buildWorkshop } from './apiClient';
import { recordCloseCodes, storedDoc, type WithSqlite } from './collab';
import { awarenessClientIds, buildCorpus, classifyFrame, generateFrame, type FrameKind, type FuzzFrame } from './fuzzFrames';
import type { LoopStall } from './loopWatchdog';
import { Prng } from './prng';
import { connectProvider, eventually, waitForSync } from './providers';
import { rawRequest } from './rawHttp';
import { LEVEL, type LogRecord } from './logCapture';
import { startHostedServer, type HostedServer, type HostedWatch } from './hostedServer';

export interface ProtocolFuzzOptions {
  frames: number;
  seed: number;
  /** Stop early after this long (the soak bounds its time); the figures say how far it got. */
  maxMs?: number;
  /** Sockets sending at once, per role. */
  sockets?: { honestEditor: number; sandboxEditor: number; viewer: number };
  maxFrameBytes?: number;
  /** Frames sent to one sandbox document before the next one is created. */
  sandboxFrames?: number;
  stallThresholdMs?: number;
  /** Where to write the stored rows of a document that no longer loads, for replaying. */
  dumpDir?: string;
  log?: (line: string) => void;
  progressEvery?: number;
}

export interface ProtocolFuzzResult {
  seed: number;
  framesSent: number;
  framesByKind: Record<string, number>;
  /** Frames after which the socket stayed open (the pong came back). */
  framesSurvived: number;
  connectionsOpened: number;
  upgradesRefused: Record<string, number>;
  closedByServer: Record<string, number>;
  /** Close code per frame kind, for the report. */
  closeCodesByKind: Record<string, Record<string, number>>;
  unanswered: number;
  crashes: string[];
  stalls: LoopStall[];
  /** Late ticks while the process used little CPU: the machine was busy elsewhere. */
  descheduled: LoopStall[];
  maxLoopLateMs: number;
  serverLog: Record<string, number>;
  unexpectedErrors: string[];
  /** The slowest frames the server handled and joins it served, for finding what stalls. */
  slowest: { what: string; ms: number }[];
  honestTokens: number;
  sandboxDocuments: number;
  healthStatus: number;
  durationMs: number;
  problems: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Outcome = { closed: false } | { closed: true; code: number } | { timeout: true };

/** A raw socket that sends one frame at a time and learns what became of it. */
class FuzzSocket {
  readonly ws: WebSocket;
  private waiter: ((outcome: Outcome) => void) | null = null;
  closeCode: number | null = null;
  readonly opened: Promise<{ ok: true } | { ok: false; status: number }>;
  /** Binary frames the server sent (kept only when asked, for awareness checks). */
  readonly received: Uint8Array[] = [];

  constructor(origin: string, documentId: string, cookie: string | null, ack: boolean, keepFrames = false) {
    const url = origin.replace(/^http/, 'ws') + `${collabPath}/${documentId}${ack ? '?ack=1' : ''}`;
    this.ws = new WebSocket(url, { headers: { origin, ...(cookie ? { cookie } : {}) } });
    this.ws.on('error', () => undefined);
    if (keepFrames) this.ws.on('message', (data: Buffer) => this.received.push(new Uint8Array(data)));
    this.ws.on('pong', () => this.settle({ closed: false }));
    this.ws.on('close', (code) => {
      this.closeCode = code;
      this.settle({ closed: true, code });
    });
    this.opened = new Promise((resolve) => {
      this.ws.once('open', () => resolve({ ok: true }));
      this.ws.once('unexpected-response', (_req, res) => {
        resolve({ ok: false, status: res.statusCode ?? 0 });
        res.resume();
        this.ws.terminate();
      });
      this.ws.once('close', () => resolve({ ok: false, status: 0 }));
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  private settle(outcome: Outcome): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.(outcome);
  }

  /** Sends the frame and a ping; resolves on the pong, on the close, or after `timeoutMs`. */
  send(frame: { data: Uint8Array; text: boolean }, timeoutMs: number): Promise<Outcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle({ timeout: true }), timeoutMs);
      this.waiter = (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      this.ws.send(frame.data, { binary: !frame.text });
      this.ws.ping();
    });
  }
}

function add(record: Record<string, number>, key: string | number, n = 1): void {
  record[key] = (record[key] ?? 0) + n;
}

const honestPattern = /<h[ab]-\d+>/g;

/** Log messages of the server refusing a frame or a connection over a limit: expected in a fuzz run. */
const routineCollabLines = new Set([
  'malformed frame',
  'update rejected by Yjs',
  'awareness update rejected',
  'frame handling failed',
  'message rate limit exceeded',
  'frame over the size limit',
  'half-applied update: reloading the document',
  'too many frames before the document loaded',
]);

/**
 * Every server log line of warn level and above is counted by its message; the lines
 * themselves would drown the output. Routine collab refusals are expected; anything else is
 * reported as unexpected.
 */
function summariseServerLog(records: readonly LogRecord[], serverLog: Record<string, number>, unexpected: string[]): void {
  for (const record of records) {
    if (record.level < LEVEL.warn) continue;
    const level = record.level >= LEVEL.error ? 'error' : 'warn';
    const line = `${level}: ${record.msg} ${JSON.stringify({ ...record, level: undefined, msg: undefined, time: undefined, stack: undefined })}`;
    if (record.component === 'collab') {
      add(serverLog, record.msg);
      if (!routineCollabLines.has(record.msg) && unexpected.length < 50) unexpected.push(line);
      continue;
    }
    add(serverLog, `${level}: other`);
    if (unexpected.length < 50) unexpected.push(line);
  }
}

function dumpRows(server: WithSqlite, documentId: string, dir: string): void {
  const { snapshot, updates: rows } = readStoredRows(server.storage.sqlite, documentId);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${documentId}.json`),
    JSON.stringify({ snapshot: snapshot ? { upto: snapshot.upto_id, state: Buffer.from(snapshot.state).toString('base64') } : null, rows: rows.map((r) => ({ id: r.id, update: Buffer.from(r.update_bytes).toString('base64') })) }),
  );
}

export async function runProtocolFuzz(options: ProtocolFuzzOptions): Promise<ProtocolFuzzResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const maxFrameBytes = options.maxFrameBytes ?? 1024 * 1024;
  const sockets = options.sockets ?? { honestEditor: 5, sandboxEditor: 4, viewer: 2 };
  const limits = { maxFrameBytes, maxAwarenessBytes: defaultCollabLimits.maxAwarenessBytes };
  // Frames come from one generator, in one sequence for a seed; which socket sends which frame
  // depends on timing.
  const rng = new Prng(options.seed);
  const socketRng = new Prng(options.seed ^ 0xacc);
  const corpus = buildCorpus(new Prng(options.seed ^ 0x5eed));
  const problems: string[] = [];
  const crashes: string[] = [];
  const framesByKind: Record<string, number> = {};
  const closedByServer: Record<string, number> = {};
  const closeCodesByKind: Record<string, Record<string, number>> = {};
  const upgradesRefused: Record<string, number> = {};
  const serverLog: Record<string, number> = {};
  const unexpectedErrors: string[] = [];
  let framesSent = 0;
  let framesSurvived = 0;
  let connectionsOpened = 0;
  let unanswered = 0;

  const onCrash = (error: unknown) => crashes.push(error instanceof Error ? `${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 4).join('\n')}` : String(error));
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);

  let server: HostedServer | null = null;
  const providers: WebsocketProvider[] = [];
  const docs: Y.Doc[] = [];
  const fuzzSockets = new Set<FuzzSocket>();
  let logFrom = 0;
  /** When each frame was sent, to say what was on the wire when the server's loop stalled. */
  const sentAt: { at: number; kind: string }[] = [];
  let stopWatch: Promise<HostedWatch> | null = null;

  try {
    server = await startHostedServer(
      {
        MAX_FRAME_BYTES: String(maxFrameBytes),
        // Keep every log row until the end, so the rows can be checked before the final compaction.
        COMPACT_AFTER_UPDATES: '100000000',
      },
      options.stallThresholdMs ?? 250,
    );
    const hosted = server;
    const { origin } = server;
    const workshop = await buildWorkshop(origin);
    const honestEditor = await addMember(workshop, origin, 'editor', 'Eerlijk');
    const fuzzEditor = await addMember(workshop, origin, 'editor', 'Fuzzer');
    const sandboxEditor = await addMember(workshop, origin, 'editor', 'Zandbak');
    const fuzzViewer = await addMember(workshop, origin, 'viewer', 'Kijkfuzzer');
    const honestId = workshop.documentId;
    // The sandbox takes every decodable update an editor fuzzer makes; it is replaced every
    // `sandboxFrames` frames so that a long run does not turn it into one giant document (whose
    // load and compaction would then be what the watchdog measures, not the frames).
    const newSandbox = async () => {
      const created = await workshop.owner.post(`/api/workspaces/${workshop.workspaceId}/documents`, { title: 'Zandbak', template: 'blank' });
      if (created.status !== 201) throw new Error(`creating a sandbox document failed: ${created.status}`);
      sandboxIds.push(created.body.id as string);
      return created.body.id as string;
    };
    const sandboxIds: string[] = [];
    /**
     * One quiet editor socket per sandbox keeps its room loaded, as an open browser tab would;
     * otherwise every moment without a fuzz socket unloads and reloads the room.
     */
    let anchor: FuzzSocket | null = null;
    const anchorTo = async (documentId: string) => {
      anchor?.ws.terminate();
      anchor = new FuzzSocket(origin, documentId, sandboxEditor.cookie, false);
      fuzzSockets.add(anchor);
      if (!(await anchor.opened).ok) problems.push('the sandbox anchor socket could not connect');
    };
    let sandboxId = await newSandbox();
    await anchorTo(sandboxId);
    let sandboxSwitch: Promise<string> | null = null;
    let sandboxFramesLeft = options.sandboxFrames ?? 300;

    // Two honest editors typing unique tokens at token boundaries.
    const a = connectProvider(honestId, { cookie: workshop.owner.cookie, origin });
    const b = connectProvider(honestId, { cookie: honestEditor.cookie, origin });
    providers.push(a.provider, b.provider);
    docs.push(a.doc, b.doc);
    const honestCloses = [recordCloseCodes(a.provider), recordCloseCodes(b.provider)];
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)]);
    const typed: string[] = [];
    let typing = true;
    const typeLoop = async (doc: Y.Doc, tag: string) => {
      const local = new Prng(options.seed + tag.charCodeAt(0));
      for (let n = 0; typing; n++) {
        await sleep(local.int(10, 40));
        if (!typing) break;
        const token = `<h${tag}-${n}>`;
        typed.push(token);
        const text = doc.getText('t');
        const current = text.toString();
        const boundaries = [0];
        for (let i = current.indexOf('>'); i !== -1; i = current.indexOf('>', i + 1)) boundaries.push(i + 1);
        text.insert(local.pick(boundaries), token);
      }
    };
    const typingLoops = [typeLoop(a.doc, 'a'), typeLoop(b.doc, 'b')];

    logFrom = await server.logLength();
    const deadline = options.maxMs ? started + options.maxMs : Number.POSITIVE_INFINITY;
    /** Decodable updates the honest-document editors may not send, for the sandbox sockets. */
    const forSandbox: FuzzFrame[] = [];
    const nextFrame = (role: 'honestEditor' | 'sandboxEditor' | 'viewer'): FuzzFrame => {
      if (role === 'sandboxEditor' && forSandbox.length > 0) return forSandbox.shift()!;
      for (;;) {
        const frame = generateFrame(rng, corpus, limits);
        if (role !== 'honestEditor' || classifyFrame(frame) === 'noEdit') return frame;
        if (forSandbox.length < 1000) forSandbox.push(frame);
      }
    };
    const cookieOf = { honestEditor: fuzzEditor.cookie, sandboxEditor: sandboxEditor.cookie, viewer: fuzzViewer.cookie };
    const documentOf = async (role: 'honestEditor' | 'sandboxEditor' | 'viewer') => {
      if (role !== 'sandboxEditor') return honestId;
      if (sandboxFramesLeft <= 0 && !sandboxSwitch) {
        sandboxSwitch = newSandbox();
        const next = await sandboxSwitch;
        await anchorTo(next);
        sandboxId = next;
        sandboxSwitch = null;
        sandboxFramesLeft = options.sandboxFrames ?? 300;
      } else if (sandboxSwitch) await sandboxSwitch;
      return sandboxId;
    };
    const progressEvery = options.progressEvery ?? 0;

    const worker = async (role: 'honestEditor' | 'sandboxEditor' | 'viewer') => {
      let socket: FuzzSocket | null = null;
      while (framesSent < options.frames && performance.now() < deadline) {
        if (!socket || !socket.open) {
          socket = new FuzzSocket(origin, await documentOf(role), cookieOf[role], socketRng.chance(0.3));
          fuzzSockets.add(socket);
          const opened = await socket.opened;
          if (!opened.ok) {
            add(upgradesRefused, opened.status);
            fuzzSockets.delete(socket);
            socket = null;
            await sleep(20);
            continue;
          }
          connectionsOpened += 1;
        }
        const frame = nextFrame(role);
        if (role === 'sandboxEditor') sandboxFramesLeft -= 1;
        framesSent += 1;
        add(framesByKind, frame.kind);
        if (progressEvery > 0 && framesSent % progressEvery === 0) {
          log(`  ${framesSent} frames, ${connectionsOpened} connections, ${Math.round((performance.now() - started) / 1000)} s`);
        }
        sentAt.push({ at: Date.now(), kind: frame.kind });
        const outcome = await socket.send(frame, 5_000);
        if ('timeout' in outcome) {
          unanswered += 1;
          problems.push(`no answer within 5 s to a ${frame.kind} frame (${frame.data.length} bytes)`);
          socket.ws.terminate();
          fuzzSockets.delete(socket);
          socket = null;
        } else if (outcome.closed) {
          add(closedByServer, outcome.code);
          closeCodesByKind[frame.kind] ??= {};
          add(closeCodesByKind[frame.kind]!, outcome.code);
          fuzzSockets.delete(socket);
          socket = null;
        } else {
          framesSurvived += 1;
        }
      }
      if (socket) {
        socket.ws.terminate();
        fuzzSockets.delete(socket);
      }
    };
    const workers: Promise<void>[] = [];
    for (const role of ['honestEditor', 'sandboxEditor', 'viewer'] as const) {
      for (let i = 0; i < sockets[role]; i++) workers.push(worker(role));
    }
    await Promise.all(workers);
    if (framesSent < options.frames) log(`stopped at the time limit after ${framesSent} of ${options.frames} frames`);

    // Fuzzers gone: the honest editors stop, and must still be connected and converge.
    typing = false;
    await Promise.all(typingLoops);
    await eventually(() => {
      if (a.doc.getText('t').toString() !== b.doc.getText('t').toString()) throw new Error('honest editors differ');
    }, 15_000).catch((error: Error) =>
      problems.push(`honest editors did not converge: ${error.message} (${a.doc.getText('t').length} and ${b.doc.getText('t').length} characters, synced ${a.provider.synced}/${b.provider.synced})`),
    );
    // The watchdog covers the fuzzing and the honest editors catching up; what follows is the
    // test reading documents back, which is no server work.
    stopWatch = hosted.stopWatch();
    const { watch, slowest, crashes: serverCrashes } = await stopWatch;
    crashes.push(...serverCrashes);
    for (const stall of [...watch.stalls, ...watch.descheduled]) stall.during = framesSentDuring(sentAt, stall);
    if (honestCloses.some((codes) => codes.length > 0)) problems.push(`honest editors were disconnected: ${JSON.stringify(honestCloses)}`);
    if (!a.provider.wsconnected || !b.provider.wsconnected) problems.push('an honest editor is not connected at the end');

    // No presence left behind by any fuzzer: once the server has seen their sockets close, a
    // fresh socket sees only the honest editors.
    await eventually(async () => {
      const watcher = new FuzzSocket(origin, honestId, workshop.owner.cookie, false, true);
      try {
        if (!(await watcher.opened).ok) throw new Error('the awareness watcher could not connect');
        await watcher.send({ data: Uint8Array.from([MessageType.queryAwareness]), text: false }, 5_000);
        const strangers = [...awarenessClientIds(watcher.received)].filter((id) => id !== a.doc.clientID && id !== b.doc.clientID);
        if (strangers.length > 0) throw new Error(`${strangers.length} awareness states of disconnected fuzzers are still served in the honest document`);
      } finally {
        watcher.ws.terminate();
      }
    }, 5_000).catch((error: Error) => problems.push(error.message));

    // Only the honest editors wrote rows into the honest document.
    const authors = server.storage.sqlite
      .prepare<[string], { user_id: string | null; n: number }>('SELECT user_id, COUNT(*) AS n FROM document_updates WHERE document_id = ? GROUP BY user_id')
      .all(honestId);
    const honestAuthors = new Set([workshop.owner.userId, honestEditor.userId]);
    const foreign = authors.filter((row) => row.user_id === null || !honestAuthors.has(row.user_id));
    if (foreign.length > 0) problems.push(`rows in the honest document by others than the honest editors: ${JSON.stringify(foreign)}`);

    // What the server holds in memory equals what it stored (a rejected update left no trace).
    for (const [name, documentId, cookie] of [
      ['honest', honestId, workshop.owner.cookie],
      ['sandbox', sandboxId, sandboxEditor.cookie],
    ] as const) {
      const live = connectProvider(documentId, { cookie, origin });
      try {
        await waitForSync(live.provider, 15_000);
        const disk = storedDoc(server, documentId);
        if (!Y.equalSnapshots(Y.snapshot(live.doc), Y.snapshot(disk))) {
          problems.push(`${name} document: the live state differs from the stored state`);
          if (options.dumpDir) {
            dumpRows(server, documentId, options.dumpDir);
            fs.writeFileSync(path.join(options.dumpDir, `${documentId}.live`), Y.encodeStateAsUpdate(live.doc));
          }
        }
        disk.destroy();
      } catch (error) {
        problems.push(`${name} document: reading live and stored state failed: ${(error as Error).message}`);
      } finally {
        live.provider.destroy();
        live.doc.destroy();
      }
    }

    // Everyone leaves; the rooms unload (final compaction). A fresh client reads the honest document.
    const expectedContent = a.doc.getText('t').toString();
    for (const provider of providers.splice(0)) provider.destroy();
    for (const socket of fuzzSockets) socket.ws.terminate();
    fuzzSockets.clear();
    await eventually(async () => {
      const rooms = await hosted.roomCount();
      if (rooms !== 0) throw new Error(`${rooms} rooms still open`);
    }, 10_000).catch((error: Error) => problems.push(error.message));
    const fresh = connectProvider(honestId, { cookie: honestEditor.cookie, origin });
    docs.push(fresh.doc);
    providers.push(fresh.provider);
    await waitForSync(fresh.provider, 15_000);
    const served = fresh.doc.getText('t').toString();
    const servedTokens = served.match(honestPattern) ?? [];
    if (served !== expectedContent) problems.push('a fresh client does not get what the honest editors converged on');
    if (served.replace(honestPattern, '') !== '') problems.push(`the honest document holds something besides honest tokens: ${JSON.stringify(served.replace(honestPattern, '').slice(0, 80))}`);
    const servedSet = new Set(servedTokens);
    if (servedSet.size !== servedTokens.length) problems.push('an honest token is present twice');
    const missing = typed.filter((t) => !servedSet.has(t));
    if (missing.length > 0) problems.push(`${missing.length} honest tokens are missing: ${missing.slice(0, 5).join(' ')}`);
    const stored = storedDoc(server, honestId);
    if (stored.getText('t').toString() !== served) problems.push('the stored honest document differs from what a fresh client gets');
    stored.destroy();

    // The sandboxes took every decodable update; they must all still load.
    for (const id of sandboxIds) {
      try {
        storedDoc(server, id).destroy();
      } catch (error) {
        problems.push(`sandbox document ${id} no longer loads: ${(error as Error).message}`);
        if (options.dumpDir) dumpRows(server, id, options.dumpDir);
      }
    }

    // On a connection of its own: a pooled keep-alive one may have been closed by the server
    // while idle, which says nothing about the server.
    let healthStatus = 0;
    try {
      healthStatus = (await rawRequest(new http.Agent({ keepAlive: false }), `${origin}/api/health`, { method: 'GET' })).status;
    } catch (error) {
      problems.push(`GET /api/health failed: ${(error as Error).message}`);
    }
    if (healthStatus !== 200) problems.push(`GET /api/health answered ${healthStatus}`);

    if (watch.stalls.length > 0) problems.push(`the event loop stalled ${watch.stalls.length} times over ${options.stallThresholdMs ?? 250} ms: ${JSON.stringify(watch.stalls.slice(0, 5))}`);
    if (unanswered > 0) problems.push(`${unanswered} frames got neither a pong nor a close`);
    // 4503 means a stored document no longer loads: an accepted update made it unavailable.
    summariseServerLog(await server.logFrom(logFrom), serverLog, unexpectedErrors);
    if (server.exit()) crashes.push(server.exit()!);
    if (closedByServer['4503']) problems.push(`${closedByServer['4503']} connections were refused with 4503 (a stored document did not load): ${unexpectedErrors.filter((line) => line.includes('document refused')).slice(0, 2).join(' | ')}`);
    if (crashes.length > 0) problems.push(`${crashes.length} uncaught exceptions or rejections: ${crashes.slice(0, 3).join(' | ')}`);

    return {
      seed: options.seed,
      framesSent,
      framesByKind,
      framesSurvived,
      connectionsOpened,
      upgradesRefused,
      closedByServer,
      closeCodesByKind,
      unanswered,
      crashes,
      stalls: watch.stalls,
      descheduled: watch.descheduled,
      maxLoopLateMs: watch.maxLateMs,
      serverLog,
      unexpectedErrors,
      slowest,
      honestTokens: typed.length,
      sandboxDocuments: sandboxIds.length,
      healthStatus,
      durationMs: Math.round(performance.now() - started),
      problems,
    };
  } finally {
    if (server && !stopWatch) await server.stopWatch().catch(() => undefined);
    for (const socket of fuzzSockets) socket.ws.terminate();
    for (const provider of providers) provider.destroy();
    for (const doc of docs) doc.destroy();
    await server?.stop();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
}

/** The kinds of frame sent while the server's loop was blocked, for labelling a stall. */
function framesSentDuring(sentAt: { at: number; kind: string }[], stall: LoopStall): string {
  const from = stall.wallClock - stall.lateMs - 20;
  const kinds = new Set(sentAt.filter((sent) => sent.at >= from && sent.at <= stall.wallClock).map((sent) => sent.kind));
  return kinds.size > 0 ? `frames sent meanwhile: ${[...kinds].slice(0, 6).join(', ')}` : 'no frame sent meanwhile';
}

export function describeProtocolFuzz(result: ProtocolFuzzResult): string {
  const codes = Object.entries(result.closedByServer)
    .sort((x, y) => y[1] - x[1])
    .map(([code, n]) => `${code}: ${n}`)
    .join(', ');
  return (
    `protocol fuzz (seed ${result.seed}): frames sent ${result.framesSent} (${result.framesSurvived} left the socket open), ` +
    `connections ${result.connectionsOpened}, closed by the server per code {${codes}}, ` +
    `upgrades refused ${JSON.stringify(result.upgradesRefused)}, unanswered ${result.unanswered}, crashes ${result.crashes.length}, ` +
    `event-loop stalls > 250 ms ${result.stalls.length} (max late ${result.maxLoopLateMs} ms; ${result.descheduled.length} late ticks while the machine was busy elsewhere), honest tokens ${result.honestTokens}, ` +
    `health ${result.healthStatus}, ${result.durationMs} ms`
  );
}

export type { FrameKind };
