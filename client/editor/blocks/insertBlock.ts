/**
 * Inserting a block at the top level of the document: it replaces the empty paragraph the
 * cursor is in (the slash command leaves one), or goes right after the top-level node that
 * holds the cursor. The cursor moves into the block's text.
 */
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { BlockName } from '../../../shared/blocks/attrs';
import type { BlockIdentity } from './BlockContext';
import { buildBlock } from './buildBlock';

export interface InsertOptions {
  /** Text to remove first, such as the typed "/actie". */
  deleteRange?: { from: number; to: number };
}

export function insertBlock(editor: Editor, kind: BlockName, identity: BlockIdentity, options: InsertOptions = {}): boolean {
  return editor
    .chain()
    .focus()
    .command(({ tr, state }) => {
      if (options.deleteRange) tr.delete(options.deleteRange.from, options.deleteRange.to);
      const block = state.schema.nodeFromJSON(buildBlock(kind, identity));
      const $from = tr.selection.$from;
      let at: number;
      if ($from.depth === 0) {
        at = tr.selection.to;
        tr.insert(at, block);
      } else {
        const top = $from.node(1);
        const start = $from.before(1);
        const end = $from.after(1);
        if (top.type.name === 'paragraph' && top.content.size === 0) {
          at = start;
          tr.replaceWith(start, end, block);
        } else {
          at = end;
          tr.insert(at, block);
        }
      }
      const after = at + block.nodeSize;
      // Leave a paragraph after a block at the very end, so writing can go on below it.
      if (after === tr.doc.content.size) tr.insert(after, state.schema.nodes.paragraph!.create());
      tr.setSelection(TextSelection.near(tr.doc.resolve(at + 2)));
      tr.scrollIntoView();
      return true;
    })
    .run();
}
