/**
 * The grouped forms of the structured blocks: a run of blocks of one kind becomes one actions
 * table, one list of commitments per party, one dated list of reflection moments or one
 * criteria table.
 */
import type { JSONContent } from '@tiptap/core';
import type { BlockName } from '../../../shared/blocks/attrs';
import type { NameBook } from '../../presenters/registers';
import type { AwardTotal, CommitmentGroup, CriterionRow, ExportBlock, ReflectionItem } from '../types';
import { say } from '../labels';
import { toActionRow, toCommitment, toCriterion, toReflection } from './structuredBlocks';

export type GroupBlock = Extract<ExportBlock, { kind: 'actions' | 'commitments' | 'reflections' | 'criteria' }>;

export function emptyGroup(kind: BlockName): GroupBlock {
  switch (kind) {
    case 'action':
      return { kind: 'actions', rows: [] };
    case 'commitment':
      return { kind: 'commitments', groups: [] };
    case 'reflection':
      return { kind: 'reflections', items: [] };
    case 'criterion':
      return { kind: 'criteria', rows: [], total: null };
  }
}

/** Commitments per party, parties in order of their first commitment; "no party" last. */
function commitmentGroups(nodes: JSONContent[], book: NameBook): CommitmentGroup[] {
  const groups = new Map<string, CommitmentGroup>();
  for (const node of nodes) {
    const { party, item } = toCommitment(node, book);
    // Every id the workspace does not know lands in one "Onbekende partij" group.
    const key = party.id === null ? '\u0000none' : book.parties.has(party.id) ? party.id : '\u0000unknown';
    let group = groups.get(key);
    if (!group) {
      group = { party: party.name, color: party.color, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  const none = groups.get('\u0000none');
  groups.delete('\u0000none');
  return [...groups.values(), ...(none ? [none] : [])];
}

/** By date; moments without a (valid) date keep their document order after the dated ones. */
function reflectionItems(nodes: JSONContent[]): ReflectionItem[] {
  const items = nodes.map((node, index) => ({ index, ...toReflection(node) }));
  items.sort((a, b) => {
    if (a.sortKey && b.sortKey) return a.sortKey.localeCompare(b.sortKey) || a.index - b.index;
    if (a.sortKey) return -1;
    if (b.sortKey) return 1;
    return a.index - b.index;
  });
  return items.map((i) => i.item);
}

export function awardTotal(nodes: JSONContent[]): AwardTotal | null {
  const awards = nodes.map((node) => toCriterion(node).award).filter((a) => a !== null);
  if (awards.length === 0) return null;
  const total = awards.reduce((sum, a) => sum + (a.weight ?? 0), 0);
  const missing = awards.filter((a) => a.weight === null).length;
  const notices: string[] = [];
  if (missing > 0) notices.push(say('exportDoc.unweighted', { count: missing }));
  if (total !== 100) notices.push(say('exportDoc.totalNot100', { total }));
  return { label: say('exportDoc.awardTotal', { total }), notices };
}

/** Fills a group from its blocks. `withTotal`: the run holds every criterion of the document. */
export function fillGroup(target: GroupBlock, nodes: JSONContent[], book: NameBook, withTotal: boolean): void {
  switch (target.kind) {
    case 'actions':
      target.rows = nodes.map((node) => toActionRow(node, book));
      return;
    case 'commitments':
      target.groups = commitmentGroups(nodes, book);
      return;
    case 'reflections':
      target.items = reflectionItems(nodes);
      return;
    case 'criteria':
      target.rows = nodes.map((node): CriterionRow => toCriterion(node).row);
      target.total = withTotal ? awardTotal(nodes) : null;
      return;
  }
}
