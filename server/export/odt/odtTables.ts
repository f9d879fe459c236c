/**
 * Tables of the ODT export: the document's own tables, the actions table and the criteria
 * table, with a repeating header row (`table:table-header-rows`) and thin borders, as in the DOCX.
 */
import { columns } from '../labels';
import type { ExportBlock, RichLines } from '../types';
import { escapeXml } from '../xmlText';
import { inline, odfText, para, swatch, type AutomaticStyles } from './odtInline';

/** Usable width of an A4 page with 2 cm margins. */
const pageWidthCm = 17;

/** The table and cell styles every table uses (content.xml's fixed automatic styles). */
export const tableStyles = `<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="${pageWidthCm}cm" table:align="margins" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #999999"/></style:style>
<style:style style:name="Cell_head" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #999999" fo:background-color="#eeeeee"/></style:style>`;

type Cell = string;

export class OdtTables {
  private count = 0;

  constructor(private readonly styles: AutomaticStyles) {}

  private lines(lines: RichLines, notices: string[] = [], bold = false, style = 'Table_20_Contents'): Cell {
    const out = lines.map((line) => para(style, inline(line, this.styles, { bold })));
    out.push(...notices.map((n) => para('Table_20_Notice', odfText(n))));
    return out.length > 0 ? out.join('') : para(style, '');
  }

  private text(value: string, color: string | null = null): Cell {
    return para('Table_20_Contents', swatch(color, this.styles) + odfText(value));
  }

  private row(cells: Cell[], header: boolean): string {
    const style = header ? 'Cell_head' : 'Cell';
    return `<table:table-row>${cells.map((c) => `<table:table-cell table:style-name="${style}" office:value-type="string">${c}</table:table-cell>`).join('')}</table:table-row>`;
  }

  /** A table with column widths as percentages; the header row repeats on every page. */
  private table(percents: number[], header: Cell[] | null, rows: Cell[][]): string {
    const name = `Tabel${++this.count}`;
    const cols = percents.map((p) => `<table:table-column table:style-name="${this.styles.column((pageWidthCm * p) / 100)}"/>`).join('');
    const head = header ? `<table:table-header-rows>${this.row(header, true)}</table:table-header-rows>` : '';
    return `<table:table table:name="${escapeXml(name)}" table:style-name="Tbl">${cols}${head}${rows.map((r) => this.row(r, false)).join('')}</table:table>`;
  }

  private headerCells(labels: readonly string[]): Cell[] {
    return labels.map((label) => para('Table_20_Heading', odfText(label)));
  }

  document(b: Extract<ExportBlock, { kind: 'table' }>): string {
    const width = Math.max(1, ...b.rows.map((r) => r.cells.length));
    const fill = (cells: RichLines[], header: boolean) =>
      Array.from({ length: width }, (_, i) => this.lines(cells[i] ?? [], [], false, header ? 'Table_20_Heading' : 'Table_20_Contents'));
    const [first, ...rest] = b.rows;
    const header = first?.header ? fill(first.cells, true) : null;
    return this.table(Array<number>(width).fill(100 / width), header, (header ? rest : b.rows).map((r) => fill(r.cells, r.header)));
  }

  actions(b: Extract<ExportBlock, { kind: 'actions' }>): string {
    const rows = b.rows.map((r) => [this.lines(r.text, r.notices), this.text(r.ownerParty, r.ownerPartyColor), this.text(r.ownerUser), this.text(r.due), this.text(r.status), this.text(r.funding)]);
    // Wider than the DOCX's columns: DejaVu Sans runs wider than Calibri, and "Vastgelopen" should not break.
    return this.table([28, 16, 13, 13, 14, 16], this.headerCells(columns.actions), rows);
  }

  criteria(b: Extract<ExportBlock, { kind: 'criteria' }>): string {
    const rows = b.rows.map((r) => [this.lines(r.text, r.notices), this.text(r.kind), this.text(r.category), this.text(r.weight)]);
    const out = [this.table([50, 20, 18, 12], this.headerCells(columns.criteria), rows)];
    if (b.total) {
      out.push(para('Text_20_body', `<text:span text:style-name="${this.styles.span({ bold: true })}">${odfText(b.total.label)}</text:span>`));
      out.push(...b.total.notices.map((n) => para('Notice', odfText(n))));
    }
    return out.join('');
  }
}
