/**
 * The PDF's structure tree (a tagged PDF): what a screen reader or a reflowing viewer reads
 * instead of the drawn page. Content is drawn inside `leaf` (one marked-content element: P, H1,
 * Lbl, TD, …) within the containers opened by `group` (L, LI, Table, TR, …); lines, fills and
 * colour squares are drawn inside `artifact`, so that they are not read out.
 *
 * pdfkit closes every open marked-content sequence when an artifact or another element starts,
 * so leaves never nest and no artifact is drawn inside a leaf.
 */
import type PDFDocument from 'pdfkit';

type Pdf = InstanceType<typeof PDFDocument>;
type Element = ReturnType<Pdf['struct']>;

export type LeafType = 'P' | 'H1' | 'H2' | 'H3' | 'H4' | 'Lbl' | 'TH' | 'TD' | 'Code' | 'BlockQuote';
export type GroupType = 'L' | 'LI' | 'LBody' | 'Table' | 'TR' | 'Sect';

export class PdfTags {
  private readonly stack: Element[];

  constructor(private readonly pdf: Pdf) {
    const root = pdf.struct('Document');
    pdf.addStructure(root);
    this.stack = [root];
  }

  private get current(): Element {
    return this.stack[this.stack.length - 1]!;
  }

  /** What `draw` puts on the page becomes one element of this type. */
  leaf(type: LeafType, draw: () => void): void {
    this.current.add(this.pdf.struct(type, {}, draw));
  }

  /** An element that holds the elements `fill` adds. */
  group(type: GroupType, fill: () => void): void {
    const element = this.pdf.struct(type);
    this.current.add(element);
    this.stack.push(element);
    try {
      fill();
    } finally {
      this.stack.pop();
      element.end();
    }
  }

  /** Decoration or page furniture, left out of the reading order. */
  artifact(draw: () => void, type?: 'Pagination' | 'Layout'): void {
    this.pdf.markContent('Artifact', type ? { type } : undefined);
    draw();
    this.pdf.endMarkedContent();
  }

  /** Ends the tree; call once, after all content and before `pdf.end()`. */
  end(): void {
    this.stack[0]!.end();
  }
}
