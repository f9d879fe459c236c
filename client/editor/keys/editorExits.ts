/**
 * Ways out of the text without the mouse. Escape leaves the editor forwards (focus goes to a
 * point after it, where Tab goes on with the page). Tab in plain text does the same — lists
 * and tables use Tab themselves, and run before this — except in a structured block with
 * controls under its text (a commitment's confirm), where Tab goes to those. Shift+Tab inside
 * a block goes to that block's own fields; elsewhere the browser moves focus back to the toolbar.
 */
import { Extension, type Editor } from '@tiptap/core';
import { isBlockName } from '../../../shared/blocks/attrs';
import { focusFirstControlAfter, focusLastControl } from './blockFocus';

/** The card element of the structured block around the caret, if any. */
function cardAroundCaret(editor: Editor): HTMLElement | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if (!isBlockName($from.node(depth).type.name)) continue;
    const card = editor.view.nodeDOM($from.before(depth));
    return card instanceof HTMLElement ? card : null;
  }
  return null;
}

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
      Tab: ({ editor }) => {
        const card = cardAroundCaret(editor);
        return (!!card && focusFirstControlAfter(card)) || leave();
      },
      'Shift-Tab': ({ editor }) => {
        const card = cardAroundCaret(editor);
        return !!card && focusLastControl(card);
      },
    };
  },
});
