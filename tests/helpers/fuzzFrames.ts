/**
 * Frame generators for fuzzing the y-websocket protocol of werktafel: random bytes, truncated
 * varints, huge declared lengths, wrong message types, sync envelopes around garbage, mutated
 * real updates, hostile but well-formed updates, awareness that is oversized, broken or
 * claims thousands of client ids, empty and text frames.
 *
 * `classifyFrame` says what the server may legitimately do with a frame: a frame whose update
 * Yjs can decode is a real edit (any editor may send one), so a test that wants the honest
 * document unchanged must send those to another document; everything else must be refused.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { decodeClientFrame, isEmptyUpdate } from '../../server/collab/codec';
import { writeJsonToDoc } from '../../shared/editor/schema';
import { buildTemplate, templateNames } from '../../shared/templates';
import { MessageType, SyncMessageType } from '../../shared/collab/protocol';
import type { Prng } from './prng';

export interface FuzzFrame {
  kind: FrameKind;
  data: Uint8Array;
  /** Sent as a WebSocket text frame (the bytes may be invalid UTF-8 on purpose). */
  text: boolean;
}

export const frameKinds = [
  'randomBytes',
  'emptyFrame',
  'textFrame',
  'truncatedVarint',
  'hugeDeclaredLength',
  'wrongMessageType',
  'garbageInSyncEnvelope',
  'structuredGarbageUpdate',
  'mutatedRealUpdate',
  'validSyncStep1',
  'garbageSyncStep1',
  'garbageAwareness',
  'validAwareness',
  'oversizedAwareness',
  'thousandsOfClientIdsAwareness',
  'thousandsOfClientIdsBrokenAwareness',
  'awarenessRemovals',
  'queryAwareness',
  'authMessage',
  'emptyUpdate',
  'hostileValidUpdate',
  'deeplyNestedUpdate',
  'overFrameLimit',
] as const;
export type FrameKind = (typeof frameKinds)[number];

const weights: Record<FrameKind, number> = {
  randomBytes: 6,
  emptyFrame: 1,
  textFrame: 3,
  truncatedVarint: 5,
  hugeDeclaredLength: 5,
  wrongMessageType: 5,
  garbageInSyncEnvelope: 8,
  structuredGarbageUpdate: 6,
  mutatedRealUpdate: 18,
  validSyncStep1: 4,
  garbageSyncStep1: 4,
  garbageAwareness: 4,
  validAwareness: 6,
  oversizedAwareness: 1.5,
  thousandsOfClientIdsAwareness: 1.5,
  thousandsOfClientIdsBrokenAwareness: 1.5,
  awarenessRemovals: 2,
  queryAwareness: 3,
  authMessage: 2,
  emptyUpdate: 2,
  hostileValidUpdate: 5,
  deeplyNestedUpdate: 0.3,
  overFrameLimit: 0.2,
};
const weightedKinds = frameKinds.map((kind) => [weights[kind], kind] as const);

export interface FuzzLimits {
  /** The server's MAX_FRAME_BYTES. */
  maxFrameBytes: number;
  /** The server's awareness size limit (bytes of one awareness update). */
  maxAwarenessBytes: number;
}

export interface Corpus {
  updates: Uint8Array[];
  stateVectors: Uint8Array[];
}

function build(write: (e: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const syncFrame = (syncType: number, payload: Uint8Array) =>
  build((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, syncType);
    encoding.writeVarUint8Array(e, payload);
  });

export const awarenessFrame = (payload: Uint8Array) =>
  build((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, payload);
  });

/** An awareness update from raw entries (no validation: states may be any string). */
export function awarenessPayload(entries: { clientId: number; clock: number; state: string }[]): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(e, entry.clientId);
      encoding.writeVarUint(e, entry.clock);
      encoding.writeVarString(e, entry.state);
    }
  });
}

/** Realistic updates: the templates, and the incremental updates of a short editing session. */
export function buildCorpus(rng: Prng): Corpus {
  const updates: Uint8Array[] = [];
  const stateVectors: Uint8Array[] = [];
  let n = 0;
  const newId = () => `blok-${n++}`;
  for (const name of templateNames) {
    const doc = new Y.Doc();
    writeJsonToDoc(doc, buildTemplate(name, { newId, userId: 'u1', partyId: 'p1', title: `Titel ${name}` }));
    updates.push(Y.encodeStateAsUpdate(doc));
    stateVectors.push(Y.encodeStateVector(doc));
    doc.destroy();
  }
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('t');
  const fragment = doc.getXmlFragment('default');
  for (let i = 0; i < 60; i++) {
    const roll = rng.int(0, 5);
    if (roll === 0 || text.length === 0) text.insert(rng.int(0, text.length), `woord${i} `);
    else if (roll === 1) text.delete(rng.int(0, text.length - 1), 1);
    else if (roll === 2) text.format(rng.int(0, text.length - 1), 3, { bold: true });
    else if (roll === 3) {
      const block = new Y.XmlElement(rng.pick(['commitment', 'action', 'paragraph', 'criterion']));
      fragment.insert(rng.int(0, fragment.length), [block]);
      block.setAttribute('id', newId());
      block.setAttribute('status', rng.pick(['proposed', 'open', 'confirmed']));
      block.insert(0, [new Y.XmlText(`inhoud ${i}`)]);
    } else if (roll === 4) doc.getMap('m').set(`k${i % 5}`, { waarde: i, lijst: [1, 'twee', null] });
    else doc.getArray('a').insert(0, [i, `x${i}`]);
    if (i % 10 === 0) stateVectors.push(Y.encodeStateVector(doc));
  }
  updates.push(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return { updates, stateVectors };
}

const interestingBytes = [0x00, 0x01, 0x02, 0x07, 0x08, 0x09, 0x0a, 0x7f, 0x80, 0x81, 0xfe, 0xff];

/** Byte-level mutations of a real update. */
function mutate(rng: Prng, source: Uint8Array, corpus: Corpus): Uint8Array {
  let bytes = Array.from(source);
  const rounds = rng.weighted([
    [6, 1],
    [3, 2],
    [2, 4],
    [1, 12],
  ] as const);
  for (let r = 0; r < rounds; r++) {
    const at = bytes.length === 0 ? 0 : rng.int(0, bytes.length - 1);
    switch (rng.int(0, 8)) {
      case 0:
        bytes[at] = (bytes[at] ?? 0) ^ (1 << rng.int(0, 7));
        break;
      case 1:
        bytes[at] = rng.pick(interestingBytes);
        break;
      case 2:
        bytes.splice(at, 0, rng.int(0, 255));
        break;
      case 3:
        bytes.splice(at, rng.int(1, 4));
        break;
      case 4:
        bytes = bytes.slice(0, at);
        break;
      case 5: {
        const length = rng.int(1, 16);
        bytes.splice(at, 0, ...bytes.slice(at, at + length));
        break;
      }
      case 6: {
        const other = rng.pick(corpus.updates);
        const from = rng.int(0, Math.max(0, other.length - 1));
        bytes.splice(at, rng.int(0, 8), ...other.slice(from, from + rng.int(1, 32)));
        break;
      }
      case 7:
        // A varint that claims a huge number where a small one was.
        bytes.splice(at, 1, 0xff, 0xff, 0xff, 0xff, rng.pick([0x0f, 0x7f, 0xff, 0x01]));
        break;
      default:
        bytes[at] = rng.int(0, 255);
    }
  }
  return Uint8Array.from(bytes);
}

/** A well-formed but random-looking v1 update header followed by random struct bytes. */
function structuredGarbage(rng: Prng): Uint8Array {
  return build((e) => {
    const clients = rng.int(0, 3);
    encoding.writeVarUint(e, clients);
    for (let c = 0; c < clients; c++) {
      const structs = rng.weighted([
        [5, rng.int(1, 4)],
        [1, rng.int(0, 2 ** 31)],
      ] as const);
      encoding.writeVarUint(e, structs);
      encoding.writeVarUint(e, rng.int(0, 2 ** 32 - 1));
      encoding.writeVarUint(e, rng.weighted([
        [3, 0],
        [1, rng.int(0, 2 ** 52)],
      ] as const));
      for (let s = 0; s < Math.min(structs, 4); s++) {
        encoding.writeUint8(e, rng.int(0, 255));
        encoding.writeUint8Array(e, rng.bytes(rng.int(0, 12)));
      }
    }
    if (rng.chance(0.7)) {
      // A delete set: client count, then ranges.
      const dsClients = rng.int(0, 2);
      encoding.writeVarUint(e, dsClients);
      for (let c = 0; c < dsClients; c++) {
        encoding.writeVarUint(e, rng.int(0, 2 ** 32 - 1));
        const ranges = rng.int(0, 3);
        encoding.writeVarUint(e, ranges);
        for (let r = 0; r < ranges; r++) {
          encoding.writeVarUint(e, rng.int(0, 2 ** 40));
          encoding.writeVarUint(e, rng.int(0, 2 ** 40));
        }
      }
    }
  });
}

/**
 * Paragraphs nested `depth` deep in the XmlFragment `default`, in one update (encoded directly,
 * item by item: each paragraph's parent is the previous one). Recursive walks over the tree
 * overflow the stack somewhere past ten thousand levels.
 */
export function deeplyNestedUpdate(clientId: number, depth: number): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, 1); // one client
    encoding.writeVarUint(e, depth); // structs
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, 0); // first clock
    for (let i = 0; i < depth; i++) {
      encoding.writeUint8(e, 7); // ContentType, no origins: parent follows
      if (i === 0) {
        encoding.writeVarUint(e, 1); // parent: root type by name
        encoding.writeVarString(e, 'default');
      } else {
        encoding.writeVarUint(e, 0); // parent: an item, by id
        encoding.writeVarUint(e, clientId);
        encoding.writeVarUint(e, i - 1);
      }
      encoding.writeVarUint(e, 3); // type ref: XmlElement
      encoding.writeVarString(e, 'paragraph');
    }
    encoding.writeVarUint(e, 0); // empty delete set
  });
}

/** A value of any type Yjs can store, favouring the awkward ones. */
function weirdValue(rng: Prng, depth = 0): unknown {
  switch (rng.int(0, 13)) {
    case 0:
      return BigInt(rng.int(-1000, 1000)) * 1_000_000_000_000n;
    case 1:
      return rng.bytes(rng.int(0, 40));
    case 2:
      return depth > 3 ? null : { nested: weirdValue(rng, depth + 1), list: [weirdValue(rng, depth + 1)] };
    case 3:
      return depth > 3 ? [] : [weirdValue(rng, depth + 1), weirdValue(rng, depth + 1)];
    case 4:
      return null;
    case 5:
      return undefined;
    case 6:
      return 'x'.repeat(rng.int(0, 3000));
    case 7:
      return rng.pick([Number.MAX_SAFE_INTEGER, -0, 1e308, -1e-308, Number.NaN, Number.POSITIVE_INFINITY, 0.1]);
    case 8:
      return rng.chance(0.5);
    case 9:
      return '';
    case 10:
      return rng.pick(['proposed', 'confirmed', 'withdrawn', 'open', 'done', '2027-02-30', '9999-99-99', 'javascript:alert(1)', '<script>']);
    case 11:
      return rng.string(40);
    default:
      return rng.int(-(2 ** 31), 2 ** 31);
  }
}

const nodeNames = ['commitment', 'action', 'reflection', 'criterion', 'paragraph', 'heading', 'table', 'tableRow', 'tableCell', 'bulletList', 'x', ''];
const attrNames = ['id', 'status', 'partyId', 'confirmedBy', 'confirmedAt', 'due', 'weight', 'kind', 'category', 'funding', 'ownerPartyId', 'date', 'createdBy', '__proto__', 'constructor'];

/** A well-formed update with hostile content: weird attribute values, deep nesting, subdocuments, foreign delete sets, missing dependencies. */
export function hostileValidUpdate(rng: Prng): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = rng.int(1, 2 ** 32 - 1);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  try {
    switch (rng.int(0, 8)) {
      case 0:
      case 1: {
        const fragment = doc.getXmlFragment('default');
        const block = new Y.XmlElement(rng.pick(nodeNames));
        fragment.insert(0, [block]);
        for (let i = rng.int(0, 6); i > 0; i--) block.setAttribute(rng.pick(attrNames), weirdValue(rng) as string);
        if (rng.chance(0.5)) block.insert(0, [new Y.XmlText(rng.string(30))]);
        break;
      }
      case 2: {
        // Deep nesting.
        let parent: Y.XmlElement | Y.XmlFragment = doc.getXmlFragment('default');
        for (let depth = rng.int(10, 200); depth > 0; depth--) {
          const child: Y.XmlElement = new Y.XmlElement(rng.pick(nodeNames));
          parent.insert(0, [child]);
          parent = child;
        }
        break;
      }
      case 3: {
        const text = doc.getText(rng.pick(['t', 'default', 'm']));
        text.insert(0, rng.string(50) || 'x');
        text.insertEmbed(0, { weird: rng.string(10) });
        text.format(0, 1, { [rng.pick(['bold', 'link', 'href', '__proto__'])]: rng.pick([true, null, 'javascript:alert(1)', 7, { a: 1 }]) });
        break;
      }
      case 4: {
        const map = doc.getMap(rng.pick(['m', 'default', 't', 'meta']));
        map.set(rng.string(10), weirdValue(rng));
        if (rng.chance(0.3)) map.set('sub', new Y.Doc({ guid: rng.string(12) }));
        break;
      }
      case 5: {
        doc.getArray(rng.pick(['a', 'default'])).insert(0, [weirdValue(rng), weirdValue(rng)]);
        break;
      }
      case 6: {
        // Missing dependency: only the second of two updates (it waits as "pending" forever).
        const text = doc.getText('t');
        text.insert(0, 'eerste ');
        text.insert(7, 'tweede');
        return updates[1] ?? updates[0]!;
      }
      case 7: {
        // Only a delete set, for random clients and huge ranges.
        return build((e) => {
          encoding.writeVarUint(e, 0);
          const clients = rng.int(1, 3);
          encoding.writeVarUint(e, clients);
          for (let c = 0; c < clients; c++) {
            encoding.writeVarUint(e, rng.int(0, 2 ** 32 - 1));
            encoding.writeVarUint(e, 1);
            encoding.writeVarUint(e, rng.int(0, 1000));
            encoding.writeVarUint(e, rng.pick([1, 1000, 2 ** 40, 2 ** 53 - 1]));
          }
        });
      }
      default: {
        // Thousands of clients in one update, each typing one character after the previous
        // client's (encoded directly: building it through Y.Docs would stall the fuzzer's own
        // loop). Not thousands of inserts at one position, nor thousands of root types: those
        // are known superlinear paths in Yjs itself, probed and reported by the soak.
        return build((e) => {
          const clients = rng.int(100, 500);
          const base = rng.int(1, 2 ** 31);
          encoding.writeVarUint(e, clients);
          for (let i = 0; i < clients; i++) {
            encoding.writeVarUint(e, 1); // structs of this client
            encoding.writeVarUint(e, base + i); // client
            encoding.writeVarUint(e, 0); // clock
            if (i === 0) {
              encoding.writeUint8(e, 4); // info: ContentString, no origins: parent follows
              encoding.writeVarUint(e, 1); // parent is a root type, by name
              encoding.writeVarString(e, 't');
            } else {
              encoding.writeUint8(e, 4 | 0x80); // info: ContentString with a left origin
              encoding.writeVarUint(e, base + i - 1); // origin: the previous client's character
              encoding.writeVarUint(e, 0);
            }
            encoding.writeVarString(e, 'c');
          }
          encoding.writeVarUint(e, 0); // empty delete set
        });
      }
    }
    return Y.encodeStateAsUpdate(doc);
  } catch {
    // Some values cannot be encoded at all (a BigInt in a format attribute): a plain insert instead.
    const fallback = new Y.Doc();
    fallback.getText('t').insert(0, 'x');
    return Y.encodeStateAsUpdate(fallback);
  } finally {
    doc.destroy();
  }
}

function randomJsonState(rng: Prng): string {
  return JSON.stringify({ user: { name: rng.string(20), color: '#' + rng.int(0, 0xffffff).toString(16) }, cursor: rng.chance(0.5) ? null : { anchor: rng.int(0, 100) } });
}

export function generateFrame(rng: Prng, corpus: Corpus, limits: FuzzLimits): FuzzFrame {
  const kind = rng.weighted(weightedKinds);
  return { kind, ...generateOfKind(kind, rng, corpus, limits) };
}

function generateOfKind(kind: FrameKind, rng: Prng, corpus: Corpus, limits: FuzzLimits): { data: Uint8Array; text: boolean } {
  const binary = (data: Uint8Array) => ({ data, text: false });
  switch (kind) {
    case 'randomBytes':
      return binary(rng.bytes(rng.weighted([
        [8, rng.int(1, 40)],
        [1, rng.int(40, 4000)],
      ] as const)));
    case 'emptyFrame':
      return binary(new Uint8Array(0));
    case 'textFrame': {
      const roll = rng.int(0, 3);
      if (roll === 0) return { data: new TextEncoder().encode(rng.string(200)), text: true };
      if (roll === 1) return { data: new TextEncoder().encode(JSON.stringify({ type: 'sync', update: rng.string(20) })), text: true };
      // Arbitrary bytes in a text frame: often invalid UTF-8, which the socket layer refuses.
      if (roll === 2) return { data: rng.bytes(rng.int(1, 60)), text: true };
      return { data: syncFrame(SyncMessageType.update, rng.pick(corpus.updates)), text: true };
    }
    case 'truncatedVarint': {
      const prefix = rng.pick([[], [MessageType.sync], [MessageType.sync, SyncMessageType.update], [MessageType.awareness], [MessageType.sync, SyncMessageType.step1]]);
      const continuation = Array.from({ length: rng.int(1, 11) }, () => 0x80 | rng.int(0, 127));
      return binary(Uint8Array.from([...prefix, ...continuation]));
    }
    case 'hugeDeclaredLength': {
      const length = rng.pick([2 ** 28, 2 ** 31, 2 ** 32 + 5, 2 ** 53 - 1, rng.int(100, 100_000)]);
      const type = rng.pick([MessageType.sync, MessageType.awareness]);
      const data = build((e) => {
        encoding.writeVarUint(e, type);
        if (type === MessageType.sync) encoding.writeVarUint(e, rng.int(0, 2));
        encoding.writeVarUint(e, length);
        encoding.writeUint8Array(e, rng.bytes(rng.int(0, 30)));
      });
      // Occasionally a varint with more than 53 bits.
      return binary(rng.chance(0.2) ? Uint8Array.from([MessageType.sync, SyncMessageType.update, ...new Array(10).fill(0xff), 0x01]) : data);
    }
    case 'wrongMessageType': {
      const type = rng.pick([4, 5, 99, MessageType.stored, 101, 127, 128, 2 ** 31, 2 ** 53 - 1, rng.int(4, 10_000)]);
      return binary(
        rng.chance(0.5)
          ? build((e) => {
              encoding.writeVarUint(e, type);
              encoding.writeUint8Array(e, rng.bytes(rng.int(0, 20)));
            })
          : build((e) => {
              encoding.writeVarUint(e, MessageType.sync);
              encoding.writeVarUint(e, rng.pick([3, 4, 100, 2 ** 31, rng.int(3, 1000)]));
              encoding.writeVarUint8Array(e, rng.pick(corpus.updates));
            }),
      );
    }
    case 'garbageInSyncEnvelope':
      return binary(syncFrame(rng.pick([SyncMessageType.step2, SyncMessageType.update]), rng.bytes(rng.int(1, 300))));
    case 'structuredGarbageUpdate':
      return binary(syncFrame(rng.pick([SyncMessageType.step2, SyncMessageType.update]), structuredGarbage(rng)));
    case 'mutatedRealUpdate': {
      const mutated = mutate(rng, rng.pick(corpus.updates), corpus);
      // Sometimes the envelope is cut instead: the declared length no longer matches.
      const frame = syncFrame(rng.pick([SyncMessageType.step2, SyncMessageType.update]), mutated);
      return binary(rng.chance(0.1) ? frame.slice(0, rng.int(1, frame.length)) : frame);
    }
    case 'validSyncStep1': {
      const sv = rng.chance(0.5)
        ? rng.pick(corpus.stateVectors)
        : build((e) => {
            const clients = rng.int(0, 50);
            encoding.writeVarUint(e, clients);
            for (let i = 0; i < clients; i++) {
              encoding.writeVarUint(e, rng.int(0, 2 ** 32 - 1));
              encoding.writeVarUint(e, rng.pick([0, 1, rng.int(0, 1000), 2 ** 53 - 1]));
            }
          });
      return binary(syncFrame(SyncMessageType.step1, sv));
    }
    case 'garbageSyncStep1':
      return binary(syncFrame(SyncMessageType.step1, rng.chance(0.5) ? rng.bytes(rng.int(1, 60)) : mutate(rng, rng.pick(corpus.stateVectors), corpus)));
    case 'garbageAwareness':
      return binary(awarenessFrame(rng.chance(0.5) ? rng.bytes(rng.int(1, 200)) : mutate(rng, awarenessPayload([{ clientId: rng.int(1, 2 ** 32 - 1), clock: 1, state: randomJsonState(rng) }]), corpus)));
    case 'validAwareness': {
      const count = rng.int(1, 4);
      const entries = Array.from({ length: count }, () => ({ clientId: rng.int(1, 2 ** 32 - 1), clock: rng.int(0, 2 ** 32), state: randomJsonState(rng) }));
      return binary(awarenessFrame(awarenessPayload(entries)));
    }
    case 'oversizedAwareness': {
      const state = JSON.stringify({ blob: 'x'.repeat(limits.maxAwarenessBytes + rng.int(1, 10_000)) });
      return binary(awarenessFrame(awarenessPayload([{ clientId: rng.int(1, 2 ** 32 - 1), clock: 1, state }])));
    }
    case 'thousandsOfClientIdsAwareness':
    case 'thousandsOfClientIdsBrokenAwareness': {
      const count = rng.int(1000, 5000);
      const base = rng.int(1, 2 ** 31);
      const entries = Array.from({ length: count }, (_, i) => ({ clientId: base + i, clock: 1, state: rng.chance(0.5) ? '{}' : 'null' }));
      // The broken variant ends in a state that is not JSON, after thousands that are.
      if (kind === 'thousandsOfClientIdsBrokenAwareness') entries.push({ clientId: base + count, clock: 1, state: '{"niet": json' });
      return binary(awarenessFrame(awarenessPayload(entries)));
    }
    case 'awarenessRemovals': {
      const entries = Array.from({ length: rng.int(1, 4) }, () => ({ clientId: rng.int(1, 2 ** 32 - 1), clock: rng.int(0, 2 ** 32), state: 'null' }));
      return binary(awarenessFrame(awarenessPayload(entries)));
    }
    case 'queryAwareness':
      return binary(Uint8Array.from([MessageType.queryAwareness, ...(rng.chance(0.3) ? rng.bytes(rng.int(1, 10)) : [])]));
    case 'authMessage':
      return binary(
        build((e) => {
          encoding.writeVarUint(e, MessageType.auth);
          encoding.writeVarUint(e, rng.int(0, 3));
          encoding.writeVarString(e, rng.string(50));
        }),
      );
    case 'emptyUpdate':
      return binary(syncFrame(rng.pick([SyncMessageType.step2, SyncMessageType.update]), Uint8Array.from([0, 0])));
    case 'hostileValidUpdate':
      return binary(syncFrame(rng.pick([SyncMessageType.step2, SyncMessageType.update]), hostileValidUpdate(rng)));
    case 'deeplyNestedUpdate':
      return binary(syncFrame(SyncMessageType.update, deeplyNestedUpdate(rng.int(1, 2 ** 32 - 1), rng.int(1_000, 15_000))));
    case 'overFrameLimit':
      return binary(syncFrame(SyncMessageType.update, new Uint8Array(limits.maxFrameBytes + rng.int(1, 1000))));
  }
}

/**
 * What the server may do with this frame. `edit`: it carries an update Yjs can decode, which the
 * server may apply for an editor. `noEdit`: nothing in it can change the document.
 */
export function classifyFrame(frame: FuzzFrame): 'edit' | 'noEdit' {
  let bytes = frame.data;
  // The server reads a text frame as a string and encodes it back to UTF-8.
  if (frame.text) bytes = new TextEncoder().encode(new TextDecoder().decode(bytes));
  let message;
  try {
    message = decodeClientFrame(bytes);
  } catch {
    return 'noEdit';
  }
  if (message.kind !== 'syncStep2' && message.kind !== 'update') return 'noEdit';
  if (isEmptyUpdate(message.update)) return 'noEdit';
  try {
    Y.decodeUpdate(message.update);
    return 'edit';
  } catch {
    return 'noEdit';
  }
}

/** Client ids with a (non-null) state in the awareness frames a client received. */
export function awarenessClientIds(frames: Uint8Array[]): Set<number> {
  const states = new Map<number, { clock: number; live: boolean }>();
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MessageType.awareness) continue;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(update);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(update);
      const clock = decoding.readVarUint(update);
      const state = decoding.readVarString(update);
      const previous = states.get(clientId);
      if (!previous || previous.clock <= clock) states.set(clientId, { clock, live: state !== 'null' });
    }
  }
  return new Set([...states].filter(([, s]) => s.live).map(([id]) => id));
}

/**
 * An update that decodes, but that Yjs fails to integrate half-way: its first struct inserts
 * `text` into the Y.Text `t`, its second names a later clock of its own client as right origin
 * (Yjs does not check that one for being missing) and throws. Found by the fuzz test in a
 * mutated real update.
 */
export function halfIntegratingUpdate(text: string, clientId = 4242): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, 1); // one client
    encoding.writeVarUint(e, 2); // two structs
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, 0); // first clock
    encoding.writeUint8(e, 4); // ContentString, no origins
    encoding.writeVarUint(e, 1); // parent: root type by name
    encoding.writeVarString(e, 't');
    encoding.writeVarString(e, text);
    encoding.writeUint8(e, 4 | 0x40); // ContentString with a right origin
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, 1000); // a clock of its own client that does not exist
    encoding.writeVarString(e, 'x');
    encoding.writeVarUint(e, 0); // empty delete set
  });
}
