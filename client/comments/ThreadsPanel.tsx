/**
 * The comments beside the text: a new comment on the selection, and the document's threads,
 * open or resolved. Clicking a highlight in the text makes its thread the active one.
 */
import { useEffect, useState } from 'react';
import type { Member, Party } from '../../shared/api/workspaces';
import type { ThreadRes } from '../../shared/api/comments';
import { api, isApiError } from '../api';
import { useT } from '../i18n/I18n';
import { CommentForm } from './CommentForm';
import type { SelectionAnchor } from './selectionAnchor';
import { ThreadCard } from './ThreadCard';

interface ThreadsPanelProps {
  documentId: string;
  threads: ThreadRes[];
  members: Member[];
  parties: Party[];
  /** A selection someone chose to comment on, until posted or cancelled. */
  pending: SelectionAnchor | null;
  onPendingDone: () => void;
  activeId: string | null;
  onChanged: () => void;
}

const retries = 5;

/** The server may not have the selection's text yet (409 anchor_not_synced): wait and try again. */
async function startWithRetry(documentId: string, pending: SelectionAnchor, body: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await api.startThread(documentId, { anchor: pending.anchor, body });
      return;
    } catch (error) {
      if (!(isApiError(error) && error.code === 'anchor_not_synced') || attempt >= retries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * (attempt + 1)));
    }
  }
}

export function ThreadsPanel({ documentId, threads, members, parties, pending, onPendingDone, activeId, onChanged }: ThreadsPanelProps) {
  const t = useT();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const shown = threads.filter((thread) => thread.status === status);
  useEffect(() => {
    if (activeId) document.getElementById(`thread-${activeId}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  return (
    <section className="side-panel threads-panel" aria-labelledby="threads-title">
      <h2 id="threads-title">{t('comment.panelTitle')}</h2>
      {pending && (
        <div className="threads-panel__new">
          <h3 className="thread__quote">{t('comment.quote', { quote: pending.quote })}</h3>
          <CommentForm
            label={t('comment.bodyLabel')}
            submitLabel={t('comment.submit')}
            members={members}
            parties={parties}
            autoFocus
            onCancel={onPendingDone}
            onSubmit={async (body) => {
              await startWithRetry(documentId, pending, body);
              onPendingDone();
              setStatus('open');
              onChanged();
            }}
          />
        </div>
      )}
      <div className="threads-panel__tabs" role="group" aria-label={t('comment.panelTitle')}>
        {(['open', 'resolved'] as const).map((value) => (
          <button key={value} type="button" className="button button--ghost button--small" aria-pressed={status === value} onClick={() => setStatus(value)}>
            {t(value === 'open' ? 'comment.open' : 'comment.resolved')} ({threads.filter((th) => th.status === value).length})
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t(status === 'open' ? 'comment.none' : 'comment.noneResolved')}</p>
      ) : (
        shown.map((thread) => <ThreadCard key={thread.id} thread={thread} members={members} parties={parties} active={thread.id === activeId} onChanged={onChanged} />)
      )}
    </section>
  );
}
