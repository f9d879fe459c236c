/**
 * The document schema of werktafel as a list of Tiptap extensions, without the collaboration
 * pieces (those need a live Y.Doc and provider). The browser editor adds Collaboration and
 * CollaborationCaret on top; the server can pass the same list to `getSchema()` to read and
 * write documents headless. Framework-free: no React, no DOM access at import time.
 */
import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { blockNodes } from '../blocks/nodes';
import { CommentMark } from '../comments/commentMark';
import { SuggestedParagraph } from '../suggestions/suggestedParagraph';
import { SuggestionDeleteMark, SuggestionInsertMark } from '../suggestions/suggestionMarks';

/** URL schemes a link may use. Anything else (javascript:, data:, file:, relative) is refused. */
export const allowedLinkProtocols = ['http', 'https', 'mailto'] as const;

const allowedHref = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/**
 * Whether `href` may become a link: an absolute http(s) URL with a host, or a mailto: address.
 * Used by the Link extension (parsing, rendering, commands) and by the client's link prompt.
 */
export function isAllowedLinkHref(href: string | null | undefined): boolean {
  if (typeof href !== 'string') return false;
  const value = href.trim();
  if (!allowedHref.test(value)) return false;
  if (value.toLowerCase().startsWith('mailto:')) return value.length > 'mailto:'.length;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Heading levels the document offers: one title level and two below it. */
export const headingLevels = [1, 2, 3] as const;

/**
 * The base extension list: StarterKit (with its own undo/redo off, because Collaboration
 * brings an undo manager that only undoes the local user's changes), links limited to
 * http, https and mailto, and tables.
 */
export function baseExtensions(options: { blockNodes?: AnyExtension[] } = {}): AnyExtension[] {
  return [
    // The structured blocks (shared/blocks); the browser passes them extended with node views.
    ...(options.blockNodes ?? blockNodes),
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [...headingLevels] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: [],
        isAllowedUri: (url) => isAllowedLinkHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
    }),
    TableKit.configure({
      table: { resizable: false, allowTableNodeSelection: false },
    }),
    // The highlight of a comment thread; only the server writes it.
    CommentMark,
    // Proposed insertions and removals; the server judges who may write them (suggestionGuard).
    SuggestionInsertMark,
    SuggestionDeleteMark,
    // Proposed new paragraphs: the same judge, an attribute instead of a mark.
    SuggestedParagraph,
  ];
}
