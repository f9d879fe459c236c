/**
 * What each suggestion covers in the editor's document, by suggestion id, in document order:
 * its words (and whether it proposes a new paragraph), and where they are (the parties of the commitments they sit in, and whether any
 * lie in ordinary text), since inside a commitment only its party decides.
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import { PARAGRAPH_SUGGESTION_ATTR, SUGGESTABLE_NODE } from '../../shared/suggestions/suggestedParagraph';
import { isSuggestionMarkName, suggestionIdOf } from '../../shared/suggestions/suggestionMarks';

export interface SuggestionCover {
  text: string;
  /** True when the suggestion proposes a new paragraph (its words, if any, are in `text`). */
  newParagraph: boolean;
  /** The party of each commitment the suggestion's words sit in. */
  commitmentParties: string[];
  inOrdinaryText: boolean;
}

export function suggestionCovers(doc: PmNode): Record<string, SuggestionCover> {
  const covers: Record<string, SuggestionCover> = {};
  const visit = (node: PmNode, commitmentParty: string | null) => {
    node.forEach((child) => {
      if (child.type.name === 'commitment') {
        visit(child, typeof child.attrs.partyId === 'string' ? child.attrs.partyId : '');
        return;
      }
      if (!child.isText) {
        const proposed = child.type.name === SUGGESTABLE_NODE ? (child.attrs[PARAGRAPH_SUGGESTION_ATTR] as unknown) : null;
        if (typeof proposed === 'string') coverOf(proposed, commitmentParty).newParagraph = true;
        visit(child, commitmentParty);
        return;
      }
      for (const mark of child.marks) {
        const id = isSuggestionMarkName(mark.type.name) ? suggestionIdOf(mark.attrs) : null;
        if (id === null) continue;
        coverOf(id, commitmentParty).text += child.text;
      }
    });
  };
  const coverOf = (id: string, commitmentParty: string | null): SuggestionCover => {
    const cover = (covers[id] ??= { text: '', newParagraph: false, commitmentParties: [], inOrdinaryText: false });
    if (commitmentParty === null) cover.inOrdinaryText = true;
    else if (!cover.commitmentParties.includes(commitmentParty)) cover.commitmentParties.push(commitmentParty);
    return cover;
  };
  visit(doc, null);
  return covers;
}

/** Whether someone may decide a suggestion only because it lies wholly in their own party's commitments. */
export function insideOwnCommitment(cover: SuggestionCover | undefined, partyId: string | null): boolean {
  return !!cover && !!partyId && !cover.inOrdinaryText && cover.commitmentParties.length > 0 && cover.commitmentParties.every((party) => party === partyId);
}

const coversByDoc = new WeakMap<PmNode, Record<string, SuggestionCover>>();

/**
 * `suggestionCovers`, read once per document state: the panel asks on every transaction, and a
 * caret move or a remote cursor keeps the same (immutable) document.
 */
export function suggestionCoversOnce(doc: PmNode): Record<string, SuggestionCover> {
  let covers = coversByDoc.get(doc);
  if (!covers) {
    covers = suggestionCovers(doc);
    coversByDoc.set(doc, covers);
  }
  return covers;
}
