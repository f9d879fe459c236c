import { splitMentions } from '../../shared/comments/mentions';

/** A comment's text with its mentions shown as names. */
export function CommentBody({ body }: { body: string }) {
  return (
    <p className="comment__body">
      {splitMentions(body).map((part, i) =>
        typeof part === 'string' ? (
          <span key={i}>{part}</span>
        ) : (
          <strong key={i} className="comment__mention">
            @{part.name}
          </strong>
        ),
      )}
    </p>
  );
}
