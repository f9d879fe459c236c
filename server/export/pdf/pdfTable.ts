/**
 * Tables in the PDF, drawn as a text grid: thin cell borders, a grey header row that is
 * repeated on every page the table runs onto. A row moves to the next page whole, unless it is
 * taller than a page: then it is split between words. Tagged as Table > TR > TH/TD; borders and
 * fills are artifacts, and so is a header row repeated on a later page (it is read once).
 */
import type PDFDocument from 'pdfkit';
import { fontOf } from './pdfFonts';
import type { PdfTags } from './pdfTags';
import { toPdfText } from './pdfText';

type Pdf = InstanceType<typeof PDFDocument>;

export interface CellLine {
  text: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

export interface Cell {
  lines: CellLine[];
  /** A small square in this colour before the first line (a party's colour). */
  square?: string | null;
}

export interface TableSpec {
  /** Column widths as fractions of the available width; they are scaled to add up to 1. */
  widths: number[];
  header: Cell[] | null;
  rows: Cell[][];
  fontSize?: number;
}

const pad = 4;
const squareSize = 6;

function textWidth(cell: Cell, width: number): number {
  return width - 2 * pad - (cell.square ? squareSize + 4 : 0);
}

function cellHeight(pdf: Pdf, cell: Cell, width: number, size: number): number {
  let height = 0;
  for (const line of cell.lines) {
    pdf.font(fontOf(line)).fontSize(size);
    height += pdf.heightOfString(toPdfText(line.text) || ' ', { width: textWidth(cell, width) });
  }
  return Math.max(height, size * 1.2) + 2 * pad;
}

interface RowStyle {
  fill: string | null;
  /** TH for a header row; null for a repeated header, which is drawn as an artifact only. */
  cellType: 'TH' | 'TD' | null;
}

function drawCellText(pdf: Pdf, cell: Cell, x: number, y: number, width: number, height: number, size: number): void {
  let lineY = y + pad;
  for (const line of cell.lines) {
    const text = toPdfText(line.text);
    pdf.font(fontOf(line)).fontSize(size).fillColor(line.color ?? '#222222');
    // `height` stops pdfkit from starting a page of its own inside a cell.
    pdf.text(text, x, lineY, { width: textWidth(cell, width), height: Math.max(y + height - lineY, size), lineBreak: true });
    lineY += pdf.heightOfString(text || ' ', { width: textWidth(cell, width) });
  }
}

function drawRow(pdf: Pdf, tags: PdfTags, cells: Cell[], xs: number[], widths: number[], y: number, height: number, size: number, style: RowStyle): void {
  const draw = () =>
    cells.forEach((cell, i) => {
      const x = xs[i] ?? 0;
      const width = widths[i] ?? 0;
      const textX = x + pad + (cell.square ? squareSize + 4 : 0);
      const decorate = () => {
        if (style.fill) pdf.rect(x, y, width, height).fill(style.fill);
        pdf.lineWidth(0.5).strokeColor('#999999').rect(x, y, width, height).stroke();
        if (cell.square) pdf.rect(x + pad, y + pad + (size - squareSize) / 2 + 1, squareSize, squareSize).fill(cell.square);
      };
      if (!style.cellType) {
        decorate();
        drawCellText(pdf, cell, textX, y, width, height, size);
        return;
      }
      tags.artifact(decorate);
      tags.leaf(style.cellType, () => drawCellText(pdf, cell, textX, y, width, height, size));
    });
  if (style.cellType) tags.group('TR', draw);
  else tags.artifact(draw, 'Pagination');
  pdf.fillColor('#222222');
}

/** The part of a paragraph that fits in `room` points, by whole words; at least one word. */
function fitWords(pdf: Pdf, text: string, width: number, room: number): [string, string] {
  const words = text.split(/(?<=\s)/);
  let low = 1;
  let high = words.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (pdf.heightOfString(words.slice(0, mid).join(''), { width }) <= room) low = mid;
    else high = mid - 1;
  }
  return [words.slice(0, low).join('').trimEnd(), words.slice(low).join('')];
}

/** Splits a cell into what fits in `room` points and the rest, for a row that runs onto the next page. */
function splitCell(pdf: Pdf, cell: Cell, width: number, size: number, room: number): [Cell, Cell] {
  const fit: CellLine[] = [];
  const rest: CellLine[] = [];
  let used = 2 * pad;
  for (const line of cell.lines) {
    if (rest.length > 0) {
      rest.push(line);
      continue;
    }
    pdf.font(fontOf(line)).fontSize(size);
    const text = toPdfText(line.text) || ' ';
    const height = pdf.heightOfString(text, { width: textWidth(cell, width) });
    if (used + height <= room) {
      fit.push(line);
      used += height;
      continue;
    }
    const [head, tail] = used + size * 1.2 <= room ? fitWords(pdf, text, textWidth(cell, width), room - used) : ['', text];
    if (head) fit.push({ ...line, text: head });
    rest.push({ ...line, text: head ? tail : text });
  }
  return [{ ...cell, lines: fit }, { ...cell, lines: rest, square: null }];
}

/** Draws the table from the current position and leaves the cursor below it, at the left margin. */
export function drawTable(pdf: Pdf, tags: PdfTags, spec: TableSpec): void {
  tags.group('Table', () => layTable(pdf, tags, spec));
}

function layTable(pdf: Pdf, tags: PdfTags, spec: TableSpec): void {
  const size = spec.fontSize ?? 9;
  const left = pdf.page.margins.left;
  const available = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const sum = spec.widths.reduce((a, b) => a + b, 0) || 1;
  const widths = spec.widths.map((w) => (w / sum) * available);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const padCells = (cells: Cell[]) => widths.map((_, i) => cells[i] ?? { lines: [] });
  const rowHeight = (cells: Cell[]) => Math.max(...cells.map((c, i) => cellHeight(pdf, c, widths[i] ?? 0, size)));

  const header = spec.header ? padCells(spec.header) : null;
  const headerHeight = header ? rowHeight(header) : 0;
  let y = pdf.y;
  const newPage = () => {
    pdf.addPage();
    y = pdf.page.margins.top;
    if (!header) return;
    drawRow(pdf, tags, header, xs, widths, y, headerHeight, size, { fill: '#eeeeee', cellType: null });
    y += headerHeight;
  };

  const firstHeight = spec.rows[0] ? rowHeight(padCells(spec.rows[0])) : 0;
  if (y + headerHeight + Math.min(firstHeight, size * 4) > bottom()) {
    pdf.addPage();
    y = pdf.page.margins.top;
  }
  if (header) {
    drawRow(pdf, tags, header, xs, widths, y, headerHeight, size, { fill: '#eeeeee', cellType: 'TH' });
    y += headerHeight;
  }
  const fresh = bottom() - pdf.page.margins.top - headerHeight;
  for (const raw of spec.rows) {
    let cells = padCells(raw);
    for (;;) {
      const height = rowHeight(cells);
      const room = bottom() - y;
      if (height <= room) {
        drawRow(pdf, tags, cells, xs, widths, y, height, size, { fill: null, cellType: 'TD' });
        y += height;
        break;
      }
      // A row that fits on a page is never split; a longer one fills this page and goes on.
      if (height <= fresh || room < size * 4) {
        newPage();
        continue;
      }
      const parts = cells.map((c, i) => splitCell(pdf, c, widths[i] ?? 0, size, room));
      drawRow(pdf, tags, parts.map((p) => p[0]), xs, widths, y, room, size, { fill: null, cellType: 'TD' });
      cells = parts.map((p) => p[1]);
      newPage();
    }
  }
  pdf.x = left;
  pdf.y = y + 8;
}
