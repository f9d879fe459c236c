/** How far the adoption (vaststelling) of a version is: a badge, and per party who decided what. */
import type { AdoptionState, VersionKind } from '../../shared/api/versions';
import { PartyChip } from '../components/PartyChip';
import { useI18n } from '../i18n/I18n';
import { adoptionProgress } from './adoption';

export function AdoptionBadge({ adoption }: { adoption: AdoptionState | null }) {
  const { t } = useI18n();
  if (!adoption) return null;
  if (adoption.status === 'adopted') {
    return (
      <span className="version-badge version-badge--adopted" data-testid="adoption-badge">
        {t('adoption.adopted')}
      </span>
    );
  }
  const { signed, total } = adoptionProgress(adoption);
  return (
    <span className="version-badge version-badge--pending" data-testid="adoption-badge">
      {t('adoption.pendingCount', { signed, count: total })}
    </span>
  );
}

export function KindBadge({ kind }: { kind: VersionKind }) {
  const { t } = useI18n();
  return <span className={`version-badge version-badge--${kind}`}>{t(`version.kind.${kind}`)}</span>;
}

/** Per party: signed by whom and when, declined with the reason, or still to decide. */
export function AdoptionParties({ adoption }: { adoption: AdoptionState }) {
  const { t, formatDate } = useI18n();
  return (
    <div className="adoption" data-testid="adoption-parties">
      <p className="adoption__requested muted">
        {adoption.status === 'adopted' && adoption.adoptedAt
          ? t('adoption.adoptedOn', { date: formatDate(adoption.adoptedAt, true) })
          : t('adoption.requestedBy', { name: adoption.requestedByName ?? t('block.unknownPerson'), date: formatDate(adoption.requestedAt, true) })}
      </p>
      <ul className="plain-list adoption__parties">
        {adoption.parties.map((p) => (
          <li key={p.partyId} className={`adoption__party adoption__party--${p.status}`} data-party-id={p.partyId}>
            <PartyChip name={p.partyName} color={p.color} compact />
            <span className="adoption__decision">
              {p.status === 'signed' &&
                t('adoption.signedBy', { name: p.userName ?? t('block.unknownPerson'), date: p.at ? formatDate(p.at, true) : '' })}
              {p.status === 'declined' &&
                t('adoption.declinedBy', { name: p.userName ?? t('block.unknownPerson'), date: p.at ? formatDate(p.at, true) : '' })}
              {p.status === 'pending' && t('adoption.waiting')}
            </span>
            {p.status === 'declined' && p.reason && <q className="adoption__reason">{p.reason}</q>}
          </li>
        ))}
      </ul>
    </div>
  );
}
