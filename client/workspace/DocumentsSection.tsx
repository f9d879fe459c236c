import { useState, type FormEvent } from 'react';
import { createDocumentReq, updateDocumentReq } from '../../shared/api/schemas';
import { templates, type TemplateName } from '../../shared/templates';
import { api } from '../api';
import type { DocumentSummary } from '../../shared/api/documents';
import type { WorkspaceDetail } from '../../shared/api/workspaces';
import { FormError, SelectField, TextField } from '../components/Field';
import { validate, type FieldErrors } from '../forms';
import { useI18n } from '../i18n/I18n';
import { Link, navigate } from '../router';
import { documentPath } from '../routes';
import { useAction } from '../useAction';

interface Props {
  workspace: WorkspaceDetail;
  onChanged: () => void;
}

function CreateDocumentForm({ workspace }: { workspace: WorkspaceDetail }) {
  const { t, lang } = useI18n();
  const action = useAction();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<TemplateName>('blank');
  const chosen = templates.find((tpl) => tpl.name === template);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const errors = { ...action.fields, ...localErrors };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(createDocumentReq, { title, template });
    if (!checked.ok) return setLocalErrors(checked.fields);
    setLocalErrors({});
    await action.run(async () => {
      const created = await api.createDocument(workspace.id, checked.data);
      navigate(documentPath(created.id));
    });
  };

  return (
    <form className="inline-form create-doc" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        name="title"
        label={t('docs.createTitle')}
        hint={t('docs.titleHint')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={errors.title}
        maxLength={200}
        fieldClassName="field--grow"
      />
      <SelectField
        name="template"
        label={t('docs.template')}
        hint={chosen && (lang === 'nl' ? chosen.description : chosen.descriptionEn)}
        value={template}
        onChange={(e) => setTemplate(e.target.value as TemplateName)}
        error={errors.template}
        fieldClassName="field--template"
      >
        {templates.map((tpl) => (
          <option key={tpl.name} value={tpl.name}>
            {lang === 'nl' ? tpl.label : tpl.labelEn}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {t('docs.create')}
      </button>
      <FormError message={action.error} />
    </form>
  );
}

function DocumentRow({ doc, workspace, onChanged }: { doc: DocumentSummary } & Props) {
  const { t, formatDate } = useI18n();
  const action = useAction();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(doc.title);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const canUpdate = workspace.abilities.updateDocument;

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(updateDocumentReq, { title });
    if (!checked.ok) return setLocalErrors(checked.fields);
    setLocalErrors({});
    if (await action.run(() => api.updateDocument(doc.id, checked.data))) {
      setRenaming(false);
      onChanged();
    }
  };

  const setArchived = async (archived: boolean) => {
    if (await action.run(() => api.updateDocument(doc.id, { archived }))) onChanged();
  };

  return (
    <li className={doc.archived ? 'doc-row doc-row--archived' : 'doc-row'} data-document-id={doc.id}>
      {renaming ? (
        <form className="inline-form" onSubmit={(e) => void rename(e)} noValidate>
          <TextField
            name="title"
            label={t('docs.titleLabel')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={localErrors.title ?? action.fields.title}
            maxLength={200}
            autoFocus
            fieldClassName="field--grow"
          />
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {t('common.save')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setRenaming(false);
              setTitle(doc.title);
              setLocalErrors({});
            }}
          >
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <div className="doc-row__main">
          <Link to={documentPath(doc.id)} className="doc-row__title">
            {doc.title}
          </Link>
          <span className="doc-row__meta">{t('docs.updated', { date: formatDate(doc.updatedAt, true) })}</span>
        </div>
      )}
      {canUpdate && !renaming && (
        <div className="row-actions">
          {!doc.archived && (
            <button
              type="button"
              className="button button--ghost button--small"
              aria-label={`${t('docs.rename')}: ${doc.title}`}
              onClick={() => {
                setTitle(doc.title);
                setRenaming(true);
              }}
            >
              {t('docs.rename')}
            </button>
          )}
          <button
            type="button"
            className="button button--ghost button--small"
            aria-label={`${doc.archived ? t('docs.unarchive') : t('docs.archive')}: ${doc.title}`}
            disabled={action.busy}
            onClick={() => void setArchived(!doc.archived)}
          >
            {doc.archived ? t('docs.unarchive') : t('docs.archive')}
          </button>
        </div>
      )}
      <FormError message={action.error} />
    </li>
  );
}

const byUpdatedDesc = (a: DocumentSummary, b: DocumentSummary) => b.updatedAt.localeCompare(a.updatedAt);

export function DocumentsSection({ workspace, onChanged }: Props) {
  const { t } = useI18n();
  const active = workspace.documents.filter((d) => !d.archived).sort(byUpdatedDesc);
  const archived = workspace.documents.filter((d) => d.archived).sort(byUpdatedDesc);

  return (
    <section className="panel" aria-labelledby="docs-title">
      <h2 id="docs-title">{t('docs.title')}</h2>
      {workspace.abilities.createDocument && <CreateDocumentForm workspace={workspace} />}
      {active.length === 0 ? (
        <p className="empty">{t('docs.empty')}</p>
      ) : (
        <ul className="plain-list doc-list" aria-labelledby="docs-title">
          {active.map((doc) => (
            <DocumentRow key={doc.id} doc={doc} workspace={workspace} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {archived.length > 0 && (
        <details className="archived">
          <summary>{t('docs.archived', { count: archived.length })}</summary>
          <ul className="plain-list doc-list">
            {archived.map((doc) => (
              <DocumentRow key={doc.id} doc={doc} workspace={workspace} onChanged={onChanged} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
