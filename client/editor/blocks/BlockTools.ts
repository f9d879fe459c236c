/**
 * Editor behaviour around the structured blocks that is not a node: the slash menu, fresh ids
 * for pasted copies, and leaving a block with Enter on an empty last line.
 */
import { Extension } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { isBlockName } from '../../../shared/blocks/attrs';
import type { BlockIdentity } from './BlockContext';
import { insertBlock } from './insertBlock';
import { slashPlugin } from './slashPlugin';
import { uniqueBlockIdsPlugin } from './uniqueBlockIds';

export interface BlockToolsOptions {
  identity: () => BlockIdentity;
}

export const BlockTools = Extension.create<BlockToolsOptions>({
  name: 'blockTools',

  addOptions() {
    return { identity: () => ({ userId: '', partyId: null }) };
  },

  addProseMirrorPlugins() {
    const editor = this.editor;
    const identity = this.options.identity;
    return [
      slashPlugin({
        isEditable: () => editor.isEditable,
        onPick: (kind, range) => insertBlock(editor, kind, identity(), { deleteRange: range }),
      }),
      uniqueBlockIdsPlugin(identity),
    ];
  },

  addKeyboardShortcuts() {
    return {
      // Enter on an empty last paragraph of a block continues below the block, as in a list.
      Enter: ({ editor }) => {
        const { selection, schema } = editor.state;
        const { $from } = selection;
        if (!selection.empty || $from.depth < 2) return false;
        const block = $from.node(-1);
        if (!isBlockName(block.type.name) || $from.parent.type.name !== 'paragraph') return false;
        if ($from.parent.content.size > 0 || block.childCount < 2 || $from.index(-1) !== block.childCount - 1) return false;
        return editor
          .chain()
          .command(({ tr }) => {
            const blockEnd = $from.after(-1);
            tr.delete($from.before(), $from.after());
            const after = tr.mapping.map(blockEnd);
            const next = tr.doc.nodeAt(after);
            // Reuse an empty paragraph that already follows the block; otherwise make one.
            if (!(next?.type.name === 'paragraph' && next.content.size === 0)) tr.insert(after, schema.nodes.paragraph!.create());
            tr.setSelection(TextSelection.near(tr.doc.resolve(after + 1)));
            tr.scrollIntoView();
            return true;
          })
          .run();
      },
    };
  },
});
