/**
 * DOCX export with `docx`: Word's own heading styles (so the navigation pane and a table of
 * contents work), real tables, real numbered and bulleted lists, hyperlinks, and "pagina X van
 * Y" in the footer as Word fields.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TextRun,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import { words } from '../labels';
import type { ExportBlock, ExportModel } from '../types';
import { actionsTable, criteriaTable, documentTable } from './docxTables';
import { colorSquare, noticeParagraph, runChildren, textRun } from './docxText';
import { cleanXmlText } from '../xmlText';

type Out = Paragraph | Table;

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

const levels = (format: 'decimal' | 'bullet', start = 1): ILevelsOptions[] =>
  Array.from({ length: 4 }, (_, level) => ({
    level,
    format: format === 'decimal' ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: format === 'decimal' ? `%${level + 1}.` : ['•', '◦', '▪', '•'][level],
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

/** Every list in the document is its own numbering instance, so each ordered list counts from its start. */
class Lists {
  private nextInstance = 1;
  readonly starts = new Set<number>([1]);

  instance(): number {
    return this.nextInstance++;
  }

  reference(ordered: boolean, start: number): string {
    if (!ordered) return 'bullets';
    this.starts.add(start);
    return `ordered-${start}`;
  }

  config() {
    return [
      { reference: 'bullets', levels: levels('bullet') },
      ...[...this.starts].map((start) => ({ reference: `ordered-${start}`, levels: levels('decimal', start) })),
    ];
  }
}

class Renderer {
  readonly lists = new Lists();

  blocks(list: ExportBlock[], depth = 0): Out[] {
    return list.flatMap((b) => this.block(b, depth));
  }

  private block(b: ExportBlock, depth: number): Out[] {
    switch (b.kind) {
      case 'heading':
        return [new Paragraph({ heading: headingLevels[b.level - 1], children: runChildren(b.runs) })];
      case 'paragraph':
        return [new Paragraph({ children: runChildren(b.runs), indent: b.quote ? { left: 567 } : undefined })];
      case 'code':
        return [new Paragraph({ children: [textRun(b.text, {}, { text: b.text, code: true })] })];
      case 'rule':
        return [new Paragraph({ border: { bottom: { style: 'single', size: 6, color: 'AAAAAA', space: 1 } }, children: [] })];
      case 'list':
        return this.list(b, depth);
      case 'table':
        return [documentTable(b)];
      case 'actions':
        return [actionsTable(b), new Paragraph({})];
      case 'criteria':
        return [...criteriaTable(b), new Paragraph({})];
      case 'commitments':
        return b.groups.flatMap((g) => [
          new Paragraph({ spacing: { before: 160 }, keepNext: true, children: [...colorSquare(g.color), textRun(g.party, { bold: true })] }),
          ...g.items.flatMap((item) => [
            this.listParagraph(false, 0, this.lists.instance(), [
              ...runChildren(item.text.flatMap((line, i) => (i === 0 ? line : [{ text: '\n' }, ...line]))),
              textRun(` (${item.confirmation ?? item.status})`, { italics: true }),
            ]),
            ...item.notices.map(noticeParagraph),
          ]),
        ]);
      case 'reflections':
        return b.items.flatMap((item) => [
          this.listParagraph(false, 0, this.lists.instance(), [textRun(item.date, { bold: true }), textRun(` (${item.status})`, { italics: true })]),
          ...item.text.map((line) => new Paragraph({ indent: { left: 720 }, children: runChildren(line) })),
          ...item.notices.map(noticeParagraph),
        ]);
    }
  }

  private listParagraph(ordered: boolean, level: number, instance: number, children: ParagraphChild[], start = 1): Paragraph {
    return new Paragraph({ numbering: { reference: this.lists.reference(ordered, start), level, instance }, children });
  }

  private list(b: Extract<ExportBlock, { kind: 'list' }>, depth: number): Out[] {
    const instance = this.lists.instance();
    const level = Math.min(depth, 3);
    return b.items.flatMap((item) => {
      const [first, ...rest] = item;
      if (!first || first.kind !== 'paragraph') {
        // An item that starts with something other than text gets an empty numbered line first.
        return [this.listParagraph(b.ordered, level, instance, [], b.start), ...this.blocks(item, depth + 1)];
      }
      return [this.listParagraph(b.ordered, level, instance, runChildren(first.runs), b.start), ...this.blocks(rest, depth + 1)];
    });
  }
}

function frontMatter(model: ExportModel): Paragraph[] {
  const out = [new Paragraph({ heading: HeadingLevel.TITLE, children: [textRun(model.title)] })];
  for (const m of model.meta) out.push(new Paragraph({ children: [textRun(`${m.label}: `, { bold: true }), textRun(m.value)] }));
  if (model.parties.length > 0) {
    out.push(new Paragraph({ spacing: { before: 160 }, children: [textRun(`${words.signingParties}:`, { bold: true })] }));
    for (const p of model.parties) {
      out.push(new Paragraph({ indent: { left: 360 }, children: [...colorSquare(p.color), textRun(p.party, { bold: true }), textRun(`: ${p.state}`)] }));
    }
  }
  out.push(new Paragraph({ border: { bottom: { style: 'single', size: 6, color: 'AAAAAA', space: 1 } }, children: [] }));
  return out;
}

const pageFooter = () =>
  new Footer({
  children: [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: ['pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES], size: 18, color: '666666' })],
    }),
  ],
  });

export async function renderDocx(model: ExportModel): Promise<Buffer> {
  const renderer = new Renderer();
  const body = renderer.blocks(model.body);
  const document = new Document({
    title: cleanXmlText(model.title),
    creator: 'werktafel',
    description: cleanXmlText(model.meta.map((m) => `${m.label}: ${m.value}`).join('; ')),
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: 'nl-NL' } } } } },
    numbering: { config: renderer.lists.config() },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: { default: pageFooter() },
        children: [...frontMatter(model), ...body],
      },
    ],
  });
  return Packer.toBuffer(document);
}
