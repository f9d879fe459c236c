/**
 * Keys act where the caret is on screen. Some keys move the caret without ProseMirror (End,
 * Ctrl+End, Shift+End, PageDown: the browser does it); ProseMirror learns of the move from
 * `selectionchange`, which Chromium fires in a later task. When the page is busy (remote
 * edits being applied, a slow machine) the next keydown can be handled before that task,
 * and ProseMirror 1.42's keydown does not look at the DOM selection first: End then Enter
 * split the paragraph where the caret had been, not at its end.
 *
 * `takeInNativeSelection` runs before any key handler (it is the editor's own
 * `handleKeyDown` prop, consulted before every plugin, Tiptap's input rules included) and
 * gives ProseMirror the selection the browser already shows. It only acts when both sides
 * are plain text selections, so node, cell and gap selections, which ProseMirror draws in
 * the DOM its own way, are left to ProseMirror.
 */
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** The DOM selection as a text selection in the document, or null if it is not one. */
function domTextSelection(view: EditorView): TextSelection | null {
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection?.anchorNode || !selection.focusNode) return null;
  if (!view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return null;
  let anchor: number;
  let head: number;
  try {
    // Bias 1, as ProseMirror reads a DOM selection itself.
    anchor = view.posAtDOM(selection.anchorNode, selection.anchorOffset, 1);
    head = view.posAtDOM(selection.focusNode, selection.focusOffset, 1);
  } catch {
    return null; // in a part of a node view that maps to no document position
  }
  const { doc } = view.state;
  if (anchor < 0 || head < 0 || anchor > doc.content.size || head > doc.content.size) return null;
  const $anchor = doc.resolve(anchor);
  const $head = doc.resolve(head);
  if (!$anchor.parent.inlineContent || !$head.parent.inlineContent) return null;
  return TextSelection.create(doc, anchor, head);
}

/** Before a key is handled: take in a caret move the browser made that ProseMirror has not read yet. */
export function takeInNativeSelection(view: EditorView, event: KeyboardEvent): false {
  // During composition the DOM selection belongs to the input method; a focused control in a
  // block card has its own caret.
  if (event.isComposing || view.composing || !view.hasFocus()) return false;
  const current = view.state.selection;
  if (!(current instanceof TextSelection)) return false;
  const shown = domTextSelection(view);
  if (shown && (shown.anchor !== current.anchor || shown.head !== current.head)) {
    view.dispatch(view.state.tr.setSelection(shown));
  }
  // Never handles the key itself: the key's own handlers run next, on the updated state.
  return false;
}
