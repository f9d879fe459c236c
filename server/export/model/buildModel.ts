/**
 * Turns the stored document (Tiptap JSON read from the Yjs state with the shared schema) into
 * the export model, once, for all four formats.
 *
 * Where the structured blocks go: a run of consecutive blocks of one kind (empty paragraphs
 * between them do not count) is rendered at the place of its first block, in its grouped form
 * (actions table, commitments per party, dated reflection list, criteria table). The prose
 * around a block belongs with it — the "Acties" section of a plan of approach introduces its
 * actions — so the reader finds them where the parties wrote them, and nothing is printed
 * twice when a kind sits in one place. When a kind is spread over several runs (the criteria
 * template has one section each for requirements, selection and award criteria), an appendix
 * "Overzicht" at the end gathers all blocks of that kind in one table or list; the total of the
 * award weights is document-wide, so it stands under the single criteria table, or in the
 * appendix when the criteria are spread.
 */
import type { JSONContent } from '@tiptap/core';
import { blockNames, isBlockName, type BlockName } from '../../../shared/blocks/attrs';
import { readJsonFromDoc } from '../../../shared/editor/schema';
import type { NameBook } from '../../presenters/registers';
import { blockHeading, words } from '../labels';
import type { ExportBlock, ExportInput, ExportModel, Run } from '../types';
import { frontMatter } from './frontMatter';
import { emptyGroup, fillGroup, type GroupBlock } from './groups';
import { linesOf, plainText, runsOf } from './inline';

interface RunOfBlocks {
  kind: BlockName;
  target: GroupBlock;
  nodes: JSONContent[];
}

class Walker {
  readonly runs: RunOfBlocks[] = [];

  blocks(nodes: JSONContent[] | undefined, quote = false): ExportBlock[] {
    const out: ExportBlock[] = [];
    let open: RunOfBlocks | null = null;
    for (const node of nodes ?? []) {
      const type = node.type ?? '';
      if (isBlockName(type)) {
        if (!open || open.kind !== type) {
          open = { kind: type, target: emptyGroup(type), nodes: [] };
          this.runs.push(open);
          out.push(open.target);
        }
        open.nodes.push(node);
        continue;
      }
      const converted = this.block(node, quote);
      // An empty paragraph converts to nothing and does not end a run of blocks.
      if (converted.length > 0) open = null;
      out.push(...converted);
    }
    return out;
  }

  private block(node: JSONContent, quote: boolean): ExportBlock[] {
    switch (node.type) {
      case 'heading': {
        const runs = runsOf(node);
        // Whole levels only: a client-written 2.5 would make an invalid ODT outline level and PDF tag.
        const level = Math.min(Math.max(Math.trunc(Number(node.attrs?.level)) || 1, 1), 4) as 1 | 2 | 3 | 4;
        return plainText(runs).trim() ? [{ kind: 'heading', level, runs }] : [];
      }
      case 'paragraph': {
        const runs = runsOf(node);
        return plainText(runs).trim() ? [quote ? { kind: 'paragraph', runs, quote } : { kind: 'paragraph', runs }] : [];
      }
      case 'blockquote':
        return this.blocks(node.content, true);
      case 'codeBlock':
        return [{ kind: 'code', text: plainText(runsOf(node)) }];
      case 'horizontalRule':
        return [{ kind: 'rule' }];
      case 'bulletList':
      case 'orderedList': {
        const start = Number(node.attrs?.start);
        const items = (node.content ?? []).map((item) => this.blocks(item.content, quote));
        return [{ kind: 'list', ordered: node.type === 'orderedList', start: Number.isInteger(start) && start > 0 ? start : 1, items }];
      }
      case 'table':
        return [this.table(node)];
      case 'text':
        return node.text ? [{ kind: 'paragraph', runs: [{ text: node.text }] }] : [];
      default:
        // Unknown nodes (a newer schema, a hand-written update): keep their text, drop the rest.
        return this.blocks(node.content, quote);
    }
  }

  private table(node: JSONContent): ExportBlock {
    const rows = (node.content ?? []).map((row) => {
      const cells = row.content ?? [];
      return {
        header: cells.length > 0 && cells.every((cell) => cell.type === 'tableHeader'),
        cells: cells.map((cell) => linesOf(cell.content)),
      };
    });
    return { kind: 'table', rows: rows.filter((row) => row.cells.length > 0) };
  }
}

function isTitleHeading(node: JSONContent | undefined, title: string): boolean {
  if (node?.type !== 'heading' || Number(node.attrs?.level) !== 1) return false;
  const text = plainText(runsOf(node)).trim();
  return text === title.trim();
}

/** Fills every run, and returns the "Overzicht" appendix for kinds spread over several runs. */
function finish(runs: RunOfBlocks[], book: NameBook): ExportBlock[] {
  const appendix: ExportBlock[] = [];
  for (const kind of blockNames) {
    const ofKind = runs.filter((run) => run.kind === kind);
    for (const run of ofKind) fillGroup(run.target, run.nodes, book, ofKind.length === 1);
    if (ofKind.length < 2) continue;
    const all = emptyGroup(kind);
    fillGroup(all, ofKind.flatMap((run) => run.nodes), book, true);
    appendix.push({ kind: 'heading', level: 3, runs: [{ text: blockHeading(kind) }] }, all);
  }
  if (appendix.length === 0) return [];
  const intro: Run[] = [{ text: words.overviewIntro, italic: true }];
  return [{ kind: 'heading', level: 2, runs: [{ text: words.overview }] }, { kind: 'paragraph', runs: intro }, ...appendix];
}

/** The export model of a document. Never throws on content: odd nodes and attributes degrade. */
export function buildExportModel(input: ExportInput): ExportModel {
  const json = readJsonFromDoc(input.doc);
  const nodes = [...(json.content ?? [])];
  // The export prints the title itself; the document's own h1 with the same text would repeat it.
  if (isTitleHeading(nodes[0], input.title)) nodes.shift();
  const walker = new Walker();
  const body = walker.blocks(nodes);
  body.push(...finish(walker.runs, input.names));
  return { ...frontMatter(input), body };
}
