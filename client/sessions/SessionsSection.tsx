/** The workspace page's werksessies: the list, and "new session" from a template for owners and editors. */
import { useState, type FormEvent } from 'react';
import { createSessionReq } from '../../shared/api/sessionSchemas';
import type { SessionSummary } from '../../shared/api/sessions';
import { sessionTemplateNames, type SessionTemplateName } from '../../shared/sessions/steps';
import type { WorkspaceDetail } from '../../shared/api/workspaces';
import { api } from '../api';
import { FormError, SelectField, TextField } from '../components/Field';
import { validate, type FieldErrors } from '../forms';
import { useI18n } from '../i18n/I18n';
import { Link, navigate } from '../router';
import { sessionPath } from '../routes';
import { useAction } from '../useAction';
import { useResource } from '../useResource';
import { useWorkspaceEvents } from '../registers/useWorkspaceEvents';

function CreateSessionForm({ workspace }: { workspace: WorkspaceDetail }) {
  const { t } = useI18n();
  const action = useAction();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<SessionTemplateName>('verkenning');
  const [startsAt, setStartsAt] = useState('');
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const errors = { ...action.fields, ...localErrors };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The date field gives local time without an offset; the API takes an instant.
    const when = startsAt ? new Date(startsAt) : null;
    const checked = validate(createSessionReq, { title, template, ...(when && !Number.isNaN(when.getTime()) ? { startsAt: when.toISOString() } : {}) });
    if (!checked.ok) return setLocalErrors(checked.fields);
    setLocalErrors({});
    await action.run(async () => navigate(sessionPath((await api.createSession(workspace.id, checked.data)).id)));
  };

  return (
    <form className="inline-form create-session" onSubmit={(e) => void submit(e)} noValidate aria-label={t('sessions.new')}>
      <TextField name="sessionTitle" label={t('sessions.newTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} maxLength={200} fieldClassName="field--grow" />
      <SelectField name="sessionTemplate" label={t('sessions.template')} value={template} onChange={(e) => setTemplate(e.target.value as SessionTemplateName)} error={errors.template}>
        {sessionTemplateNames.map((name) => (
          <option key={name} value={name}>
            {t(`sessionTemplate.${name}`)}
          </option>
        ))}
      </SelectField>
      <TextField name="sessionStartsAt" type="datetime-local" label={t('sessions.startsAt')} value={startsAt} onChange={(e) => setStartsAt(e.target.value)} error={errors.startsAt} />
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {t('sessions.create')}
      </button>
      <FormError message={action.error} />
    </form>
  );
}

function SessionRow({ session }: { session: SessionSummary }) {
  const { t, formatDate } = useI18n();
  return (
    <li className="doc-row" data-session-id={session.id}>
      <div className="doc-row__main">
        <Link to={sessionPath(session.id)} className="doc-row__title">
          {session.title}
        </Link>
        <span className="doc-row__meta">
          {t(`sessionStatus.${session.status}`)}
          {session.startsAt !== null && ` · ${formatDate(new Date(session.startsAt).toISOString(), true)}`}
        </span>
      </div>
    </li>
  );
}

export function SessionsSection({ workspace }: { workspace: WorkspaceDetail }) {
  const { t } = useI18n();
  const { resource, reload } = useResource(() => api.listSessions(workspace.id), [workspace.id]);
  useWorkspaceEvents(workspace.id, reload, 'session');
  const sessions = resource.data ?? [];
  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('sessions.title')}</h2>
      <p className="muted">{t('sessions.intro')}</p>
      {workspace.abilities.manageSessions && <CreateSessionForm workspace={workspace} />}
      {resource.status === 'ready' && sessions.length === 0 && <p className="empty">{t('sessions.none')}</p>}
      {sessions.length > 0 && (
        <ul className="plain-list doc-list" aria-labelledby="sessions-title">
          {sessions.map((session) => (
            <SessionRow key={session.id} session={session} />
          ))}
        </ul>
      )}
    </section>
  );
}
