/**
 * The document's open suggestions beside the text, as the comment threads are: what each adds
 * or removes (read live from the editor) or which block fields it changes, who suggested it in
 * their party colour, and for who may decide "Aannemen" and "Afwijzen". The server decides who may (403 otherwise); its answer
 * is shown on the card. Clicking a suggestion in the text makes its card the active one.
 */
import { useEffect, useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import type { SuggestionRes } from '../../shared/api/suggestions';
import { api } from '../api';
import { PartyChip } from '../components/PartyChip';
import { errorMessage } from '../forms';
import type { Member, Party } from '../../shared/api/workspaces';
import { isBlockName, ownerDecides } from '../../shared/blocks/attrs';
import { useI18n, useT } from '../i18n/I18n';
import { DecideAllOf } from './DecideAllOf';
import { fieldChangeLines, type Wording } from './fieldChangeText';
import { insideOwnCommitment, suggestionCoversOnce, type SuggestionCover } from './suggestionTexts';

interface SuggestionsPanelProps {
  documentId: string;
  editor: Editor | null;
  suggestions: SuggestionRes[];
  /** Show the buttons: this person may decide in ordinary text (the server checks each). */
  mayDecide: boolean;
  /** And about a criterion's weight (owners). */
  mayDecideWeights: boolean;
  /** May speak for their party in its commitments (commenters too): decide what lies wholly inside them. */
  myCommitments: { partyId: string | null; mayDecide: boolean };
  parties: readonly Party[];
  members: readonly Member[];
  activeId: string | null;
  onChanged: () => void;
}

/** Whether only an owner decides this one (it changes a criterion's weight). */
function ownersDecide(suggestion: SuggestionRes): boolean {
  const change = suggestion.field;
  if (!change || !isBlockName(change.blockKind)) return false;
  return ownerDecides(change.blockKind, Object.keys(change.changes));
}

export function SuggestionsPanel({ documentId, editor, suggestions, mayDecide, mayDecideWeights, myCommitments, parties, members, activeId, onChanged }: SuggestionsPanelProps) {
  const { t, formatDate } = useI18n();
  const words: Wording = { t, formatDate: (iso) => formatDate(iso), parties, members };
  const covers = useEditorState({ editor, selector: ({ editor: e }) => (e ? suggestionCoversOnce(e.state.doc) : {}) }) ?? {};
  const mayDecideOne = (suggestion: SuggestionRes) =>
    suggestion.kind === 'field'
      ? mayDecide && (mayDecideWeights || !ownersDecide(suggestion))
      : mayDecide || (myCommitments.mayDecide && insideOwnCommitment(covers[suggestion.id], myCommitments.partyId));
  useEffect(() => {
    if (activeId) document.getElementById(`suggestion-${activeId}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  return (
    <section className="side-panel suggestions-panel" aria-labelledby="suggestions-title" data-testid="suggestions-panel">
      <h2 id="suggestions-title">
        {t('suggest.panelTitle')} ({suggestions.length})
      </h2>
      {mayDecide && <DecideAllOf documentId={documentId} suggestions={suggestions} onChanged={onChanged} />}
      {suggestions.length === 0 ? (
        <p className="muted">{t('suggest.none')}</p>
      ) : (
        suggestions.map((suggestion) => (
          <SuggestionCard
            key={suggestion.id}
            documentId={documentId}
            suggestion={suggestion}
            text={suggestion.kind === 'field' ? fieldChangeLines(words, suggestion).join('; ') : coverText(t, covers[suggestion.id])}
            mayDecide={mayDecideOne(suggestion)}
            active={suggestion.id === activeId}
            onChanged={onChanged}
          />
        ))
      )}
    </section>
  );
}

/** What a text suggestion covers, in words; a proposed paragraph says so. Undefined when nothing is left. */
function coverText(t: Wording['t'], cover: SuggestionCover | undefined): string | undefined {
  if (!cover) return undefined;
  if (!cover.newParagraph) return cover.text;
  return cover.text ? t('suggest.newParagraph', { text: cover.text }) : t('suggest.newParagraphEmpty');
}

interface SuggestionCardProps {
  documentId: string;
  suggestion: SuggestionRes;
  text: string | undefined;
  mayDecide: boolean;
  active: boolean;
  onChanged: () => void;
}

function SuggestionCard({ documentId, suggestion, text, mayDecide, active, onChanged }: SuggestionCardProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { suggester } = suggestion;
  const shown = text ?? t('suggest.gone');
  const decide = async (decision: 'accept' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      await api.decideSuggestion(documentId, suggestion.id, decision);
      onChanged();
    } catch (failure) {
      setError(errorMessage(failure, t));
      setBusy(false);
    }
  };
  return (
    <article
      className={active ? 'suggestion suggestion--active' : 'suggestion'}
      id={`suggestion-${suggestion.id}`}
      data-suggestion={suggestion.id}
      aria-labelledby={`suggestion-${suggestion.id}-title`}
      style={{ borderLeftColor: suggester.partyColor ?? undefined }}
    >
      <h3 id={`suggestion-${suggestion.id}-title`} className="suggestion__title">
        <span className="suggestion__kind">{t(`suggest.kind.${suggestion.kind}`)}</span>{' '}
        <span className={`suggestion__text suggestion__text--${suggestion.kind}`} style={{ textDecorationColor: suggester.partyColor ?? undefined }}>
          {shown}
        </span>
      </h3>
      <p className="suggestion__by">
        {t('suggest.by', { name: suggester.name ?? t('comment.deletedAuthor') })}
        {suggester.partyName && <PartyChip compact name={suggester.partyName} color={suggester.partyColor} />}
      </p>
      {mayDecide && (
        <div className="suggestion__actions">
          <button type="button" className="button button--small" disabled={busy} aria-label={t('suggest.acceptLabel', { text: shown })} onClick={() => void decide('accept')}>
            {t('suggest.accept')}
          </button>
          <button type="button" className="button button--ghost button--small" disabled={busy} aria-label={t('suggest.rejectLabel', { text: shown })} onClick={() => void decide('reject')}>
            {t('suggest.reject')}
          </button>
        </div>
      )}
      {error && (
        <p className="suggestion__error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
