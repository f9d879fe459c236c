/**
 * THE suggestion marks: text someone proposes to add (`suggestionInsert`) or to remove
 * (`suggestionDelete`), shown in the suggester's party colour until someone who may decide
 * accepts or rejects it. Each carries the suggestion's id and nothing else: who suggested is the
 * server's record of the connection that first wrote the id (table `suggestions`), never an
 * attribute a client could write. The server's schema and the browser's editor both use these
 * definitions, so they agree on names, attribute and behaviour.
 *
 * - Yjs stores each under its plain name as `{ suggestionId }` (a mark that excludes itself).
 * - Not `inclusive`: text typed right after a suggestion is not part of it unless the typist's
 *   own suggestion mode marks it.
 * - They exclude each other: a character is either proposed or proposed for removal.
 * - Never parsed from HTML: pasting does not bring another person's suggestion along.
 */
import { Mark, mergeAttributes } from '@tiptap/core';

export const SUGGESTION_INSERT_MARK = 'suggestionInsert';
export const SUGGESTION_DELETE_MARK = 'suggestionDelete';
export const suggestionMarkNames = [SUGGESTION_INSERT_MARK, SUGGESTION_DELETE_MARK] as const;
export type SuggestionMarkName = (typeof suggestionMarkNames)[number];

/** What kind of change a suggestion proposes; stored with its record. */
export type SuggestionKind = 'insert' | 'delete';

export const kindOfMark: Record<SuggestionMarkName, SuggestionKind> = { suggestionInsert: 'insert', suggestionDelete: 'delete' };

/** What a suggestion mark holds in the document (and in Yjs, as the value of its format). */
export interface SuggestionMarkAttrs {
  suggestionId: string;
}

/** Ids the server accepts as new: what `crypto.randomUUID()` makes, nothing that could smuggle data. */
const suggestionIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isSuggestionIdShape(id: string): boolean {
  return suggestionIdPattern.test(id);
}

export function isSuggestionMarkName(name: string): name is SuggestionMarkName {
  return name === SUGGESTION_INSERT_MARK || name === SUGGESTION_DELETE_MARK;
}

/** The suggestion id of a suggestion format value as Yjs stores it, or null for anything else. */
export function suggestionIdOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { suggestionId?: unknown }).suggestionId;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

function suggestionMark(name: SuggestionMarkName, className: string) {
  return Mark.create({
    name,
    inclusive: false,
    excludes: suggestionMarkNames.join(' '),
    addAttributes() {
      return {
        suggestionId: {
          default: null,
          parseHTML: () => null,
          renderHTML: (attrs: Record<string, unknown>) => (typeof attrs.suggestionId === 'string' ? { 'data-suggestion-id': attrs.suggestionId } : {}),
        },
      };
    },
    parseHTML() {
      return [];
    },
    renderHTML({ HTMLAttributes }) {
      return ['span', mergeAttributes({ class: className }, HTMLAttributes), 0];
    },
  });
}

export const SuggestionInsertMark = suggestionMark(SUGGESTION_INSERT_MARK, 'suggestion-insert');
export const SuggestionDeleteMark = suggestionMark(SUGGESTION_DELETE_MARK, 'suggestion-delete');
