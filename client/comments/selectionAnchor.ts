/**
 * The editor's selection as a thread anchor for the API: base64 of Yjs relative positions into
 * the document's `default` fragment, so the server finds the same characters however the text
 * changed meanwhile.
 */
import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { ThreadAnchor } from '../../shared/api/comments';

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

export interface SelectionAnchor {
  anchor: ThreadAnchor;
  quote: string;
}

/** The selected text as an anchor, or null when nothing is selected. */
export function selectionAnchor(editor: Editor): SelectionAnchor | null {
  const { from, to, empty } = editor.state.selection;
  const quote = editor.state.doc.textBetween(from, to, ' ', ' ').trim();
  if (empty || quote.length === 0) return null;
  const sync = ySyncPluginKey.getState(editor.state) as { type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } } | undefined;
  if (!sync) return null;
  const position = (pos: number) => toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping as never)));
  return { anchor: { from: position(from), to: position(to) }, quote };
}
