/**
 * Crash safety, as one scenario the CI test and the soak share: N stock WebsocketProvider
 * clients type unique tokens into one document while the server process is killed with
 * SIGKILL at random moments and restarted on the same data directory.
 *
 * The durability claim is checked where it can be told apart from clients re-sending: after
 * every restart, BEFORE the editing clients reconnect (their Y.Docs still hold everything they
 * typed and would mask a server loss), a fresh client reads what the restarted server serves;
 * every token that any client had received from another client before the kill must be in it.
 * At the end, with the clients reconnected (carrying their docs over, as a browser tab does),
 * every replica must be identical and every token ever typed present exactly once.
 */
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { addMember, buildWorkshop } from './apiClient';
import { Prng } from './prng';
import { connectProvider, eventually, waitForSync } from './providers';
import { integrityCheck, loadStoredDoc } from './sqliteFile';
import { makeDataDir, spawnServerProcess, type ServerProcess } from './startTestServer';
import fs from 'node:fs';

export interface CrashSafetyOptions {
  kills: number;
  seed: number;
  clients?: number;
  /** Random time between (re)connecting the clients and the kill, in ms. */
  lifeMs?: [min: number, max: number];
  /** Delay between two tokens of one client, in ms. */
  typingDelayMs?: [min: number, max: number];
  /** Environment of the server process (COMPACT_AFTER_UPDATES low, to crash around compactions too). */
  serverEnv?: Record<string, string>;
  log?: (line: string) => void;
}

export interface KillRecord {
  kill: number;
  lifeMs: number;
  /** Tokens some client had received from another client before this kill (cumulative). */
  receivedByOthers: number;
  /** Of those, how many the restarted server did not serve. */
  missingAfterRestart: number;
  /** Tokens served more than once by the restarted server. */
  duplicatedAfterRestart: number;
  /** `PRAGMA integrity_check` of the file as the kill left it (read-only, before the restart). */
  integrityAfterKill: string;
}

export interface CrashSafetyResult {
  seed: number;
  killsSurvived: number;
  tokensTyped: number;
  /** Distinct tokens another client had received before some kill: the durability set. */
  tokensReceivedBeforeKill: number;
  /** Sum over restarts of tokens checked against what the restarted server served. */
  restartChecks: number;
  lost: number;
  duplicated: number;
  replicasIdentical: boolean;
  integrity: string;
  storedMatchesReplicas: boolean;
  serverErrorLines: string[];
  kills: KillRecord[];
  durationMs: number;
  /** Human-readable descriptions of every violated property; empty when all hold. */
  problems: string[];
}

const tokenPattern = /<c(\d+)-n(\d+)>/g;

/** Tokens in a string, in order. */
export function tokensIn(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/** Every token in the document: the Y.Text `t` and the paragraphs of the XmlFragment `default`. */
function documentTokens(doc: Y.Doc): string[] {
  return [...tokensIn(doc.getText('t').toString()), ...tokensIn(doc.getXmlFragment('default').toString())];
}

function contentOf(doc: Y.Doc): string {
  return JSON.stringify({ t: doc.getText('t').toDelta(), x: doc.getXmlFragment('default').toJSON() });
}

function stateVectorOf(doc: Y.Doc): string {
  return JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]));
}

/** Tokens in the string contents of an update (what a client received in one message). */
function tokensInUpdate(update: Uint8Array): string[] {
  const found: string[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) found.push(...tokensIn(struct.content.str));
  }
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Client {
  index: number;
  rng: Prng;
  doc: Y.Doc;
  cookie: string | null;
  provider: WebsocketProvider | null;
  typed: string[];
}

export async function runCrashSafety(options: CrashSafetyOptions): Promise<CrashSafetyResult> {
  const started = performance.now();
  const clientCount = options.clients ?? 8;
  const [minLife, maxLife] = options.lifeMs ?? [150, 1500];
  const [minDelay, maxDelay] = options.typingDelayMs ?? [5, 30];
  const log = options.log ?? (() => undefined);
  // The kill schedule has a generator of its own, each client another: a seed replays both,
  // whatever the timing of the run.
  const killRng = new Prng(options.seed);
  const problems: string[] = [];
  const kills: KillRecord[] = [];
  const serverOutputs: string[] = [];
  const dataDir = makeDataDir();
  const env = { COMPACT_AFTER_UPDATES: '40', ...options.serverEnv };
  let proc: ServerProcess | null = await spawnServerProcess(dataDir, env);
  const clients: Client[] = [];
  /** Tokens a client received from another client (over the socket), whoever typed them. */
  const receivedByOthers = new Set<string>();
  let editing = true;
  const typingLoops: Promise<void>[] = [];
  let probeDoc: Y.Doc | null = null;

  try {
    const workshop = await buildWorkshop(proc.origin);
    // Four people, two tabs each: cookies repeat, as they do for one person in two tabs.
    const cookies = [workshop.owner.cookie];
    for (let i = 1; i < Math.min(4, clientCount); i++) cookies.push((await addMember(workshop, proc.origin, 'editor', `Schrijver ${i}`)).cookie);
    const { documentId } = workshop;

    for (let index = 0; index < clientCount; index++) {
      const doc = new Y.Doc();
      const client: Client = { index, rng: new Prng(options.seed + 1 + index), doc, cookie: cookies[index % cookies.length]!, provider: null, typed: [] };
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        // Local edits have origin null; everything the provider applies came over the socket.
        if (origin === null) return;
        for (const token of tokensInUpdate(update)) {
          if (!token.startsWith(`<c${index}-`)) receivedByOthers.add(token);
        }
      });
      clients.push(client);
    }

    const typeOne = (client: Client) => {
      const token = `<c${client.index}-n${client.typed.length}>`;
      client.typed.push(token);
      const { rng } = client;
      if (rng.chance(0.7)) {
        // Only at token boundaries, so no token is ever split by another.
        const text = client.doc.getText('t');
        const current = text.toString();
        const boundaries = [0];
        for (let i = current.indexOf('>'); i !== -1; i = current.indexOf('>', i + 1)) boundaries.push(i + 1);
        text.insert(rng.pick(boundaries), token);
      } else {
        const fragment = client.doc.getXmlFragment('default');
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(token)]);
        fragment.insert(rng.int(0, fragment.length), [paragraph]);
      }
    };
    const typingLoop = async (client: Client) => {
      while (editing) {
        await sleep(client.rng.int(minDelay, maxDelay));
        // Typing goes on while the server is down: a browser keeps the edits and re-sends them.
        if (editing) typeOne(client);
      }
    };

    const connectAll = (origin: string) => {
      for (const client of clients) {
        client.provider = connectProvider(documentId, { cookie: client.cookie, origin }, client.doc).provider;
      }
    };
    const disconnectAll = () => {
      for (const client of clients) {
        client.provider?.destroy();
        client.provider = null;
      }
    };

    connectAll(proc.origin);
    await Promise.all(clients.map((c) => waitForSync(c.provider!, 15_000)));
    for (const client of clients) typingLoops.push(typingLoop(client));

    for (let kill = 1; kill <= options.kills; kill++) {
      const lifeMs = killRng.int(minLife, maxLife);
      await sleep(lifeMs);
      await proc.kill9();
      serverOutputs.push(proc.output());
      if (proc.output().includes('stopping')) problems.push(`kill ${kill}: the server ran its shutdown code, so it was not a SIGKILL`);
      proc = null;
      // The old providers must not reach the next server: they are replaced, like a reloaded tab.
      disconnectAll();
      const durable = new Set(receivedByOthers);
      const integrityAfterKill = integrityCheck(dataDir);
      if (integrityAfterKill !== 'ok') problems.push(`kill ${kill}: integrity_check after the kill: ${integrityAfterKill}`);

      proc = await spawnServerProcess(dataDir, env);
      // What the restarted server serves, read before any editing client can re-send anything.
      const probe = connectProvider(documentId, { cookie: workshop.owner.cookie, origin: proc.origin });
      probeDoc = probe.doc;
      await waitForSync(probe.provider, 15_000);
      const served = documentTokens(probe.doc);
      probe.provider.destroy();
      probe.doc.destroy();
      probeDoc = null;
      const servedCounts = new Map<string, number>();
      for (const token of served) servedCounts.set(token, (servedCounts.get(token) ?? 0) + 1);
      const missing = [...durable].filter((token) => !servedCounts.has(token));
      const duplicated = [...servedCounts].filter(([, n]) => n > 1).map(([token]) => token);
      if (missing.length > 0) problems.push(`kill ${kill}: ${missing.length} tokens another client had received were not served after the restart: ${missing.slice(0, 10).join(' ')}`);
      if (duplicated.length > 0) problems.push(`kill ${kill}: tokens served twice after the restart: ${duplicated.slice(0, 10).join(' ')}`);
      kills.push({ kill, lifeMs, receivedByOthers: durable.size, missingAfterRestart: missing.length, duplicatedAfterRestart: duplicated.length, integrityAfterKill });
      log(`kill ${kill}/${options.kills} after ${lifeMs} ms: ${durable.size} tokens received by another client, ${missing.length} missing after restart, ${served.length} served`);

      connectAll(proc.origin);
    }

    // The last life: everyone back, a little more typing, then quiet and converge.
    await Promise.all(clients.map((c) => waitForSync(c.provider!, 15_000)));
    await sleep(300);
    editing = false;
    await Promise.all(typingLoops);
    let replicasIdentical = true;
    try {
      await eventually(() => {
        const reference = clients[0]!.doc;
        for (const client of clients) {
          if (!client.provider!.synced) throw new Error(`client ${client.index} not synced`);
          if (stateVectorOf(client.doc) !== stateVectorOf(reference)) throw new Error(`client ${client.index} state vector differs`);
          if (contentOf(client.doc) !== contentOf(reference)) throw new Error(`client ${client.index} content differs`);
        }
      }, 20_000);
    } catch (error) {
      replicasIdentical = false;
      problems.push(`replicas did not converge: ${(error as Error).message}`);
    }

    const fresh = connectProvider(documentId, { cookie: workshop.owner.cookie, origin: proc.origin });
    probeDoc = fresh.doc;
    await waitForSync(fresh.provider, 15_000);
    const reference = clients[0]!.doc;
    if (stateVectorOf(fresh.doc) !== stateVectorOf(reference) || contentOf(fresh.doc) !== contentOf(reference)) {
      replicasIdentical = false;
      problems.push('a fresh client does not see what the editing clients have');
    }
    fresh.provider.destroy();

    const finalCounts = new Map<string, number>();
    for (const token of documentTokens(fresh.doc)) finalCounts.set(token, (finalCounts.get(token) ?? 0) + 1);
    const typed = clients.flatMap((c) => c.typed);
    const lost = typed.filter((token) => !finalCounts.has(token));
    const durableLost = [...receivedByOthers].filter((token) => !finalCounts.has(token));
    const duplicated = [...finalCounts].filter(([, n]) => n > 1).map(([token]) => token);
    const invented = [...finalCounts.keys()].filter((token) => !typed.includes(token));
    if (lost.length > 0) problems.push(`${lost.length} typed tokens are missing at the end: ${lost.slice(0, 10).join(' ')}`);
    if (durableLost.length > 0) problems.push(`${durableLost.length} tokens another client had received are missing at the end`);
    if (duplicated.length > 0) problems.push(`${duplicated.length} tokens are present more than once: ${duplicated.slice(0, 10).join(' ')}`);
    if (invented.length > 0) problems.push(`${invented.length} tokens nobody typed: ${invented.slice(0, 10).join(' ')}`);

    disconnectAll();
    const exitCode = await proc.stop();
    serverOutputs.push(proc.output());
    proc = null;
    if (exitCode !== 0) problems.push(`the final SIGTERM stop exited with ${exitCode}`);
    const integrity = integrityCheck(dataDir);
    if (integrity !== 'ok') problems.push(`integrity_check after the final stop: ${integrity}`);
    const stored = loadStoredDoc(dataDir, documentId);
    const storedMatchesReplicas = contentOf(stored) === contentOf(fresh.doc) && stateVectorOf(stored) === stateVectorOf(fresh.doc);
    if (!storedMatchesReplicas) problems.push('the database after the final stop does not hold what the replicas hold');
    stored.destroy();
    fresh.doc.destroy();
    probeDoc = null;

    const serverErrorLines = serverOutputs
      .flatMap((output) => output.split('\n'))
      .filter((line) => /\[collab\].*(failed|refused)|Error|\[registers\]|\[attribution\]/.test(line));
    if (serverErrorLines.length > 0) problems.push(`the server logged errors: ${serverErrorLines.slice(0, 5).join(' | ')}`);

    return {
      seed: options.seed,
      killsSurvived: kills.length,
      tokensTyped: typed.length,
      tokensReceivedBeforeKill: Math.max(0, ...kills.map((k) => k.receivedByOthers)),
      restartChecks: kills.reduce((sum, k) => sum + k.receivedByOthers, 0),
      lost: lost.length,
      duplicated: duplicated.length,
      replicasIdentical,
      integrity,
      storedMatchesReplicas,
      serverErrorLines,
      kills,
      durationMs: Math.round(performance.now() - started),
      problems,
    };
  } finally {
    editing = false;
    await Promise.allSettled(typingLoops);
    for (const client of clients) {
      client.provider?.destroy();
      client.doc.destroy();
    }
    probeDoc?.destroy();
    if (proc && proc.child.exitCode === null && proc.child.signalCode === null) await proc.kill9();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One line of figures, as the test and the soak print them. */
export function describeCrashSafety(result: CrashSafetyResult): string {
  return (
    `crash safety (seed ${result.seed}): kills survived ${result.killsSurvived}, tokens typed ${result.tokensTyped}, ` +
    `tokens received by another client before a kill ${result.tokensReceivedBeforeKill} (${result.restartChecks} token checks against what the restarted server served, before the clients reconnected), ` +
    `lost ${result.lost}, duplicated ${result.duplicated}, replicas identical ${result.replicasIdentical}, ` +
    `integrity_check ${result.integrity}, ${result.durationMs} ms`
  );
}
