/**
 * From the last step the chair plans the next reflection moment (issue 14, item 8): a date, a
 * document and what to look back on; the server appends a reflection block there, which enters
 * the register, the calendar feed and the reminders.
 */
import { useState, type FormEvent } from 'react';
import type { DocumentSummary } from '../../shared/api/documents';
import type { SessionDetail } from '../../shared/api/sessions';
import { api } from '../api';
import { FormError, SelectField, TextField } from '../components/Field';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

export function PlanReflection({ session, documents }: { session: SessionDetail; documents: readonly DocumentSummary[] }) {
  const t = useT();
  const action = useAction();
  const [documentId, setDocumentId] = useState(documents[0]?.id ?? '');
  const [date, setDate] = useState('');
  const [text, setText] = useState('');
  const [planned, setPlanned] = useState<{ date: string; document: string } | null>(null);
  if (documents.length === 0) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      const result = await api.planReflection(session.id, { documentId, date, ...(text.trim() ? { text } : {}) });
      setPlanned({ date: result.date, document: documents.find((d) => d.id === result.documentId)?.title ?? '' });
    });
  };
  return (
    <form className="chair-panel__group plan-reflection" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-reflection-title">
      <h3 id="plan-reflection-title">{t('session.reflection.title')}</h3>
      <p className="muted">{t('session.reflection.intro')}</p>
      <SelectField name="reflectionDocument" label={t('session.reflection.document')} value={documentId} onChange={(e) => setDocumentId(e.target.value)} error={action.fields.documentId}>
        {documents.map((doc) => (
          <option key={doc.id} value={doc.id}>
            {doc.title}
          </option>
        ))}
      </SelectField>
      <TextField name="reflectionDate" type="date" label={t('session.reflection.date')} value={date} onChange={(e) => setDate(e.target.value)} error={action.fields.date} required />
      <TextField name="reflectionText" label={t('session.reflection.text')} value={text} onChange={(e) => setText(e.target.value)} error={action.fields.text} />
      <button type="submit" className="button button--secondary" disabled={action.busy}>
        {t('session.reflection.submit')}
      </button>
      {planned && <p role="status">{t('session.reflection.done', planned)}</p>}
      <FormError message={action.error} />
    </form>
  );
}
