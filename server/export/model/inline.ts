/**
 * Inline Tiptap JSON (text with marks, hard breaks) to runs, and any block content to plain
 * rich lines for places that hold no structure (table cells, structured blocks). Links keep
 * their target only when the shared editor rule allows it (http, https, mailto); any other
 * target is dropped and its text stays as plain text.
 */
import type { JSONContent } from '@tiptap/core';
import { isAllowedLinkHref } from '../../../shared/editor/extensions';
import type { RichLines, Run } from '../types';

function linkOf(marks: JSONContent['marks']): string | null {
  const link = marks?.find((m) => m.type === 'link');
  const href = link?.attrs?.href;
  return typeof href === 'string' && isAllowedLinkHref(href) ? href.trim() : null;
}

function runOf(node: JSONContent): Run {
  const types = new Set((node.marks ?? []).map((m) => m.type));
  const run: Run = { text: node.text ?? '' };
  if (types.has('bold')) run.bold = true;
  if (types.has('italic')) run.italic = true;
  if (types.has('underline')) run.underline = true;
  if (types.has('strike')) run.strike = true;
  if (types.has('code')) run.code = true;
  const href = linkOf(node.marks);
  if (href) run.href = href;
  return run;
}

/** The runs of a paragraph or heading. A hard break becomes a `\n` inside the text. */
export function runsOf(node: JSONContent): Run[] {
  const runs: Run[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'text' && child.text) runs.push(runOf(child));
    else if (child.type === 'hardBreak') runs.push({ text: '\n' });
    else if (child.content) runs.push(...runsOf(child));
  }
  return runs;
}

export function plainText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

/**
 * Any block content as lines: paragraphs become lines, list items become "• " or "1. " lines,
 * nested tables become one line per row with cells separated by " | ".
 */
export function linesOf(nodes: JSONContent[] | undefined, indent = ''): RichLines {
  const lines: RichLines = [];
  for (const node of nodes ?? []) {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') {
      const runs = runsOf(node);
      if (plainText(runs).trim()) lines.push(indent ? [{ text: indent }, ...runs] : runs);
    } else if (node.type === 'bulletList' || node.type === 'orderedList') {
      const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
      (node.content ?? []).forEach((item, index) => {
        const marker = node.type === 'bulletList' ? '• ' : `${start + index}. `;
        const [first = [], ...rest] = linesOf(item.content, '');
        lines.push([{ text: `${indent}${marker}` }, ...first]);
        for (const line of rest) lines.push([{ text: `${indent}   ` }, ...line]);
      });
    } else if (node.type === 'tableRow') {
      const cells = (node.content ?? []).map((cell) => linesOf(cell.content).map(plainText).join(' '));
      lines.push([{ text: `${indent}${cells.join(' | ')}` }]);
    } else if (node.content) {
      lines.push(...linesOf(node.content, indent));
    } else if (node.type === 'text' && node.text) {
      lines.push([runOf(node)]);
    }
  }
  return lines;
}
