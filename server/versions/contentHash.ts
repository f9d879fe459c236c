/**
 * What "the same content" means for versions: the document read as Tiptap JSON, with the keys
 * of every object sorted, hashed with SHA-256. Yjs bytes cannot tell: the same text typed and
 * deleted, or merged from other clients, encodes differently.
 */
import { createHash } from 'node:crypto';
import type * as Y from 'yjs';
import { readJsonFromDoc } from '../../shared/editor/schema';
import { readStored } from './versionContent';

/** JSON with object keys in sorted order, so attribute order (which Yjs does not fix) does not count. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function contentHashOfDoc(doc: Y.Doc): string {
  return createHash('sha256').update(canonicalJson(readJsonFromDoc(doc))).digest('hex');
}

export const contentHashOfUpdates = (updates: readonly Uint8Array[]): string => readStored(updates, contentHashOfDoc);
