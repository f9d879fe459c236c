/**
 * Ways out of the text without the mouse. Escape leaves the editor forwards (focus goes to a
 * point after it, where Tab goes on with the page). Tab in plain text does the same — lists
 * and tables use Tab themselves, and run before this. Shift+Tab inside a structured block goes
 * to that block's own fields; elsewhere the browser moves focus back to the toolbar.
 */
import { Extension } from '@tiptap/core';
import { isBlockName } from '../../../shared/blocks/attrs';
import { focusLastControl } from './blockFocus';

export interface EditorExitsOptions {
  leave: () => void;
}

export const EditorExits = Extension.create<EditorExitsOptions>({
  name: 'editorExits',
  // After lists (Tab indents) and the slash menu (Escape closes it), which run at 100.
  priority: 50,

  addOptions() {
    return { leave: () => {} };
  },

  addKeyboardShortcuts() {
    const leave = () => {
      this.options.leave();
      return true;
    };
    return {
      Escape: leave,
      Tab: leave,
      'Shift-Tab': ({ editor }) => {
        const { $from } = editor.state.selection;
        for (let depth = $from.depth; depth > 0; depth--) {
          if (!isBlockName($from.node(depth).type.name)) continue;
          const card = editor.view.nodeDOM($from.before(depth));
          return card instanceof HTMLElement && focusLastControl(card);
        }
        return false;
      },
    };
  },
});
