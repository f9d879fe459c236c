/** One thread beside the text: what it is about, its comments with names and party colours (changed by their authors), reply, resolve. */
import type { Member, Party } from '../../shared/api/workspaces';
import type { ThreadRes } from '../../shared/api/comments';
import { api } from '../api';
import { useT } from '../i18n/I18n';
import { CommentForm } from './CommentForm';
import { CommentItem } from './CommentItem';

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
          <CommentItem key={comment.id} comment={comment} members={members} parties={parties} onChanged={onChanged} />
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
