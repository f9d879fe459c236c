/** The words each suggestion covers in the editor's document, by suggestion id, in document order. */
import type { Node as PmNode } from '@tiptap/pm/model';
import { isSuggestionMarkName, suggestionIdOf } from '../../shared/suggestions/suggestionMarks';

export function suggestionTexts(doc: PmNode): Record<string, string> {
  const texts: Record<string, string> = {};
  doc.descendants((node) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const id = isSuggestionMarkName(mark.type.name) ? suggestionIdOf(mark.attrs) : null;
      if (id !== null) texts[id] = (texts[id] ?? '') + node.text;
    }
    return false;
  });
  return texts;
}
