/** One comment of a thread: who wrote it and when, its text, and for its author a way to change it. */
import { useState } from 'react';
import type { CommentRes } from '../../shared/api/comments';
import type { Member, Party } from '../../shared/api/workspaces';
import { api } from '../api';
import { PartyChip } from '../components/PartyChip';
import { useT } from '../i18n/I18n';
import { CommentBody } from './CommentBody';
import { CommentForm } from './CommentForm';

interface CommentItemProps {
  comment: CommentRes;
  members: Member[];
  parties: Party[];
  onChanged: () => void;
}

export function CommentItem({ comment, members, parties, onChanged }: CommentItemProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const authorName = comment.author.name ?? t('comment.deletedAuthor');
  return (
    <li className="comment" data-comment={comment.id}>
      <p className="comment__meta">
        {comment.author.partyName ? (
          <PartyChip compact name={t('comment.byParty', { name: authorName, party: comment.author.partyName })} color={comment.author.partyColor} />
        ) : (
          <strong>{authorName}</strong>
        )}{' '}
        <time dateTime={comment.createdAt}>{new Date(comment.createdAt).toLocaleString()}</time>
        {comment.editedAt && <span className="muted"> · {t('comment.edited')}</span>}
      </p>
      {editing ? (
        <CommentForm
          label={t('comment.editLabel')}
          submitLabel={t('comment.save')}
          members={members}
          parties={parties}
          initialBody={comment.body}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await api.editComment(comment.id, body);
            setEditing(false);
            onChanged();
          }}
        />
      ) : (
        <>
          <CommentBody body={comment.body} />
          {comment.canEdit && (
            <button type="button" className="button button--ghost button--small" onClick={() => setEditing(true)}>
              {t('comment.edit')}
            </button>
          )}
          {comment.canDelete && (
            <button type="button" className="button button--ghost button--small" onClick={() => void api.deleteComment(comment.id).then(onChanged)}>
              {t('comment.delete')}
            </button>
          )}
        </>
      )}
    </li>
  );
}
