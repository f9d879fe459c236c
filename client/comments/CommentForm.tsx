/**
 * Writing a comment or a reply: a text field and a way to mention a person or a party of the
 * workspace (the mention goes into the text as `@[name](user:id)` / `@[party](party:id)`).
 */
import { useId, useState, type FormEvent } from 'react';
import type { Member, Party } from '../../shared/api/workspaces';
import { formatMention } from '../../shared/comments/mentions';
import { errorMessage, fieldErrorsOf } from '../forms';
import { useT } from '../i18n/I18n';

interface CommentFormProps {
  label: string;
  submitLabel: string;
  members: Member[];
  parties: Party[];
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** What the field starts with: the comment as it stands, when it is being changed. */
  initialBody?: string;
}

export function CommentForm({ label, submitLabel, members, parties, onSubmit, onCancel, autoFocus, initialBody = '' }: CommentFormProps) {
  const t = useT();
  const id = useId();
  const [body, setBody] = useState(initialBody);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(body);
      setBody('');
    } catch (failure) {
      setError(fieldErrorsOf(failure).body ?? errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const mention = (value: string) => {
    const [kind, mentionId] = value.split(':') as ['user' | 'party', string];
    const name = kind === 'user' ? members.find((m) => m.userId === mentionId)?.name : parties.find((p) => p.id === mentionId)?.name;
    if (name) setBody((text) => `${text}${text && !text.endsWith(' ') ? ' ' : ''}${formatMention({ kind, id: mentionId, name })} `);
  };

  return (
    <form className="comment-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-body`}>{label}</label>
      <textarea
        id={`${id}-body`}
        value={body}
        rows={3}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setBody(event.target.value)}
      />
      <label htmlFor={`${id}-mention`} className="comment-form__mention-label">
        {t('comment.mentionPick')}
      </label>
      <select id={`${id}-mention`} value="" onChange={(event) => mention(event.target.value)}>
        <option value="">{t('comment.mentionNone')}</option>
        {parties.map((p) => (
          <option key={p.id} value={`party:${p.id}`}>
            {p.name}
          </option>
        ))}
        {members.map((m) => (
          <option key={m.userId} value={`user:${m.userId}`}>
            {m.name}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="comment-form__actions">
        <button type="submit" className="button button--small" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost button--small" onClick={onCancel}>
            {t('comment.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
