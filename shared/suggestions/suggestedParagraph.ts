/**
 * A proposed new paragraph (issue 15): a paragraph whose `suggestion` attribute holds the id of
 * an insertion suggestion. It exists in the document as a proposal, drawn in the suggester's
 * party colour, until someone who may decide accepts it (the attribute goes, the paragraph
 * stays) or rejects it (the paragraph goes, with whatever was typed in it). Like the marks, it
 * carries the id and nothing else: who proposed it is the server's record of the connection
 * that first wrote the id.
 *
 * - Only on paragraphs: a new heading, list item or block is no suggestion.
 * - Not kept on split: Enter inside a proposed paragraph in the ordinary mode starts a plain one.
 * - Never parsed from HTML: pasting does not bring another person's proposal along.
 */
import { Extension } from '@tiptap/core';
import * as Y from 'yjs';

/** The paragraph attribute (and Yjs XmlElement attribute) that holds the suggestion id. */
export const PARAGRAPH_SUGGESTION_ATTR = 'suggestion';

/** The only node type a suggestion may add. */
export const SUGGESTABLE_NODE = 'paragraph';

export const SuggestedParagraph = Extension.create({
  name: 'suggestedParagraph',
  addGlobalAttributes() {
    return [
      {
        types: [SUGGESTABLE_NODE],
        attributes: {
          [PARAGRAPH_SUGGESTION_ATTR]: {
            default: null,
            keepOnSplit: false,
            parseHTML: () => null,
            renderHTML: (attrs: Record<string, unknown>) => {
              const id = attrs[PARAGRAPH_SUGGESTION_ATTR];
              return typeof id === 'string' ? { 'data-suggestion-paragraph': id, class: 'suggestion-paragraph' } : {};
            },
          },
        },
      },
    ];
  },
});

/** The suggestion id a Yjs element proposes as a new paragraph, or null. */
export function paragraphSuggestionId(element: Y.XmlElement): string | null {
  if (element.nodeName !== SUGGESTABLE_NODE) return null;
  const id = element.getAttribute(PARAGRAPH_SUGGESTION_ATTR) as unknown;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

/** True when `text` sits in a proposed paragraph (its words are not the settled text yet). */
export function inSuggestedParagraph(text: Y.XmlText): boolean {
  return text.parent instanceof Y.XmlElement && paragraphSuggestionId(text.parent) !== null;
}
