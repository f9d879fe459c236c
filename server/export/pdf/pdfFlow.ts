/**
 * The PDF's running text: page geometry, colours and sizes, and paragraphs of runs that wrap
 * across fonts. These draw content only; the caller decides which structure element it belongs
 * to (see pdfTags.ts).
 */
import type PDFDocument from 'pdfkit';
import { isAllowedLinkHref } from '../../../shared/editor/extensions';
import type { Run } from '../types';
import { fontOf } from './pdfFonts';
import { toPdfText } from './pdfText';

export type Pdf = InstanceType<typeof PDFDocument>;

export const margin = 56;
export const colors = { text: '#222222', muted: '#555555', notice: '#8a4b00', link: '#1a4f9c', rule: '#aaaaaa' } as const;
export const headingSizes = [18, 14, 12, 11] as const;
export const bodySize = 10.5;
export const listIndent = 16;

export const left = (pdf: Pdf) => pdf.page.margins.left;
export const contentWidth = (pdf: Pdf) => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
const bottom = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom;

/** Starts a new page when less than `needed` points are left (never inside a structure element). */
export function ensureSpace(pdf: Pdf, needed: number): void {
  if (pdf.y + needed > bottom(pdf)) pdf.addPage();
}

/** Runs split at hard breaks: pdfkit drops a line break that stands alone in a continued run. */
function splitLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ ...run, text: part });
    });
  }
  return lines;
}

export interface FlowOptions {
  x: number;
  width: number;
  size?: number;
  color?: string;
  bold?: boolean;
}

/** One paragraph of runs, wrapping across fonts; allowed links are clickable. */
export function richParagraph(pdf: Pdf, runs: Run[], opts: FlowOptions): void {
  for (const line of splitLines(runs)) richLine(pdf, line, opts);
}

function richLine(pdf: Pdf, runs: Run[], opts: FlowOptions): void {
  const size = opts.size ?? bodySize;
  const parts = runs.map((r) => ({ ...r, text: toPdfText(r.text) })).filter((r) => r.text.length > 0);
  if (parts.length === 0) {
    pdf.font('regular').fontSize(size).text(' ', opts.x, pdf.y, { width: opts.width, lineGap: 1.5 });
    return;
  }
  parts.forEach((run, i) => {
    const href = run.href && isAllowedLinkHref(run.href) ? run.href : undefined;
    pdf
      .font(run.code ? 'mono' : fontOf({ bold: opts.bold || run.bold, italic: run.italic }))
      .fontSize(size)
      .fillColor(href ? colors.link : (opts.color ?? colors.text));
    const options = { width: opts.width, continued: i < parts.length - 1, link: href, underline: Boolean(href || run.underline), strike: Boolean(run.strike), lineGap: 1.5 };
    if (i === 0) pdf.text(run.text, opts.x, pdf.y, options);
    else pdf.text(run.text, options);
  });
  pdf.fillColor(colors.text);
}

export interface LineOptions {
  x?: number;
  size?: number;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  gapAfter?: number;
}

export function plainLine(pdf: Pdf, value: string, opts: LineOptions = {}): void {
  const x = opts.x ?? left(pdf);
  pdf.font(fontOf(opts)).fontSize(opts.size ?? bodySize).fillColor(opts.color ?? colors.text);
  pdf.text(toPdfText(value), x, pdf.y, { width: contentWidth(pdf) - (x - left(pdf)), lineGap: 1.5 });
  pdf.fillColor(colors.text);
  if (opts.gapAfter) pdf.moveDown(opts.gapAfter);
}

/** A small square in a party's colour at the current line; returns where the text starts. */
export function square(pdf: Pdf, color: string | null, x: number, size: number): number {
  if (!color) return x;
  pdf.rect(x, pdf.y + (size - 7) / 2 + 1, 7, 7).fill(color);
  pdf.fillColor(colors.text);
  return x + 11;
}

/** A thin horizontal line across the text width at the current position. */
export function rule(pdf: Pdf, x: number, width: number, lineWidth = 0.5): void {
  pdf.moveTo(x, pdf.y).lineTo(x + width, pdf.y).lineWidth(lineWidth).strokeColor(colors.rule).stroke();
}
