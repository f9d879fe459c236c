/** One thread beside the text: what it is about, its comments with names and party colours, reply, resolve. */
import type { Member, Party } from '../../shared/api/workspaces';
import type { ThreadRes } from '../../shared/api/comments';
import { api } from '../api';
import { PartyChip } from '../components/PartyChip';
import { useT } from '../i18n/I18n';
import { CommentBody } from './CommentBody';
import { CommentForm } from './CommentForm';

interface ThreadCardProps {
  thread: ThreadRes;
  members: Member[];
  parties: Party[];
  active: boolean;
  onChanged: () => void;
}

export function ThreadCard({ thread, members, parties, active, onChanged }: ThreadCardProps) {
  const t = useT();
  const toggle = async () => {
    if (thread.status === 'open') await api.resolveThread(thread.id);
    else await api.reopenThread(thread.id);
    onChanged();
  };
  const titleId = `thread-${thread.id}-title`;
  return (
    <article className={active ? 'thread thread--active' : 'thread'} aria-labelledby={titleId} data-thread={thread.id} id={`thread-${thread.id}`}>
      <h3 id={titleId} className="thread__quote" style={{ borderColor: thread.author.partyColor ?? undefined }}>
        {t('comment.quote', { quote: thread.quote })}
      </h3>
      {!thread.anchored && <p className="thread__detached">{t('comment.detached')}</p>}
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment">
            <p className="comment__meta">
              {comment.author.partyName ? (
                <PartyChip compact name={t('comment.byParty', { name: comment.author.name ?? t('comment.deletedAuthor'), party: comment.author.partyName })} color={comment.author.partyColor} />
              ) : (
                <strong>{comment.author.name ?? t('comment.deletedAuthor')}</strong>
              )}{' '}
              <time dateTime={comment.createdAt}>{new Date(comment.createdAt).toLocaleString()}</time>
              {comment.editedAt && <span className="muted"> · {t('comment.edited')}</span>}
            </p>
            <CommentBody body={comment.body} />
            {comment.canDelete && (
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => void api.deleteComment(comment.id).then(onChanged)}
              >
                {t('comment.delete')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {thread.canReply && thread.status === 'open' && (
        <CommentForm
          label={t('comment.replyLabel')}
          submitLabel={t('comment.replySubmit')}
          members={members}
          parties={parties}
          onSubmit={async (body) => {
            await api.reply(thread.id, body);
            onChanged();
          }}
        />
      )}
      {thread.canResolve && (
        <button type="button" className="button button--ghost button--small" onClick={() => void toggle()}>
          {thread.status === 'open' ? t('comment.resolve') : t('comment.reopen')}
        </button>
      )}
    </article>
  );
}
