/**
 * Small helpers that write Tiptap JSON for the document templates: headings, prompts, lists,
 * tables and the structured blocks of `shared/blocks`. Framework-free: only data in, data out.
 *
 * The helpers produce JSON that matches `documentSchema()` exactly: no empty text nodes,
 * adjacent text with the same marks merged (Yjs would merge it anyway), and every block with
 * all of its attributes, a fresh id from the context and the inserting user and party, marked
 * as an example (`example: true`, see shared/blocks/attrs.ts).
 */
import type { JSONContent } from '@tiptap/core';
import { blockDefaults, exampleAttr, type ActionAttrs, type CriterionAttrs } from '../blocks/attrs';

/** What a template needs from whoever creates the document. */
export interface TemplateContext {
  /** Returns a fresh, unique block id (the same generator the editor uses). */
  newId: () => string;
  /** The user creating the document; stored as `createdBy` on every example block. */
  userId: string | null;
  /** The party that user acts for; stored as `createdByParty` on every example block. */
  partyId: string | null;
  /** The document's title, used as its h1 instead of the template's placeholder title. */
  title?: string | null;
}

/** A run of text: plain, or with bold and/or italic marks. */
export type Inline = string | { text: string; bold?: boolean; italic?: boolean };

export const bold = (text: string): Inline => ({ text, bold: true });
export const italic = (text: string): Inline => ({ text, italic: true });

function inlineContent(parts: Inline[]): JSONContent[] {
  const out: JSONContent[] = [];
  let previousKey: string | null = null;
  for (const part of parts) {
    const run = typeof part === 'string' ? { text: part } : part;
    if (!run.text) continue; // ProseMirror refuses empty text nodes
    const marks = [...(run.bold ? [{ type: 'bold' }] : []), ...(run.italic ? [{ type: 'italic' }] : [])];
    const key = marks.map((m) => m.type).join('+');
    const last = out[out.length - 1];
    if (last && key === previousKey) {
      last.text = `${last.text ?? ''}${run.text}`;
      continue;
    }
    out.push(marks.length > 0 ? { type: 'text', text: run.text, marks } : { type: 'text', text: run.text });
    previousKey = key;
  }
  return out;
}

function withContent(node: JSONContent, content: JSONContent[]): JSONContent {
  return content.length > 0 ? { ...node, content } : node;
}

export function heading(level: 1 | 2 | 3, text: string): JSONContent {
  return withContent({ type: 'heading', attrs: { level } }, inlineContent([text]));
}
export const h1 = (text: string) => heading(1, text);
export const h2 = (text: string) => heading(2, text);
export const h3 = (text: string) => heading(3, text);

export function paragraph(...parts: Inline[]): JSONContent {
  return withContent({ type: 'paragraph' }, inlineContent(parts));
}

/** A short instruction in italics that tells parties what to write here; they replace it. */
export function prompt(text: string): JSONContent {
  return paragraph(italic(text));
}

type ListItem = Inline | Inline[];
const listItem = (item: ListItem): JSONContent => ({
  type: 'listItem',
  content: [paragraph(...(Array.isArray(item) ? item : [item]))],
});

export function bulletList(items: ListItem[]): JSONContent {
  return { type: 'bulletList', content: items.map(listItem) };
}

export function orderedList(items: ListItem[]): JSONContent {
  return { type: 'orderedList', content: items.map(listItem) };
}

/** A table with one header row. Every row must have as many cells as the header. */
export function table(header: string[], rows: ListItem[][]): JSONContent {
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`Table row has ${row.length} cells, header has ${header.length}.`);
  }
  const cell = (type: 'tableHeader' | 'tableCell', value: ListItem): JSONContent => ({
    type,
    content: [paragraph(...(Array.isArray(value) ? value : [value]))],
  });
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: header.map((h) => cell('tableHeader', h)) },
      ...rows.map((row) => ({ type: 'tableRow', content: row.map((value) => cell('tableCell', value)) })),
    ],
  };
}

export function doc(content: JSONContent[]): JSONContent {
  return { type: 'doc', content: content.length > 0 ? content : [paragraph()] };
}

/** The h1 of a template: the document's own title when there is one. */
export function title(ctx: TemplateContext, placeholder: string): JSONContent {
  const own = ctx.title?.trim();
  return h1(own ? own : placeholder);
}

/** Every block a template writes is an example until someone edits or takes it over. */
function identity(ctx: TemplateContext) {
  return { id: ctx.newId(), createdBy: ctx.userId, createdByParty: ctx.partyId, [exampleAttr]: true };
}

const paragraphs = (text: string | string[]) => (Array.isArray(text) ? text : [text]).map((t) => paragraph(t));

/**
 * An example action. Templates never name an owner (`ownerPartyId`/`ownerUserId` stay null)
 * and never set a due date: parties fill those in.
 */
export function action(ctx: TemplateContext, attrs: Partial<Pick<ActionAttrs, 'status' | 'funding'>>, text: string | string[]): JSONContent {
  return { type: 'action', attrs: { ...identity(ctx), ...blockDefaults.action, ...attrs }, content: paragraphs(text) };
}

/**
 * An example commitment. Its `partyId` stays null: the editor shows it as needing a party until
 * someone picks one, and only a member of that party can confirm it.
 */
export function commitment(ctx: TemplateContext, text: string | string[]): JSONContent {
  return { type: 'commitment', attrs: { ...identity(ctx), ...blockDefaults.commitment }, content: paragraphs(text) };
}

/** A planned reflection moment without a date: a title line, the questions, a place for notes. */
export function reflection(ctx: TemplateContext, name: string, questions: string[], notesPrompt: string): JSONContent {
  return {
    type: 'reflection',
    attrs: { ...identity(ctx), ...blockDefaults.reflection },
    content: [paragraph(bold(name)), bulletList(questions), prompt(notesPrompt)],
  };
}

/** A criterion: its name in bold, then the explanation. `weight` only for award criteria. */
export function criterion(
  ctx: TemplateContext,
  attrs: Pick<CriterionAttrs, 'kind' | 'category'> & { weight?: number | null },
  name: string,
  explanation: string,
): JSONContent {
  return {
    type: 'criterion',
    attrs: { ...identity(ctx), ...blockDefaults.criterion, ...attrs, weight: attrs.kind === 'award' ? (attrs.weight ?? null) : null },
    content: [paragraph(bold(name)), paragraph(explanation)],
  };
}
