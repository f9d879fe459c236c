/**
 * Values no editor writes: attribute, mark and embed values that are not plain data. lib0
 * decodes any object a client sends, so a value such as `{ toString: 1 }` reaches the live
 * document, and everything that later turns it into text (`String(value)`, Yjs' own
 * `toString()`) throws: the extension reading it gives up, and on the next load the document
 * is refused for everyone (found in review). Plain data is what the editor writes: strings,
 * numbers, booleans, null, and arrays and objects of those (a table cell's `colwidth`, a link
 * mark's `href`). An object key that an object already has (`toString`, `valueOf`,
 * `constructor`, `__proto__`) is refused too, since code reading the value trusts those.
 */
import * as Y from 'yjs';

type DecodedStructs = ReturnType<typeof Y.decodeUpdate>['structs'];

/** Deeper than anything an editor writes; also keeps this check's own recursion short. */
const maxDepth = 16;

function isPlain(value: unknown, depth: number): boolean {
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false; // bigint, and anything else lib0 may learn to decode
  }
  if (depth >= maxDepth) return false;
  if (Array.isArray(value)) {
    return Object.getPrototypeOf(value) === Array.prototype && value.every((entry) => isPlain(entry, depth + 1));
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false; // Uint8Array, or a swapped prototype
  return Object.entries(value).every(([key, entry]) => !(key in Object.prototype) && isPlain(entry, depth + 1));
}

/** The values an item carries that code reads back as data; other contents carry none. */
function valuesOf(content: Y.Item['content']): readonly unknown[] {
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return content.arr;
  if (content instanceof Y.ContentFormat) return [content.value];
  if (content instanceof Y.ContentEmbed) return [content.embed];
  return [];
}

/** The first item holding a value that is not plain data, or null when every value is. */
export function findNonPlainValue(structs: DecodedStructs): Y.ID | null {
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (!valuesOf(struct.content).every((value) => isPlain(value, 0))) return struct.id;
  }
  return null;
}
