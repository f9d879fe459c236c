/**
 * Yjs-style random-operation convergence through the werktafel server, shared by the CI test
 * and the soak: N stock WebsocketProvider clients make random inserts, deletes and formatting
 * on a Y.Text, a Y.Array, a Y.Map and the XmlFragment `default` (paragraphs and structured
 * blocks, so the server's own observers run), disconnect and reconnect at random, and send
 * their frames with random delays, so the server receives them out of order (updates whose
 * dependencies have not arrived yet). At the end every replica, a fresh client and the stored
 * document must be identical.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { collabPath } from '../../shared/collab/protocol';
import { addMember, buildWorkshop } from './apiClient';
import { storedDoc, storedRows } from './collab';
import { Prng } from './prng';
import { connectProvider, eventually, waitForSync } from './providers';
import { startTestServer, type TestServer } from './startTestServer';

export interface RandomOpsOptions {
  seed: number;
  clients?: number;
  /** How long the clients make random operations, in ms. */
  durationMs: number;
  /** Largest random delay of one outgoing frame, in ms (frames overtake each other). */
  maxSendDelayMs?: number;
  log?: (line: string) => void;
  /** On a mismatch, the replicas' and the stored bytes are written here for a closer look. */
  dumpDir?: string;
}

export interface RandomOpsResult {
  seed: number;
  operations: Record<string, number>;
  disconnects: number;
  framesSent: number;
  /** Frames that reached the wire before a frame the same client had sent earlier. */
  framesReordered: number;
  converged: boolean;
  freshClientMatches: boolean;
  storedMatches: boolean;
  finalTextLength: number;
  durationMs: number;
  problems: string[];
}

interface SendStats {
  sent: number;
  reordered: number;
}

/** A `ws` socket that sends each frame after a random delay, so frames can overtake each other. */
function jitterySocketClass(cookie: string | null, origin: string, rng: Prng, maxDelayMs: number, stats: SendStats) {
  return class extends WebSocket {
    private seq = 0;
    private lastWritten = 0;

    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { origin, ...(cookie ? { cookie } : {}) } });
    }

    override send(data: unknown): void {
      const seq = ++this.seq;
      setTimeout(() => {
        if (this.readyState !== WebSocket.OPEN) return;
        stats.sent += 1;
        if (seq < this.lastWritten) stats.reordered += 1;
        this.lastWritten = Math.max(this.lastWritten, seq);
        super.send(data as Buffer);
      }, rng.int(0, maxDelayMs));
    }
  };
}

function stateOf(doc: Y.Doc): string {
  return JSON.stringify(partsOf(doc));
}

function partsOf(doc: Y.Doc) {
  return {
    t: doc.getText('t').toDelta(),
    a: doc.getArray('a').toJSON(),
    // Sorted: a Y.Map's iteration order follows the order its entries were integrated locally.
    m: Object.entries(doc.getMap('m').toJSON()).sort(([p], [q]) => p.localeCompare(q)),
    x: doc.getXmlFragment('default').toString(),
    sv: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((p, q) => p[0] - q[0]),
  };
}

/**
 * What differs between a replica and the reference, named part by part, so a failure says
 * whether items are missing (the state vectors differ) or only deletions or formatting.
 */
export function describeDifference(doc: Y.Doc, reference: Y.Doc): string {
  const mine = partsOf(doc);
  const theirs = partsOf(reference);
  const parts = (Object.keys(mine) as (keyof typeof mine)[]).filter((key) => JSON.stringify(mine[key]) !== JSON.stringify(theirs[key]));
  const sv = new Map(mine.sv);
  const missing = theirs.sv.filter(([client, clock]) => (sv.get(client) ?? 0) < clock).map(([client, clock]) => `${client}: ${sv.get(client) ?? 0} < ${clock}`);
  const pending = doc.store.pendingStructs || doc.store.pendingDs ? ', holds pending updates' : '';
  return `differs in ${parts.join(', ') || 'nothing'}${missing.length > 0 ? `; behind the reference at ${missing.join(', ')}` : ''}${pending}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runRandomOps(options: RandomOpsOptions): Promise<RandomOpsResult> {
  const started = performance.now();
  const clientCount = options.clients ?? 5;
  const maxDelay = options.maxSendDelayMs ?? 25;
  const problems: string[] = [];
  const operations: Record<string, number> = {};
  const stats: SendStats = { sent: 0, reordered: 0 };
  let disconnects = 0;
  let server: TestServer | null = null;
  const docs: Y.Doc[] = [];
  const providers: WebsocketProvider[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const count = (op: string) => (operations[op] = (operations[op] ?? 0) + 1);

  try {
    // A message rate far above typing, as for the random operations of a machine.
    server = await startTestServer({ MESSAGE_RATE_LIMIT: '0', COMPACT_AFTER_UPDATES: '200' });
    const { origin } = server;
    const workshop = await buildWorkshop(origin);
    const cookies = [workshop.owner.cookie];
    for (let i = 1; i < clientCount; i++) cookies.push((await addMember(workshop, origin, 'editor', `Schrijver ${i}`)).cookie);
    const { documentId } = workshop;

    const clients = cookies.map((cookie, index) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(origin.replace(/^http/, 'ws') + collabPath, documentId, doc, {
        WebSocketPolyfill: jitterySocketClass(cookie, origin, new Prng(options.seed + 1 + index), maxDelay, stats) as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      docs.push(doc);
      providers.push(provider);
      return { index, doc, provider, rng: new Prng(options.seed + 100 + index) };
    });
    await Promise.all(clients.map((c) => waitForSync(c.provider, 15_000)));

    const randomWord = (r: Prng) => r.pick(['plan', ' ', 'gemeente', 'bewoner', '\n', 'é', '😀', 'actie', 'x']).repeat(r.int(1, 3));
    /**
     * Positions between the two halves of a surrogate pair (an emoji) are left alone: an editor
     * never splits one, and Yjs does not converge on the halves (it sends them as U+FFFD).
     */
    const boundary = (content: string, index: number) => {
      const code = content.charCodeAt(index - 1);
      return index > 0 && index < content.length && code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
    };
    const range = (r: Prng, content: string, maxLength: number): [number, number] => {
      const at = boundary(content, r.int(0, content.length - 1));
      const end = boundary(content, Math.min(content.length, at + r.int(1, maxLength)));
      return [at, Math.max(0, end - at)];
    };
    const paragraphs = (doc: Y.Doc) => doc.getXmlFragment('default').toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);

    const operate = (client: (typeof clients)[number]) => {
      const { doc, rng: r } = client;
      const text = doc.getText('t');
      const array = doc.getArray<unknown>('a');
      const map = doc.getMap<unknown>('m');
      const fragment = doc.getXmlFragment('default');
      const op = r.weighted([
        [6, 'textInsert'],
        [3, 'textDelete'],
        [2, 'textFormat'],
        [2, 'arrayInsert'],
        [1, 'arrayDelete'],
        [2, 'mapSet'],
        [1, 'mapDelete'],
        [2, 'paragraphInsert'],
        [3, 'paragraphTextEdit'],
        [1, 'blockInsert'],
        [1, 'blockAttribute'],
        [1, 'paragraphDelete'],
        [1, 'transactionOfSeveral'],
      ] as const);
      count(op);
      switch (op) {
        case 'textInsert':
          text.insert(boundary(text.toString(), r.int(0, text.length)), randomWord(r), r.chance(0.3) ? { bold: true } : undefined);
          break;
        case 'textDelete':
          if (text.length > 0) text.delete(...range(r, text.toString(), 8));
          break;
        case 'textFormat':
          if (text.length > 0) text.format(...range(r, text.toString(), 10), r.pick([{ bold: true }, { italic: true }, { bold: null }, { link: 'https://werktafel.nl' }]));
          break;
        case 'arrayInsert':
          array.insert(r.int(0, array.length), [r.int(0, 1000), randomWord(r), { k: r.int(0, 9) }].slice(0, r.int(1, 3)));
          break;
        case 'arrayDelete':
          if (array.length > 0) {
            const at = r.int(0, array.length - 1);
            array.delete(at, r.int(1, Math.min(3, array.length - at)));
          }
          break;
        case 'mapSet':
          map.set(`k${r.int(0, 9)}`, r.pick([r.int(0, 100), randomWord(r), [1, 2], { genest: r.chance(0.5) }, null]));
          break;
        case 'mapDelete':
          map.delete(`k${r.int(0, 9)}`);
          break;
        case 'paragraphInsert': {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(randomWord(r))]);
          fragment.insert(r.int(0, fragment.length), [paragraph]);
          break;
        }
        case 'paragraphTextEdit': {
          const candidates = paragraphs(doc).flatMap((p) => p.toArray().filter((n): n is Y.XmlText => n instanceof Y.XmlText));
          if (candidates.length === 0) break;
          const target = r.pick(candidates);
          const content = target.toString();
          if (r.chance(0.7) || target.length === 0) target.insert(boundary(content, r.int(0, target.length)), randomWord(r));
          else target.delete(...range(r, content, 2));
          break;
        }
        case 'blockInsert': {
          const block = new Y.XmlElement('action');
          block.setAttribute('id', `actie-${client.index}-${r.int(0, 1e9)}`);
          block.setAttribute('status', 'open');
          block.setAttribute('funding', 'unknown');
          block.insert(0, [new Y.XmlText(randomWord(r))]);
          fragment.insert(r.int(0, fragment.length), [block]);
          break;
        }
        case 'blockAttribute': {
          const blocks = paragraphs(doc).filter((n) => n.nodeName === 'action');
          if (blocks.length > 0) r.pick(blocks).setAttribute('status', r.pick(['open', 'in_progress', 'done', 'blocked']));
          break;
        }
        case 'paragraphDelete':
          if (fragment.length > 0) fragment.delete(r.int(0, fragment.length - 1), 1);
          break;
        case 'transactionOfSeveral':
          doc.transact(() => {
            text.insert(0, randomWord(r));
            map.set('laatst', client.index);
            if (fragment.length > 0) fragment.delete(0, 1);
            array.push([client.index]);
          });
          break;
      }
    };

    const deadline = performance.now() + options.durationMs;
    const loops = clients.map(async (client) => {
      while (performance.now() < deadline) {
        await sleep(client.rng.int(0, 15));
        if (client.provider.shouldConnect && client.rng.chance(0.01)) {
          // Offline for a moment; the edits made meanwhile are sent on reconnect.
          client.provider.disconnect();
          disconnects += 1;
          const timer = setTimeout(() => {
            timers.delete(timer);
            client.provider.connect();
          }, client.rng.int(20, 600));
          timers.add(timer);
        }
        const burst = client.rng.weighted([
          [8, 1],
          [2, client.rng.int(2, 6)],
        ] as const);
        for (let i = 0; i < burst; i++) operate(client);
      }
    });
    await Promise.all(loops);
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect();

    let converged = true;
    try {
      await eventually(
        async () => {
          // The server's own document is the reference: every replica agreeing with each
          // other is not enough while a change of the server's (a compensation) is on its way.
          const reference = await server!.registry.withRoom(documentId, (room) => stateOf(room.doc));
          for (const client of clients) {
            if (!client.provider.synced) throw new Error(`client ${client.index} not synced`);
            if (stateOf(client.doc) !== reference) throw new Error(`client ${client.index} differs from the server`);
          }
        },
        30_000,
        50,
      );
    } catch (error) {
      converged = false;
      problems.push(`the clients did not converge: ${(error as Error).message}`);
    }
    const reference = stateOf(clients[0]!.doc);
    const referenceUpdate = Y.encodeStateAsUpdate(clients[0]!.doc);

    const fresh = connectProvider(documentId, { cookie: workshop.owner.cookie, origin });
    docs.push(fresh.doc);
    providers.push(fresh.provider);
    await waitForSync(fresh.provider, 15_000);
    const freshClientMatches = stateOf(fresh.doc) === reference;
    if (!freshClientMatches) problems.push(`a sixth, fresh client sees another state: ${describeDifference(fresh.doc, clients[0]!.doc)}`);

    for (const provider of providers.splice(0)) provider.destroy();
    await eventually(() => {
      if (server!.registry.roomCount() !== 0) throw new Error('room still open');
    }, 10_000);
    const stored = storedDoc(server, documentId);
    const storedMatches = stateOf(stored) === reference;
    if ((!storedMatches || !freshClientMatches) && options.dumpDir) {
      mkdirSync(options.dumpDir, { recursive: true });
      writeFileSync(join(options.dumpDir, 'reference.bin'), referenceUpdate);
      writeFileSync(join(options.dumpDir, 'client0-now.bin'), Y.encodeStateAsUpdate(clients[0]!.doc));
      writeFileSync(join(options.dumpDir, 'clients.json'), JSON.stringify(clients.map((c) => c.doc.clientID)));
      writeFileSync(join(options.dumpDir, 'fresh.bin'), Y.encodeStateAsUpdate(fresh.doc));
      writeFileSync(join(options.dumpDir, 'stored.json'), JSON.stringify(storedRows(server, documentId)));
    }
    if (!storedMatches) problems.push(`the stored document differs from the converged replicas: ${describeDifference(stored, clients[0]!.doc)}`);
    stored.destroy();

    return {
      seed: options.seed,
      operations,
      disconnects,
      framesSent: stats.sent,
      framesReordered: stats.reordered,
      converged,
      freshClientMatches,
      storedMatches,
      finalTextLength: clients[0]!.doc.getText('t').length,
      durationMs: Math.round(performance.now() - started),
      problems,
    };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    for (const provider of providers) provider.destroy();
    for (const doc of docs) doc.destroy();
    await server?.stop();
  }
}

export function describeRandomOps(result: RandomOpsResult): string {
  const total = Object.values(result.operations).reduce((a, b) => a + b, 0);
  return (
    `random operations (seed ${result.seed}): ${total} operations ${JSON.stringify(result.operations)}, ` +
    `${result.disconnects} disconnects, ${result.framesSent} frames sent of which ${result.framesReordered} overtook an earlier one, ` +
    `converged ${result.converged}, fresh client matches ${result.freshClientMatches}, stored matches ${result.storedMatches}, ${result.durationMs} ms`
  );
}
