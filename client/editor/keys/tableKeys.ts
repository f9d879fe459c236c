/**
 * Tab in a table, in place of the table extension's own: Tab and Shift+Tab move between cells;
 * Tab in the last cell adds one row only when the last row has text, and otherwise leaves the
 * editor. Tiptap's default adds an empty row on every Tab in the last cell, so a keyboard user
 * who only wanted to get past a table filled the shared document with empty rows.
 */
import { Extension, type Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { isSlashOpen, slashPluginKey } from '../blocks/slashPlugin';

/** The table around the selection's start, or null outside tables. */
function tableAround(state: EditorState) {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'table') return node;
  }
  return null;
}

/** Whether the last row of the table around the selection has any text in it. */
export function lastRowHasContent(state: EditorState): boolean {
  const row = tableAround(state)?.lastChild;
  return !!row && row.textContent.trim() !== '';
}

export interface TableKeysOptions {
  /** Moves focus out of the editor, forwards (see EditorExits). */
  leave: () => void;
}

const inTable = (editor: Editor) => tableAround(editor.state) !== null && !isSlashOpen(slashPluginKey.getState(editor.state));

export const TableKeys = Extension.create<TableKeysOptions>({
  name: 'tableKeys',
  // Before the table extension (100), whose Tab would add a row every time.
  priority: 200,

  addOptions() {
    return { leave: () => {} };
  },

  addKeyboardShortcuts() {
    return {
      Tab: ({ editor }) => {
        if (!inTable(editor)) return false;
        if (editor.commands.goToNextCell()) return true;
        if (lastRowHasContent(editor.state) && editor.can().addRowAfter()) {
          return editor.chain().addRowAfter().goToNextCell().run();
        }
        this.options.leave();
        return true;
      },
      // In the first cell nothing is handled: the browser moves focus back out of the editor.
      'Shift-Tab': ({ editor }) => inTable(editor) && editor.commands.goToPreviousCell(),
    };
  },
});
