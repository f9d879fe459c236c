/**
 * Turns a revealed card into a paragraph, an action, a commitment or a criterion at the end of a
 * document. Shown only to those who may write documents (the server checks again); the block
 * keeps who wrote the card.
 */
import { useState, type FormEvent } from 'react';
import { promoteKinds, type PromoteKind } from '../../shared/api/cardSchemas';
import type { DocumentSummary } from '../../shared/api/documents';
import { api } from '../api';
import { FormError, SelectField } from '../components/Field';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

export function PromoteCard({ cardId, documents }: { cardId: string; documents: readonly DocumentSummary[] }) {
  const t = useT();
  const action = useAction();
  const active = documents.filter((d) => !d.archived);
  const [open, setOpen] = useState(false);
  const [documentId, setDocumentId] = useState(active[0]?.id ?? '');
  const [kind, setKind] = useState<PromoteKind>('paragraph');
  const [done, setDone] = useState(false);

  if (active.length === 0) return null;
  if (!open) {
    return (
      <button type="button" className="button button--ghost button--small" onClick={() => setOpen(true)}>
        {t('cards.promote')}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (await action.run(() => api.promoteCard(cardId, { documentId, kind }))) setDone(true);
  };
  return (
    <form className="promote-card" onSubmit={(e) => void submit(e)} noValidate>
      <SelectField name={`promote-document-${cardId}`} label={t('cards.promoteDocument')} value={documentId} onChange={(e) => setDocumentId(e.target.value)} error={action.fields.documentId}>
        {active.map((doc) => (
          <option key={doc.id} value={doc.id}>
            {doc.title}
          </option>
        ))}
      </SelectField>
      <SelectField name={`promote-kind-${cardId}`} label={t('cards.promoteKind')} value={kind} onChange={(e) => setKind(e.target.value as PromoteKind)} error={action.fields.kind}>
        {promoteKinds.map((k) => (
          <option key={k} value={k}>
            {t(`cards.kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--secondary button--small" disabled={action.busy || !documentId}>
        {t('cards.promoteSubmit')}
      </button>
      {done && (
        <p className="form__success" role="status">
          {t('cards.promoted')}
        </p>
      )}
      <FormError message={action.error} />
    </form>
  );
}
