/**
 * The body of the ODT export (content.xml's `office:text`): the front matter, then the export
 * model's blocks as ODF headings with outline levels, paragraphs, real lists (`text:list`, an
 * ordered list starting at its own number), tables, and the structured blocks laid out as the
 * DOCX does: commitments per party, reflections as a dated list, actions and criteria as tables.
 * ODF allows no table inside a list item, so a table that sits in a list follows that list.
 */
import { words } from '../labels';
import type { ExportBlock, ExportModel, Run } from '../types';
import { AutomaticStyles, inline, odfText, para, swatch } from './odtInline';
import { listStyleNames } from './odtStyles';
import { OdtTables } from './odtTables';

const list = (ordered: boolean, items: string[]): string =>
  `<text:list text:style-name="${ordered ? listStyleNames.number : listStyleNames.bullet}">${items.join('')}</text:list>`;
const listItem = (content: string, start?: number): string =>
  `<text:list-item${start !== undefined ? ` text:start-value="${start}"` : ''}>${content}</text:list-item>`;

export class OdtBody {
  readonly styles = new AutomaticStyles();
  private readonly tables = new OdtTables(this.styles);
  /** Tables met inside a list, written after the outermost list. */
  private deferred: string[] = [];

  private bold(text: string): string {
    return `<text:span text:style-name="${this.styles.span({ bold: true })}">${odfText(text)}</text:span>`;
  }

  private italic(text: string): string {
    return `<text:span text:style-name="${this.styles.span({ italic: true })}">${odfText(text)}</text:span>`;
  }

  private notices(notices: string[]): string {
    return notices.map((n) => para('Notice', odfText(n))).join('');
  }

  frontMatter(model: ExportModel): string {
    const out = [para('Title', odfText(model.title))];
    for (const m of model.meta) out.push(para('Meta', `${this.bold(`${m.label}: `)}${odfText(m.value)}`));
    if (model.parties.length > 0) {
      out.push(para('Text_20_body', this.bold(`${words.signingParties}:`)));
      const items = model.parties.map((p) => listItem(para('List_20_Paragraph', `${swatch(p.color, this.styles)}${this.bold(p.party)}${odfText(`: ${p.state}`)}`)));
      out.push(list(false, items));
    }
    out.push(para('Rule', ''));
    return out.join('');
  }

  blocks(blocks: ExportBlock[], inList = false): string {
    return blocks.map((b) => this.block(b, inList)).join('');
  }

  private block(b: ExportBlock, inList: boolean): string {
    if (inList && (b.kind === 'table' || b.kind === 'actions' || b.kind === 'criteria')) {
      this.deferred.push(this.block(b, false));
      return '';
    }
    switch (b.kind) {
      case 'heading':
        return `<text:h text:style-name="Heading_20_${b.level}" text:outline-level="${b.level}">${inline(b.runs, this.styles)}</text:h>`;
      case 'paragraph':
        return para(b.quote ? 'Quotations' : inList ? 'List_20_Paragraph' : 'Text_20_body', inline(b.runs, this.styles));
      case 'code':
        return para('Preformatted_20_Text', odfText(b.text));
      case 'rule':
        return para('Rule', '');
      case 'list': {
        const items = b.items.map((item, i) => listItem(this.blocks(item, true) || para('List_20_Paragraph', ''), b.ordered && i === 0 && b.start !== 1 ? b.start : undefined));
        if (inList) return list(b.ordered, items);
        const after = this.deferred.join('');
        this.deferred = [];
        return list(b.ordered, items) + after;
      }
      case 'table':
        return this.tables.document(b);
      case 'actions':
        return this.tables.actions(b);
      case 'criteria':
        return this.tables.criteria(b);
      case 'commitments':
        return b.groups
          .map((g) => {
            const items = g.items.map((item) => {
              const runs: Run[] = item.text.flatMap((line, i) => (i === 0 ? line : [{ text: '\n' }, ...line]));
              return listItem(para('List_20_Paragraph', `${inline(runs, this.styles)} ${this.italic(`(${item.confirmation ?? item.status})`)}`) + this.notices(item.notices));
            });
            return para('Text_20_body', `${swatch(g.color, this.styles)}${this.bold(g.party)}`) + list(false, items);
          })
          .join('');
      case 'reflections':
        return list(
          false,
          b.items.map((item) =>
            listItem(
              para('List_20_Paragraph', `${this.bold(item.date)} ${this.italic(`(${item.status})`)}`) +
                item.text.map((line) => para('List_20_Paragraph', inline(line, this.styles))).join('') +
                this.notices(item.notices),
            ),
          ),
        );
    }
  }
}
