/**
 * Fits stored Tiptap JSON to today's schema, so that a stored document never blocks a restore.
 * `schema.nodeFromJSON` throws on the first node or mark type it does not know, and a Yjs
 * document can hold any: an element written by an outside client, or a node an older or newer
 * editor had. Unknown nodes are unwrapped (their children stay, in the place they were), unknown
 * marks are dropped (their text stays), empty text nodes go, and what ends up in the wrong kind
 * of place is wrapped (loose text in a block container) or flattened (a block inside a line).
 */
import type { JSONContent } from '@tiptap/core';
import type { NodeType, Schema } from '@tiptap/pm/model';

/** The document, fitted to `schema`: `schema.nodeFromJSON` accepts the result. */
export function sanitizeForSchema(json: JSONContent, schema: Schema): JSONContent {
  const top = schema.topNodeType;
  const content = json.type === top.name ? (json.content ?? []) : [json];
  return { ...json, type: top.name, content: fitChildren(content, top, schema) };
}

function knownMarks(marks: JSONContent['marks'], schema: Schema): JSONContent['marks'] {
  const kept = (marks ?? []).filter((mark) => typeof mark?.type === 'string' && Object.hasOwn(schema.marks, mark.type));
  return kept.length > 0 ? kept : undefined;
}

function nodeTypeOf(node: JSONContent, schema: Schema): NodeType | undefined {
  return typeof node.type === 'string' && Object.hasOwn(schema.nodes, node.type) ? schema.nodes[node.type] : undefined;
}

/** Children fitted for a parent of `parentType`, as flat inline nodes or blocks as it needs. */
function fitChildren(children: JSONContent[], parentType: NodeType, schema: Schema): JSONContent[] {
  const fitted: JSONContent[] = [];
  for (const child of children) fitted.push(...fitNode(child, parentType, schema));
  return parentType.inlineContent ? fitted : wrapLooseInline(fitted, parentType, schema);
}

/** One child, fitted: zero, one or several nodes for a parent of `parentType`. */
function fitNode(node: JSONContent, parentType: NodeType, schema: Schema): JSONContent[] {
  if (!node || typeof node !== 'object') return [];
  const type = nodeTypeOf(node, schema);
  // Unknown: what it held takes its place.
  if (!type) return fitChildren(node.content ?? [], parentType, schema);
  if (type.isText) {
    if (typeof node.text !== 'string' || node.text === '') return [];
    const marks = knownMarks(node.marks, schema);
    return [marks ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text }];
  }
  // A block where only a line may be: its text, inline.
  if (parentType.inlineContent && !type.isInline) return fitChildren(node.content ?? [], parentType, schema);
  const marks = knownMarks(node.marks, schema);
  const content = fitChildren(node.content ?? [], type, schema);
  return [{ type: type.name, ...(node.attrs ? { attrs: node.attrs } : {}), ...(marks ? { marks } : {}), ...(content.length > 0 ? { content } : {}) }];
}

/** Runs of inline nodes among blocks get the wrapper the parent accepts (a paragraph in most). */
function wrapLooseInline(nodes: JSONContent[], parentType: NodeType, schema: Schema): JSONContent[] {
  const wrappers = parentType.contentMatch.findWrapping(schema.nodes.text!) ?? [schema.nodes.paragraph!];
  const out: JSONContent[] = [];
  let run: JSONContent[] = [];
  const flush = () => {
    if (run.length === 0) return;
    out.push(wrappers.reduceRight<JSONContent[]>((inner, wrapper) => [{ type: wrapper.name, content: inner }], run)[0]!);
    run = [];
  };
  for (const node of nodes) {
    if (nodeTypeOf(node, schema)?.isInline) run.push(node);
    else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}
