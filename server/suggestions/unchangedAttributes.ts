/**
 * Whether a transaction's attribute writes on an element change anything. The editor's Yjs
 * binding (y-prosemirror's `updateYFragment`) writes every attribute of a node whose content
 * changed when the stored value differs from the editor's: an attribute a block was stored
 * without (written before the schema had it, or by a client that left defaults out) is written
 * with its schema default the first time someone types inside the block. That is no change of
 * the block, and a suggester typing there must not be refused for it.
 */
import * as Y from 'yjs';
import { documentSchema } from '../../shared/editor/schema';

/** Two attribute or format values alike, absent and null counting as the same. */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The value `key` held before the transaction: the newest item of its chain that is not new, if it was alive then. */
export function valueBefore(type: Y.XmlElement, key: string, transaction: Y.Transaction): { present: boolean; value: unknown } {
  const isNew = (item: Y.Item) => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
  let item: Y.Item | null = type._map.get(key) ?? null;
  while (item !== null && isNew(item)) item = item.left;
  if (item === null) return { present: false, value: undefined };
  const aliveBefore = !item.deleted || Y.isDeleted(transaction.deleteSet, item.id);
  return aliveBefore ? { present: true, value: item.content.getContent().at(-1) } : { present: false, value: undefined };
}

function schemaDefault(nodeName: string, key: string): { has: boolean; value: unknown } {
  const attribute = documentSchema().nodes[nodeName]?.spec.attrs?.[key];
  return attribute && 'default' in attribute ? { has: true, value: attribute.default } : { has: false, value: undefined };
}

/** True when every attribute key the transaction touched on `type` ends as it was, or as the schema's default of an absent one. */
export function attributesUnchanged(type: Y.XmlElement, keys: Set<string | null>, transaction: Y.Transaction): boolean {
  for (const key of keys) {
    if (key === null) return false;
    const after = type.getAttribute(key) as unknown;
    const before = valueBefore(type, key, transaction);
    if (before.present) {
      if (!sameValue(before.value, after)) return false;
      continue;
    }
    const fallback = schemaDefault(type.nodeName, key);
    if (!fallback.has || after === undefined || !sameValue(fallback.value, after)) return false;
  }
  return true;
}
