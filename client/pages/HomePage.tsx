import { useState, type FormEvent } from 'react';
import { createWorkspaceReq } from '../../shared/api/schemas';
import { api } from '../api';
import { FormError, TextField } from '../components/Field';
import { ErrorState, Loading } from '../components/Status';
import { errorMessage, fieldErrorsOf, validate, type FieldErrors } from '../forms';
import { useI18n } from '../i18n/I18n';
import { Link, navigate } from '../router';
import { workspacePath } from '../routes';
import { useResource } from '../useResource';
import { usePageTitle } from '../a11y/pageTitle';

function CreateWorkspaceForm() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const checked = validate(createWorkspaceReq, { name });
    if (!checked.ok) return setErrors(checked.fields);
    setErrors({});
    setBusy(true);
    try {
      const created = await api.createWorkspace(checked.data);
      navigate(workspacePath(created.id));
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFormError(errorMessage(error, t));
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="create-ws-title">
      <h2 id="create-ws-title">{t('home.createTitle')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError message={formError} />
        <TextField
          name="name"
          label={t('home.createName')}
          hint={t('home.createHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          maxLength={120}
          required
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('home.createSubmit')}
        </button>
      </form>
    </section>
  );
}

export function HomePage() {
  const { t, formatDate } = useI18n();
  const { resource, reload } = useResource(() => api.listWorkspaces(), []);
  usePageTitle(t('home.title'));

  return (
    <div className="page">
      <div className="page__head">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
      </div>
      <div className="columns">
        <section className="columns__main" aria-label={t('home.title')}>
          {resource.status === 'loading' && <Loading />}
          {resource.status === 'error' && <ErrorState error={resource.error} onRetry={reload} />}
          {resource.status === 'ready' &&
            (resource.data.length === 0 ? (
              <p className="empty">{t('home.empty')}</p>
            ) : (
              <ul className="card-list">
                {resource.data.map((ws) => (
                  <li key={ws.id} className="card">
                    <Link to={workspacePath(ws.id)} className="card__title">
                      {ws.name}
                    </Link>
                    <p className="card__meta">
                      {t('home.yourRole', { role: t(`role.${ws.role}`) })} · {formatDate(ws.createdAt)}
                    </p>
                  </li>
                ))}
              </ul>
            ))}
        </section>
        <aside className="columns__side">
          <CreateWorkspaceForm />
        </aside>
      </div>
    </div>
  );
}
