/**
 * PDF export with pdfkit and the standard Helvetica fonts: pure JavaScript, no browser, text
 * that can be searched and copied, "pagina X van Y" under every page. Party colours appear
 * only as small squares before party names.
 */
import PDFDocument from 'pdfkit';
import { isAllowedLinkHref } from '../../../shared/editor/extensions';
import { columns, words } from '../labels';
import type { ActionRow, CommitmentItem, CriterionRow, ExportBlock, ExportModel, RichLines, Run } from '../types';
import { drawTable, fontOf, type Cell, type CellLine } from './pdfTable';
import { toWinAnsi } from './winAnsi';

type Pdf = InstanceType<typeof PDFDocument>;

const margin = 56;
const text = '#222222';
const muted = '#555555';
const noticeColor = '#8a4b00';
const linkColor = '#1a4f9c';
const headingSizes = [18, 14, 12, 11] as const;
const bodySize = 10.5;
const listIndent = 16;

const left = (pdf: Pdf) => pdf.page.margins.left;
const contentWidth = (pdf: Pdf) => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
const bottom = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom;

/** Starts a new page when less than `needed` points are left. */
function ensureSpace(pdf: Pdf, needed: number): void {
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

/** One paragraph of runs, wrapping across fonts; allowed links are clickable. */
function richParagraph(pdf: Pdf, runs: Run[], opts: { x: number; width: number; size?: number; color?: string; bold?: boolean }): void {
  for (const line of splitLines(runs)) richLine(pdf, line, opts);
}

function richLine(pdf: Pdf, runs: Run[], opts: { x: number; width: number; size?: number; color?: string; bold?: boolean }): void {
  const size = opts.size ?? bodySize;
  const parts = runs.map((r) => ({ ...r, text: toWinAnsi(r.text) })).filter((r) => r.text.length > 0);
  if (parts.length === 0) {
    pdf.font('Helvetica').fontSize(size).text(' ', opts.x, pdf.y, { width: opts.width, lineGap: 1.5 });
    return;
  }
  parts.forEach((run, i) => {
    const href = run.href && isAllowedLinkHref(run.href) ? run.href : undefined;
    pdf
      .font(fontOf({ bold: opts.bold || run.bold, italic: run.italic }))
      .fontSize(size)
      .fillColor(href ? linkColor : (opts.color ?? text));
    const options = { width: opts.width, continued: i < parts.length - 1, link: href, underline: Boolean(href || run.underline), strike: Boolean(run.strike), lineGap: 1.5 };
    if (i === 0) pdf.text(run.text, opts.x, pdf.y, options);
    else pdf.text(run.text, options);
  });
  pdf.fillColor(text);
}

function plainLine(pdf: Pdf, value: string, opts: { x?: number; size?: number; color?: string; bold?: boolean; italic?: boolean; gapAfter?: number } = {}): void {
  const x = opts.x ?? left(pdf);
  pdf.font(fontOf(opts)).fontSize(opts.size ?? bodySize).fillColor(opts.color ?? text);
  pdf.text(toWinAnsi(value), x, pdf.y, { width: contentWidth(pdf) - (x - left(pdf)), lineGap: 1.5 });
  pdf.fillColor(text);
  if (opts.gapAfter) pdf.moveDown(opts.gapAfter);
}

function square(pdf: Pdf, color: string | null, x: number, size: number): number {
  if (!color) return x;
  pdf.rect(x, pdf.y + (size - 7) / 2 + 1, 7, 7).fill(color);
  pdf.fillColor(text);
  return x + 11;
}

const linesToCell = (lines: RichLines, notices: string[] = []): Cell => ({
  lines: [
    ...lines.map((line): CellLine => ({ text: line.map((r) => r.text).join(''), bold: line.length > 0 && line.every((r) => r.bold || !r.text.trim()) })),
    ...notices.map((n): CellLine => ({ text: n, italic: true, color: noticeColor })),
  ],
});
const textCell = (value: string, squareColor: string | null = null): Cell => ({ lines: [{ text: value }], square: squareColor });
const headerCells = (labels: readonly string[]): Cell[] => labels.map((label) => ({ lines: [{ text: label, bold: true }] }));

class Layout {
  constructor(private readonly pdf: Pdf) {}

  blocks(list: ExportBlock[], indent = 0): void {
    for (const b of list) this.block(b, indent);
  }

  private block(b: ExportBlock, indent: number): void {
    const pdf = this.pdf;
    const x = left(pdf) + indent;
    const width = contentWidth(pdf) - indent;
    switch (b.kind) {
      case 'heading': {
        const size = headingSizes[b.level - 1] ?? bodySize;
        pdf.moveDown(0.6);
        ensureSpace(pdf, size * 1.4 + 40); // keep a heading with the first lines under it
        richParagraph(pdf, b.runs, { x, width, size, bold: true });
        pdf.moveDown(0.3);
        return;
      }
      case 'paragraph':
        richParagraph(pdf, b.runs, { x: b.quote ? x + 12 : x, width: b.quote ? width - 12 : width, color: b.quote ? muted : text });
        pdf.moveDown(0.4);
        return;
      case 'code':
        pdf.font('Courier').fontSize(9).text(toWinAnsi(b.text), x, pdf.y, { width });
        pdf.moveDown(0.4);
        return;
      case 'rule':
        pdf.moveTo(x, pdf.y).lineTo(x + width, pdf.y).lineWidth(0.5).strokeColor('#aaaaaa').stroke();
        pdf.moveDown(0.5);
        return;
      case 'list':
        return this.list(b, indent);
      case 'table':
        return this.table(b.rows.map((row) => row.cells.map((c) => linesToCell(c, []))), b.rows[0]?.header ?? false);
      case 'actions':
        return this.actions(b.rows);
      case 'commitments':
        for (const group of b.groups) this.commitmentGroup(group.party, group.color, group.items);
        pdf.moveDown(0.3);
        return;
      case 'reflections':
        for (const item of b.items) {
          ensureSpace(pdf, 40);
          this.marker('•', x);
          richParagraph(pdf, [{ text: item.date, bold: true }, { text: ` (${item.status})` }], { x: x + listIndent, width: width - listIndent });
          for (const line of item.text) richParagraph(pdf, line, { x: x + listIndent, width: width - listIndent });
          for (const n of item.notices) plainLine(pdf, n, { x: x + listIndent, italic: true, color: noticeColor });
          pdf.moveDown(0.3);
        }
        return;
      case 'criteria':
        return this.criteria(b.rows, b.total);
    }
  }

  /** A bullet or number in the margin of a list item; the item's text starts on the same line. */
  private marker(value: string, x: number): void {
    const y = this.pdf.y;
    this.pdf.font('Helvetica').fontSize(bodySize).fillColor(text).text(toWinAnsi(value), x, y, { width: listIndent + 8, lineBreak: false });
    this.pdf.y = y;
  }

  private list(b: Extract<ExportBlock, { kind: 'list' }>, indent: number): void {
    const pdf = this.pdf;
    b.items.forEach((item, index) => {
      ensureSpace(pdf, bodySize * 2);
      this.marker(b.ordered ? `${b.start + index}.` : '•', left(pdf) + indent);
      if (item.length === 0) pdf.moveDown(1);
      this.blocks(item, indent + listIndent + (b.ordered ? 4 : 0));
    });
    pdf.moveDown(0.2);
  }

  private table(rows: Cell[][], hasHeader: boolean): void {
    const width = Math.max(1, ...rows.map((r) => r.length));
    const [first, ...rest] = rows;
    drawTable(this.pdf, { widths: Array<number>(width).fill(1), header: hasHeader && first ? first.map((c) => ({ lines: c.lines.map((l) => ({ ...l, bold: true })) })) : null, rows: hasHeader ? rest : rows });
  }

  private actions(rows: ActionRow[]): void {
    drawTable(this.pdf, {
      widths: [31, 16, 13, 12, 12, 16],
      header: headerCells(columns.actions),
      rows: rows.map((r) => [linesToCell(r.text, r.notices), textCell(r.ownerParty, r.ownerPartyColor), textCell(r.ownerUser), textCell(r.due), textCell(r.status), textCell(r.funding)]),
      fontSize: 8.5,
    });
  }

  private commitmentGroup(party: string, color: string | null, items: CommitmentItem[]): void {
    const pdf = this.pdf;
    pdf.moveDown(0.3);
    ensureSpace(pdf, 50);
    const x = square(pdf, color, left(pdf), bodySize);
    plainLine(pdf, party, { x, bold: true });
    for (const item of items) {
      ensureSpace(pdf, 30);
      this.marker('•', left(pdf) + 4);
      const runs = item.text.flatMap((line, i) => (i === 0 ? line : [{ text: '\n' }, ...line]));
      richParagraph(pdf, [...runs, { text: ` (${item.confirmation ?? item.status})`, italic: true }], { x: left(pdf) + listIndent + 4, width: contentWidth(pdf) - listIndent - 4 });
      for (const n of item.notices) plainLine(pdf, n, { x: left(pdf) + listIndent + 4, italic: true, color: noticeColor });
    }
  }

  private criteria(rows: CriterionRow[], total: Extract<ExportBlock, { kind: 'criteria' }>['total']): void {
    drawTable(this.pdf, {
      widths: [52, 20, 18, 10],
      header: headerCells(columns.criteria),
      rows: rows.map((r) => [linesToCell(r.text, r.notices), textCell(r.kind), textCell(r.category), textCell(r.weight)]),
    });
    if (!total) return;
    plainLine(this.pdf, total.label, { bold: true });
    for (const n of total.notices) plainLine(this.pdf, n, { italic: true, color: noticeColor });
    this.pdf.moveDown(0.5);
  }
}

function frontMatter(pdf: Pdf, model: ExportModel): void {
  plainLine(pdf, model.title, { size: 20, bold: true, gapAfter: 0.4 });
  for (const m of model.meta) richParagraph(pdf, [{ text: `${m.label}: `, bold: true }, { text: m.value }], { x: left(pdf), width: contentWidth(pdf), color: muted });
  if (model.parties.length > 0) {
    pdf.moveDown(0.4);
    plainLine(pdf, `${words.signingParties}:`, { bold: true });
    for (const p of model.parties) {
      const x = square(pdf, p.color, left(pdf) + 8, bodySize);
      richParagraph(pdf, [{ text: p.party, bold: true }, { text: `: ${p.state}` }], { x, width: contentWidth(pdf) - (x - left(pdf)) });
    }
  }
  pdf.moveDown(0.5);
  pdf.moveTo(left(pdf), pdf.y).lineTo(left(pdf) + contentWidth(pdf), pdf.y).lineWidth(0.75).strokeColor('#aaaaaa').stroke();
  pdf.moveDown(0.8);
}

function pageNumbers(pdf: Pdf): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const keep = pdf.page.margins.bottom;
    // Writing below the bottom margin would make pdfkit start a new page.
    pdf.page.margins.bottom = 0;
    pdf.font('Helvetica').fontSize(8.5).fillColor('#666666');
    pdf.text(words.page(i - range.start + 1, range.count), left(pdf), pdf.page.height - margin / 2 - 6, { width: contentWidth(pdf), align: 'center', lineBreak: false });
    pdf.page.margins.bottom = keep;
  }
}

export function renderPdf(model: ExportModel): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    bufferPages: true,
    lang: 'nl-NL',
    info: { Title: model.title, Creator: 'werktafel', Producer: 'werktafel' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  frontMatter(pdf, model);
  new Layout(pdf).blocks(model.body);
  pageNumbers(pdf);
  pdf.end();
  return done;
}
