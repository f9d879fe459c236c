/**
 * Adoption in the document header: "Vastgesteld" once every party signed, and for each version
 * waiting for signatures either the request to the reader's own party ("Vaststelling gevraagd:
 * akkoord namens <partij>?") or how far the others are.
 */
import type { DocumentDetail } from '../../shared/api/documents';
import type { Version } from '../../shared/api/versions';
import { Link } from '../router';
import { versionPagePath } from '../routes';
import { useI18n } from '../i18n/I18n';
import { adoptionProgress, latestAdopted, pendingAdoptions } from './adoption';
import { AdoptionParties } from './AdoptionStatus';
import { SignDecision } from './SignDecision';

export function AdoptedMark({ documentId, versions }: { documentId: string; versions: readonly Version[] }) {
  const { t, formatDate } = useI18n();
  const adopted = latestAdopted(versions);
  if (!adopted?.adoption?.adoptedAt) return null;
  return (
    <Link to={versionPagePath(documentId, adopted.id)} className="adopted-mark" data-testid="adopted-mark">
      <span className="adopted-mark__badge">{t('adoption.adopted')}</span>
      <span className="adopted-mark__text">
        {t('adoption.adoptedMark', { label: adopted.label, date: formatDate(adopted.adoption.adoptedAt) })}
      </span>
    </Link>
  );
}

interface RequestsProps {
  doc: DocumentDetail;
  versions: readonly Version[];
  /** May speak for a party (everyone but viewers; the abilities map has no own entry yet). */
  maySign: boolean;
  onChanged: () => void;
}

export function AdoptionRequests({ doc, versions, maySign, onChanged }: RequestsProps) {
  const { t } = useI18n();
  const myParty = doc.parties.find((p) => p.id === doc.partyId);
  const pending = pendingAdoptions(versions);
  if (pending.length === 0) return null;

  return (
    <div className="adoption-requests">
      {pending.map((version) => {
        const adoption = version.adoption!;
        const mine = myParty ? adoption.parties.find((p) => p.partyId === myParty.id) : undefined;
        const { signed, total } = adoptionProgress(adoption);
        const open = versionPagePath(doc.id, version.id);
        if (myParty && mine && mine.status !== 'signed' && maySign) {
          return (
            <section key={version.id} className="adoption-request" aria-labelledby={`adopt-${version.id}`} data-testid="adoption-request">
              <h2 id={`adopt-${version.id}`} className="adoption-request__title">
                {t('adoption.askTitle', { party: myParty.name })}
              </h2>
              <p>
                {t('adoption.askBody', { name: adoption.requestedByName ?? t('block.unknownPerson'), label: version.label })}{' '}
                <Link to={open}>{t('adoption.readVersion')}</Link>
              </p>
              {mine.status === 'declined' && (
                <p className="adoption-request__declined">
                  {t('adoption.youDeclined', { name: mine.userName ?? t('block.unknownPerson'), reason: mine.reason ?? '' })}
                </p>
              )}
              <p className="muted">{t('adoption.progress', { signed, count: total })}</p>
              <SignDecision documentId={doc.id} version={version} party={myParty} onDone={onChanged} />
              <details className="adoption-request__more">
                <summary>{t('adoption.showParties')}</summary>
                <AdoptionParties adoption={adoption} />
              </details>
            </section>
          );
        }
        return (
          <p key={version.id} className="adoption-pending-line" data-testid="adoption-pending">
            <span className="version-badge version-badge--pending">{t('adoption.pendingCount', { signed, count: total })}</span>{' '}
            <Link to={open}>{t('adoption.pendingLine', { label: version.label })}</Link>
          </p>
        );
      })}
    </div>
  );
}
