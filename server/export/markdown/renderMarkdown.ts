/**
 * Markdown export (GitHub-flavoured: tables with a header row). All document text is escaped,
 * so text that looks like Markdown or HTML stays text; only allowed links (http, https, mailto)
 * become links.
 */
import { isAllowedLinkHref } from '../../../shared/editor/extensions';
import { columns, words } from '../labels';
import type { ExportBlock, ExportModel, RichLines, Run } from '../types';

/** Backslash-escapes what Markdown or inline HTML would read as syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`);
}

/** A paragraph must not start like a heading, list item or quote. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)(\d+)([.)])(\s)/, '$1$2\\$3$4').replace(/^(\s*)([-+=>])(\s|$)/, '$1\\$2$3');
}

function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence === '``' ? ' ' : ''}${text}${fence === '``' ? ' ' : ''}${fence}`;
}

/** One run; marks wrap the text without its outer spaces ("**a **" is not bold in CommonMark). */
function inline(run: Run, lineBreak: string): string {
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
  if (!core) return run.text.replace(/\n/g, lineBreak);
  let out = run.code ? code(core) : escapeMarkdown(core).replace(/\n/g, lineBreak);
  if (run.strike) out = `~~${out}~~`;
  if (run.italic) out = `_${out}_`;
  if (run.bold) out = `**${out}**`;
  if (run.href && isAllowedLinkHref(run.href)) out = `[${out}](${run.href.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
  return `${lead}${out}${trail.replace(/\n/g, lineBreak)}`;
}

export function inlineMarkdown(runs: Run[], lineBreak = '\\\n'): string {
  return runs.map((run) => inline(run, lineBreak)).join('');
}

/** Table cells are one line: paragraphs and notices are joined with `<br>`. */
function cell(lines: RichLines, notices: string[] = []): string {
  const parts = [...lines.map((line) => inlineMarkdown(line, '<br>')), ...notices.map(escapeMarkdown)];
  return parts.join('<br>').replace(/\r?\n/g, ' ');
}

function gfmTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');
}

function list(block: Extract<ExportBlock, { kind: 'list' }>): string {
  return block.items
    .map((item, index) => {
      const marker = block.ordered ? `${block.start + index}. ` : '- ';
      const body = item.length > 0 ? blocks(item).join('\n\n') : '';
      const padded = indent(body, ' '.repeat(marker.length));
      return marker + padded.slice(marker.length);
    })
    .join('\n');
}

function plainLine(text: string): string {
  return escapeLineStart(escapeMarkdown(text));
}

function block(b: ExportBlock): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${inlineMarkdown(b.runs, ' ')}`;
    case 'paragraph': {
      const text = escapeLineStart(inlineMarkdown(b.runs));
      return b.quote ? indent(text, '> ') : text;
    }
    case 'code':
      return ['````', b.text, '````'].join('\n');
    case 'rule':
      return '---';
    case 'list':
      return list(b);
    case 'table': {
      const [first, ...rest] = b.rows;
      if (!first) return '';
      const width = Math.max(...b.rows.map((r) => r.cells.length));
      const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
      return gfmTable(pad(first.cells.map((c) => cell(c))), rest.map((r) => pad(r.cells.map((c) => cell(c)))));
    }
    case 'actions':
      return gfmTable(
        [...columns.actions],
        b.rows.map((r) => [cell(r.text, r.notices), escapeMarkdown(r.ownerParty), escapeMarkdown(r.ownerUser), escapeMarkdown(r.due), escapeMarkdown(r.status), escapeMarkdown(r.funding)]),
      );
    case 'commitments':
      return b.groups
        .map((g) => {
          const items = g.items.map((item) => {
            const text = cell(item.text).replace(/<br>/g, ' ');
            const status = escapeMarkdown(item.confirmation ?? item.status);
            const notices = item.notices.map((n) => `\\\n  ${plainLine(n)}`).join('');
            return `- ${text} _(${status})_${notices}`;
          });
          return [`**${escapeMarkdown(g.party)}**`, '', ...items].join('\n');
        })
        .join('\n\n');
    case 'reflections':
      return b.items
        .map((item) => {
          // Hard breaks keep the questions on their own lines inside the list item.
          const lines = item.text.map((line) => `  ${escapeLineStart(inlineMarkdown(line, ' '))}`);
          const notices = item.notices.map((n) => `  ${plainLine(n)}`);
          return [`- **${escapeMarkdown(item.date)}** (${escapeMarkdown(item.status)})`, ...lines, ...notices].join('\\\n');
        })
        .join('\n');
    case 'criteria': {
      const table = gfmTable(
        [...columns.criteria],
        b.rows.map((r) => [cell(r.text, r.notices), escapeMarkdown(r.kind), escapeMarkdown(r.category), escapeMarkdown(r.weight)]),
      );
      if (!b.total) return table;
      return [table, `**${escapeMarkdown(b.total.label)}**`, ...b.total.notices.map(plainLine)].join('\n\n');
    }
  }
}

function blocks(list: ExportBlock[]): string[] {
  return list.map(block).filter((text) => text.length > 0);
}

export function renderMarkdown(model: ExportModel): string {
  const meta = model.meta.map((m) => `**${escapeMarkdown(m.label)}:** ${escapeMarkdown(m.value)}`).join('  \n');
  const parts = [`# ${escapeMarkdown(model.title)}`, meta];
  if (model.parties.length > 0) {
    parts.push(
      `**${words.signingParties}:**`,
      model.parties.map((p) => `- **${escapeMarkdown(p.party)}**: ${escapeMarkdown(p.state)}`).join('\n'),
    );
  }
  parts.push('---', ...blocks(model.body));
  return `${parts.join('\n\n')}\n`;
}
