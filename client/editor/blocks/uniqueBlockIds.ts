/**
 * Gives a pasted copy of a block its own id. Only this person's own changes are looked at:
 * a transaction that comes from the shared document (y-sync, also undo and redo) is left alone,
 * so two browsers never race to renumber the same block.
 */
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { isBlockName } from '../../../shared/blocks/attrs';
import type { BlockIdentity } from './BlockContext';
import { newBlockId } from './buildBlock';

function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return !!meta?.isChangeOrigin;
}

/** Ranges of the final document that this person's transactions inserted or replaced. */
function localChangedRanges(transactions: readonly Transaction[]): [number, number][] {
  const maps = transactions.flatMap((tr) => tr.mapping.maps.map((map) => ({ map, local: !isRemote(tr) })));
  const ranges: [number, number][] = [];
  maps.forEach(({ map, local }, i) => {
    if (!local) return;
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      let from = newStart;
      let to = newEnd;
      for (const later of maps.slice(i + 1)) {
        from = later.map.map(from, -1);
        to = later.map.map(to, 1);
      }
      ranges.push([from, to]);
    });
  });
  return ranges;
}

export function uniqueBlockIdsPlugin(identity: () => BlockIdentity) {
  return new Plugin({
    key: new PluginKey('uniqueBlockIds'),
    appendTransaction(transactions, _oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged && !isRemote(tr))) return null;
      const ranges = localChangedRanges(transactions);
      if (ranges.length === 0) return null;
      // A block counts as brought in by this change when the change covers all of it (a paste),
      // not when someone merely types inside it.
      const touched = (pos: number, size: number) => ranges.some(([from, to]) => from <= pos && pos + size <= to);

      const byId = new Map<string, { pos: number; size: number }[]>();
      const missing: number[] = [];
      newState.doc.descendants((node, pos) => {
        if (!isBlockName(node.type.name)) return true;
        const id = node.attrs.id as unknown;
        if (typeof id === 'string' && id) byId.set(id, [...(byId.get(id) ?? []), { pos, size: node.nodeSize }]);
        else if (touched(pos, node.nodeSize)) missing.push(pos);
        return false;
      });

      const renumber: number[] = [...missing];
      for (const places of byId.values()) {
        if (places.length < 2) continue;
        // Keep the one that was already there; a copy is what this change brought in.
        const untouched = places.filter((p) => !touched(p.pos, p.size));
        const keep = untouched[0] ?? places[0]!;
        for (const p of places) if (p !== keep && touched(p.pos, p.size)) renumber.push(p.pos);
      }
      if (renumber.length === 0) return null;

      const tr = newState.tr;
      const me = identity();
      for (const pos of renumber) {
        const node = tr.doc.nodeAt(pos);
        if (!node) continue;
        // The copy is this person's proposal now.
        tr.setNodeMarkup(pos, undefined, { ...node.attrs, id: newBlockId(), createdBy: me.userId, createdByParty: me.partyId });
      }
      return tr;
    },
  });
}
