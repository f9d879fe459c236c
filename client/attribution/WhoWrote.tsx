/**
 * "Wie schreef dit?": select a passage, press the button, and see the party and person(s) who
 * wrote those characters, each in their party colour. The Yjs items under the selection say
 * which client inserted each character; GET /authors says whose client that was.
 */
import { useCallback, useState, type MouseEvent } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import type * as Y from 'yjs';
import { DOCUMENT_FRAGMENT } from '../../shared/editor/schema';
import { api } from '../api';
import { PartyChip, PartyDot } from '../components/PartyChip';
import { errorMessage } from '../forms';
import { useT } from '../i18n/I18n';
import { clientsInRange, writersOf, type Writer } from './whoWrote';
import { X } from 'lucide-react';

type Answer =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'error'; message: string }
  | { status: 'done'; excerpt: string; writers: Writer[] };

const excerptOf = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
};

export function useWhoWrote(editor: Editor, doc: Y.Doc, documentId: string) {
  const t = useT();
  const [answer, setAnswer] = useState<Answer>({ status: 'idle' });
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });

  const ask = useCallback(async () => {
    const { from, to } = editor.state.selection;
    const schema = editor.schema;
    // Read the characters now: the selection and the document may change while we wait.
    const counts = clientsInRange(doc.getXmlFragment(DOCUMENT_FRAGMENT), from, to, (name) => schema.nodes[name]?.isLeaf ?? false);
    const excerpt = excerptOf(editor.state.doc.textBetween(from, to, ' ', ' '));
    setAnswer({ status: 'busy' });
    try {
      const authors = await api.authors(documentId);
      setAnswer({ status: 'done', excerpt, writers: writersOf(counts, authors) });
    } catch (error) {
      setAnswer({ status: 'error', message: errorMessage(error, t) });
    }
  }, [editor, doc, documentId, t]);

  // The close button goes with the answer: back to the text it was about, not to the page.
  const close = useCallback(() => {
    setAnswer({ status: 'idle' });
    editor.commands.focus();
  }, [editor]);
  return { hasSelection, answer, ask, close };
}

export type WhoWroteState = ReturnType<typeof useWhoWrote>;

/** Keeps the editor's selection: the button does not take focus on mouse down. */
const keepSelection = (event: MouseEvent) => event.preventDefault();

export function WhoWroteButton({ state }: { state: WhoWroteState }) {
  const t = useT();
  return (
    <button
      type="button"
      className="tool tool--text"
      title={state.hasSelection ? t('whoWrote.button') : t('whoWrote.selectFirst')}
      disabled={!state.hasSelection || state.answer.status === 'busy'}
      onMouseDown={keepSelection}
      onClick={() => void state.ask()}
    >
      {t('whoWrote.button')}
    </button>
  );
}

export function WhoWroteAnswer({ state }: { state: WhoWroteState }) {
  const t = useT();
  const { answer } = state;
  if (answer.status === 'idle') return null;
  return (
    <div className="who-wrote" role="status" data-testid="who-wrote">
      <div className="who-wrote__head">
        <h2 className="who-wrote__title">{t('whoWrote.title')}</h2>
        <button type="button" className="dialog__close" aria-label={t('common.close')} title={t('common.close')} onClick={state.close}>
          <X aria-hidden="true" size={18} />
        </button>
      </div>
      {answer.status === 'busy' && <p className="loading">{t('common.loading')}</p>}
      {answer.status === 'error' && <p className="form-error">{answer.message}</p>}
      {answer.status === 'done' && (
        <>
          {answer.excerpt && <q className="who-wrote__excerpt">{answer.excerpt}</q>}
          {answer.writers.length === 0 ? (
            <p className="muted">{t('whoWrote.noText')}</p>
          ) : (
            <ul className="who-wrote__list">
              {answer.writers.map((w) => (
                <li key={w.userId ?? 'unknown'} className="who-wrote__writer" data-user-id={w.userId ?? ''}>
                  <PartyDot color={w.color} />
                  <span className="who-wrote__name">{w.userId ? (w.userName ?? t('block.unknownPerson')) : t('whoWrote.unknown')}</span>
                  {w.userId && <PartyChip name={w.partyName ?? t('whoWrote.noParty')} color={w.color} compact />}
                  <span className="who-wrote__share">{t('whoWrote.share', { share: w.share, count: w.chars })}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
