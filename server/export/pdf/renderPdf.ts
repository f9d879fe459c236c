/**
 * PDF export with pdfkit: pure JavaScript, no browser, text that can be searched and copied,
 * "pagina X van Y" under every page. The text is set in DejaVu Sans, embedded, so names in any
 * Latin, Greek or Cyrillic script come out as written. The PDF is tagged (headings, paragraphs,
 * lists and tables in a structure tree, in the export's language) for screen readers and
 * reflowing viewers. Party colours appear only as small squares before party names.
 */
import PDFDocument from 'pdfkit';
import { columns, words } from '../labels';
import type { ActionRow, CommitmentItem, CriterionRow, ExportBlock, ExportModel, RichLines, Run } from '../types';
import { bodySize, colors, contentWidth, ensureSpace, headingSizes, left, listIndent, margin, plainLine, richParagraph, rule, square, type Pdf } from './pdfFlow';
import { registerFonts } from './pdfFonts';
import { drawTable, type Cell, type CellLine } from './pdfTable';
import { PdfTags } from './pdfTags';
import { toPdfText } from './pdfText';

const linesToCell = (lines: RichLines, notices: string[] = []): Cell => ({
  lines: [
    ...lines.map((line): CellLine => ({ text: line.map((r) => r.text).join(''), bold: line.length > 0 && line.every((r) => r.bold || !r.text.trim()) })),
    ...notices.map((n): CellLine => ({ text: n, italic: true, color: colors.notice })),
  ],
});
const textCell = (value: string, squareColor: string | null = null): Cell => ({ lines: [{ text: value }], square: squareColor });
const headerCells = (labels: readonly string[]): Cell[] => labels.map((label) => ({ lines: [{ text: label, bold: true }] }));

class Layout {
  constructor(
    private readonly pdf: Pdf,
    private readonly tags: PdfTags,
  ) {}

  blocks(list: ExportBlock[], indent = 0): void {
    for (const b of list) this.block(b, indent);
  }

  private block(b: ExportBlock, indent: number): void {
    const { pdf, tags } = this;
    const x = left(pdf) + indent;
    const width = contentWidth(pdf) - indent;
    switch (b.kind) {
      case 'heading': {
        const size = headingSizes[b.level - 1] ?? bodySize;
        pdf.moveDown(0.6);
        ensureSpace(pdf, size * 1.4 + 40); // keep a heading with the first lines under it
        tags.leaf(`H${b.level}`, () => richParagraph(pdf, b.runs, { x, width, size, bold: true }));
        pdf.moveDown(0.3);
        return;
      }
      case 'paragraph':
        tags.leaf(b.quote ? 'BlockQuote' : 'P', () =>
          richParagraph(pdf, b.runs, { x: b.quote ? x + 12 : x, width: b.quote ? width - 12 : width, color: b.quote ? colors.muted : colors.text }),
        );
        pdf.moveDown(0.4);
        return;
      case 'code':
        tags.leaf('Code', () => pdf.font('mono').fontSize(9).text(toPdfText(b.text), x, pdf.y, { width }));
        pdf.moveDown(0.4);
        return;
      case 'rule':
        tags.artifact(() => rule(pdf, x, width));
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
        tags.group('L', () => {
          for (const item of b.items) {
            ensureSpace(pdf, 40);
            this.item(x, '•', () => {
              const bodyX = x + listIndent;
              tags.leaf('P', () => richParagraph(pdf, [{ text: item.date, bold: true }, { text: ` (${item.status})` }], { x: bodyX, width: width - listIndent }));
              for (const line of item.text) tags.leaf('P', () => richParagraph(pdf, line, { x: bodyX, width: width - listIndent }));
              this.notices(item.notices, bodyX);
            });
            pdf.moveDown(0.3);
          }
        });
        return;
      case 'criteria':
        return this.criteria(b.rows, b.total);
    }
  }

  /** A list item: its bullet or number in the margin (Lbl), and the body `fill` draws (LBody). */
  private item(x: number, label: string, fill: () => void): void {
    const { pdf, tags } = this;
    tags.group('LI', () => {
      const y = pdf.y;
      tags.leaf('Lbl', () => pdf.font('regular').fontSize(bodySize).fillColor(colors.text).text(toPdfText(label), x, y, { width: listIndent + 8, lineBreak: false }));
      pdf.y = y;
      tags.group('LBody', fill);
    });
  }

  private notices(notices: string[], x: number): void {
    for (const n of notices) this.tags.leaf('P', () => plainLine(this.pdf, n, { x, italic: true, color: colors.notice }));
  }

  private list(b: Extract<ExportBlock, { kind: 'list' }>, indent: number): void {
    const pdf = this.pdf;
    this.tags.group('L', () =>
      b.items.forEach((item, index) => {
        ensureSpace(pdf, bodySize * 2);
        this.item(left(pdf) + indent, b.ordered ? `${b.start + index}.` : '•', () => {
          if (item.length === 0) pdf.moveDown(1);
          this.blocks(item, indent + listIndent + (b.ordered ? 4 : 0));
        });
      }),
    );
    pdf.moveDown(0.2);
  }

  private table(rows: Cell[][], hasHeader: boolean): void {
    const width = Math.max(1, ...rows.map((r) => r.length));
    const [first, ...rest] = rows;
    const header = hasHeader && first ? first.map((c) => ({ lines: c.lines.map((l) => ({ ...l, bold: true })) })) : null;
    drawTable(this.pdf, this.tags, { widths: Array<number>(width).fill(1), header, rows: hasHeader ? rest : rows });
  }

  private actions(rows: ActionRow[]): void {
    drawTable(this.pdf, this.tags, {
      widths: [29, 16, 13, 13, 13, 16],
      header: headerCells(columns.actions),
      rows: rows.map((r) => [linesToCell(r.text, r.notices), textCell(r.ownerParty, r.ownerPartyColor), textCell(r.ownerUser), textCell(r.due), textCell(r.status), textCell(r.funding)]),
      fontSize: 8.5,
    });
  }

  private commitmentGroup(party: string, color: string | null, items: CommitmentItem[]): void {
    const { pdf, tags } = this;
    pdf.moveDown(0.3);
    ensureSpace(pdf, 50);
    let x = left(pdf);
    tags.artifact(() => (x = square(pdf, color, left(pdf), bodySize)));
    tags.leaf('P', () => plainLine(pdf, party, { x, bold: true }));
    const bodyX = left(pdf) + listIndent + 4;
    tags.group('L', () => {
      for (const item of items) {
        ensureSpace(pdf, 30);
        this.item(left(pdf) + 4, '•', () => {
          const runs: Run[] = item.text.flatMap((line, i) => (i === 0 ? line : [{ text: '\n' }, ...line]));
          tags.leaf('P', () => richParagraph(pdf, [...runs, { text: ` (${item.confirmation ?? item.status})`, italic: true }], { x: bodyX, width: contentWidth(pdf) - listIndent - 4 }));
          this.notices(item.notices, bodyX);
        });
      }
    });
  }

  private criteria(rows: CriterionRow[], total: Extract<ExportBlock, { kind: 'criteria' }>['total']): void {
    drawTable(this.pdf, this.tags, {
      widths: [52, 20, 18, 10],
      header: headerCells(columns.criteria),
      rows: rows.map((r) => [linesToCell(r.text, r.notices), textCell(r.kind), textCell(r.category), textCell(r.weight)]),
    });
    if (!total) return;
    this.tags.leaf('P', () => plainLine(this.pdf, total.label, { bold: true }));
    this.notices(total.notices, left(this.pdf));
    this.pdf.moveDown(0.5);
  }
}

function frontMatter(pdf: Pdf, tags: PdfTags, model: ExportModel): void {
  tags.leaf('H1', () => plainLine(pdf, model.title, { size: 20, bold: true, gapAfter: 0.4 }));
  for (const m of model.meta) {
    tags.leaf('P', () => richParagraph(pdf, [{ text: `${m.label}: `, bold: true }, { text: m.value }], { x: left(pdf), width: contentWidth(pdf), color: colors.muted }));
  }
  if (model.parties.length > 0) {
    pdf.moveDown(0.4);
    tags.leaf('P', () => plainLine(pdf, `${words.signingParties}:`, { bold: true }));
    for (const p of model.parties) {
      let x = left(pdf) + 8;
      tags.artifact(() => (x = square(pdf, p.color, x, bodySize)));
      tags.leaf('P', () => richParagraph(pdf, [{ text: p.party, bold: true }, { text: `: ${p.state}` }], { x, width: contentWidth(pdf) - (x - left(pdf)) }));
    }
  }
  pdf.moveDown(0.5);
  tags.artifact(() => rule(pdf, left(pdf), contentWidth(pdf), 0.75));
  pdf.moveDown(0.8);
}

function pageNumbers(pdf: Pdf, tags: PdfTags): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const keep = pdf.page.margins.bottom;
    // Writing below the bottom margin would make pdfkit start a new page.
    pdf.page.margins.bottom = 0;
    tags.artifact(() => {
      pdf.font('regular').fontSize(8.5).fillColor('#666666');
      pdf.text(words.page(i - range.start + 1, range.count), left(pdf), pdf.page.height - margin / 2 - 6, { width: contentWidth(pdf), align: 'center', lineBreak: false });
    }, 'Pagination');
    pdf.page.margins.bottom = keep;
  }
}

export function renderPdf(model: ExportModel): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: model.language,
    info: { Title: model.title, Creator: 'werktafel', Producer: 'werktafel' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  registerFonts(pdf);
  pdf.font('regular');
  const tags = new PdfTags(pdf);
  frontMatter(pdf, tags, model);
  new Layout(pdf, tags).blocks(model.body);
  pageNumbers(pdf, tags);
  tags.end();
  pdf.end();
  return done;
}
