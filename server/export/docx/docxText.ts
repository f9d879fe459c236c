/** Runs and lines as docx paragraphs' children; shared by the body and the table cells. */
import { ExternalHyperlink, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { isAllowedLinkHref } from '../../../shared/editor/extensions';
import type { RichLines, Run } from '../types';
import { cleanXmlText } from '../xmlText';

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  size?: number;
}

/** A text run; `\n` inside the text becomes a line break. */
export function textRun(text: string, style: RunStyle = {}, run?: Run): TextRun {
  const parts = cleanXmlText(text).split('\n');
  return new TextRun({
    children: parts.flatMap((part, i) => (i === 0 ? [part] : [new TextRun({ break: 1 }), part])) as (string | TextRun)[],
    bold: style.bold || run?.bold,
    italics: style.italics || run?.italic,
    underline: run?.underline ? {} : undefined,
    strike: run?.strike,
    font: run?.code ? 'Courier New' : undefined,
    color: style.color,
    size: style.size,
    style: run?.href && isAllowedLinkHref(run.href) ? 'Hyperlink' : undefined,
  });
}

export function runChildren(runs: Run[], style: RunStyle = {}): ParagraphChild[] {
  return runs.map((run) =>
    run.href && isAllowedLinkHref(run.href)
      ? new ExternalHyperlink({ link: run.href, children: [textRun(run.text, style, run)] })
      : textRun(run.text, style, run),
  );
}

export const noticeColor = '8A4B00';

export function noticeParagraph(text: string): Paragraph {
  return new Paragraph({ children: [textRun(text, { color: noticeColor, italics: true })] });
}

/** Lines as paragraphs (a table cell needs at least one). */
export function lineParagraphs(lines: RichLines, style: RunStyle = {}, notices: string[] = []): Paragraph[] {
  const out = lines.map((line) => new Paragraph({ children: runChildren(line, style) }));
  out.push(...notices.map(noticeParagraph));
  return out.length > 0 ? out : [new Paragraph({})];
}

/** A small square in the party's colour, used before party names. */
export function colorSquare(color: string | null): TextRun[] {
  return color ? [new TextRun({ text: '■ ', color: color.replace('#', '') })] : [];
}
