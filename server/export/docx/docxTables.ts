/** Tables of the DOCX export: the document's own tables, the actions table and the criteria table. */
import { Paragraph, ShadingType, Table, TableCell, TableRow, WidthType } from 'docx';
import { columns } from '../labels';
import type { ExportBlock, RichLines } from '../types';
import { colorSquare, lineParagraphs, noticeParagraph, textRun } from './docxText';

/** Usable width of an A4 page with 2 cm margins, in twentieths of a point. */
const pageWidth = 11906 - 2 * 1134;

const headerShading = { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' };

function grid(rows: TableRow[], percents: number[]): Table {
  return new Table({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: percents.map((p) => Math.round((pageWidth * p) / 100)),
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
}

function headerRow(labels: readonly string[]): TableRow {
  return new TableRow({
    tableHeader: true,
    children: labels.map((label) => new TableCell({ shading: headerShading, children: [new Paragraph({ children: [textRun(label, { bold: true })] })] })),
  });
}

const textCell = (text: string, prefix: ReturnType<typeof colorSquare> = []) =>
  new TableCell({ children: [new Paragraph({ children: [...prefix, textRun(text)] })] });
const linesCell = (lines: RichLines, notices: string[] = []) => new TableCell({ children: lineParagraphs(lines, {}, notices) });

export function documentTable(b: Extract<ExportBlock, { kind: 'table' }>): Table {
  const width = Math.max(1, ...b.rows.map((r) => r.cells.length));
  const rows = b.rows.map(
    (row) =>
      new TableRow({
        tableHeader: row.header,
        children: Array.from({ length: width }, (_, i) =>
          new TableCell({
            shading: row.header ? headerShading : undefined,
            children: lineParagraphs(row.cells[i] ?? [], { bold: row.header }),
          }),
        ),
      }),
  );
  return grid(rows, Array<number>(width).fill(100 / width));
}

export function actionsTable(b: Extract<ExportBlock, { kind: 'actions' }>): Table {
  const rows = b.rows.map(
    (r) =>
      new TableRow({
        children: [
          linesCell(r.text, r.notices),
          textCell(r.ownerParty, colorSquare(r.ownerPartyColor)),
          textCell(r.ownerUser),
          textCell(r.due),
          textCell(r.status),
          textCell(r.funding),
        ],
      }),
  );
  return grid([headerRow(columns.actions), ...rows], [34, 17, 13, 12, 10, 14]);
}

export function criteriaTable(b: Extract<ExportBlock, { kind: 'criteria' }>): (Table | Paragraph)[] {
  const rows = b.rows.map(
    (r) => new TableRow({ children: [linesCell(r.text, r.notices), textCell(r.kind), textCell(r.category), textCell(r.weight)] }),
  );
  const out: (Table | Paragraph)[] = [grid([headerRow(columns.criteria), ...rows], [52, 20, 18, 10])];
  if (b.total) {
    out.push(new Paragraph({ spacing: { before: 120 }, children: [textRun(b.total.label, { bold: true })] }));
    out.push(...b.total.notices.map(noticeParagraph));
  }
  return out;
}
