/**
 * Who contributed to one document, per party: characters written and deleted, blocks proposed,
 * commitments made, as bars proportional to the largest, and a table per day. A party that
 * wrote most of the text is named, so the equal playing field can be talked about.
 */
import type { CSSProperties } from 'react';
import type { DocumentContributions } from '../../shared/api/attribution';
import { isHexColor, noPartyColor } from '../color';
import { PartyChip } from '../components/PartyChip';
import { useI18n } from '../i18n/I18n';
import { localeOf } from '../i18n/translate';
import { contributionMetrics, dominantWriter, largestDay, metricBars, timelineByDay, writingShares, type ContributionMetric } from './contributionStats';
import { TableScroll } from '../components/TableScroll';

const partyColor = (color: string | null | undefined) => (isHexColor(color) ? color : noPartyColor);

function MetricBars({ data, metric, dominantId }: { data: DocumentContributions; metric: ContributionMetric; dominantId: string | null }) {
  const { t, lang } = useI18n();
  const bars = metricBars(data.parties, metric);
  return (
    <section className="metric" aria-labelledby={`metric-${metric}`} data-testid={`metric-${metric}`}>
      <h3 id={`metric-${metric}`} className="metric__title">
        {t(`docContrib.metric.${metric}`)}
      </h3>
      <ul className="metric__bars">
        {bars.map(({ party, value, width }) => (
          <li key={party.partyId} className={party.partyId === dominantId ? 'metric__row metric__row--dominant' : 'metric__row'} data-party-id={party.partyId}>
            <span className="metric__party">
              <PartyChip name={party.partyName} color={party.color} compact />
            </span>
            <span className="metric__track">
              <span
                className={value > 0 ? 'metric__bar' : 'metric__bar metric__bar--zero'}
                style={{ '--party': partyColor(party.color), width: `${width}%` } as CSSProperties}
              />
            </span>
            <span className="metric__value">{value.toLocaleString(localeOf(lang))}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Timeline({ data }: { data: DocumentContributions }) {
  const { t, formatDate } = useI18n();
  const rows = timelineByDay(data.timeline);
  if (rows.length === 0) return <p className="empty">{t('docContrib.noDays')}</p>;
  const max = Math.max(largestDay(rows), 1);
  const withoutParty = rows.some((r) => r.cells.has(''));
  const columns = [
    ...data.parties.map((p) => ({ id: p.partyId, name: p.partyName, color: p.color })),
    ...(withoutParty ? [{ id: '', name: t('docContrib.noParty'), color: noPartyColor }] : []),
  ];
  return (
    <TableScroll label={t('docContrib.timelineCaption')}>
      <table className="data-table timeline" data-testid="contrib-timeline">
        <caption className="visually-hidden">{t('docContrib.timelineCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('docContrib.day')}</th>
            {columns.map((c) => (
              <th key={c.id} scope="col">
                <PartyChip name={c.name} color={c.color} compact />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.day}>
              <th scope="row" className="timeline__day">
                {formatDate(`${row.day}T12:00:00`)}
              </th>
              {columns.map((c) => {
                const cell = row.cells.get(c.id);
                if (!cell) return <td key={c.id} className="timeline__cell timeline__cell--empty">—</td>;
                return (
                  <td key={c.id} className="timeline__cell">
                    <span
                      className="timeline__bar"
                      style={{ '--party': partyColor(c.color), width: `${Math.max((cell.charsInserted / max) * 100, 2)}%` } as CSSProperties}
                    />
                    <span className="timeline__numbers">{t('docContrib.dayCell', { inserted: cell.charsInserted, deleted: cell.charsDeleted })}</span>
                    {cell.people.length > 0 && <span className="timeline__people">{cell.people.join(', ')}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function ContributionsView({ data }: { data: DocumentContributions }) {
  const { t } = useI18n();
  const dominant = dominantWriter(data.parties);
  const shares = writingShares(data.parties);
  if (data.parties.length === 0) return <p className="empty">{t('docContrib.noParties')}</p>;
  return (
    <div className="doc-contrib" data-testid="doc-contributions">
      {dominant && (
        <p className="contributions__dominant" role="note" data-testid="contrib-dominant">
          {t('docContrib.dominant', { party: dominant.party.partyName, share: dominant.share })}
        </p>
      )}
      {shares.length > 0 && (
        <p className="doc-contrib__shares" data-testid="contrib-shares">
          <span className="muted">{t('docContrib.shares')}</span>
          {shares.map(({ party, share }) => (
            <span key={party.partyId} className="doc-contrib__share">
              <PartyChip name={party.partyName} color={party.color} compact /> {t('docContrib.share', { share })}
            </span>
          ))}
        </p>
      )}
      <section className="panel" aria-labelledby="contrib-parties-title">
        <h2 id="contrib-parties-title">{t('docContrib.perParty')}</h2>
        <div className="metrics">
          {contributionMetrics.map((metric) => (
            <MetricBars key={metric} data={data} metric={metric} dominantId={metric === 'charsInserted' ? (dominant?.party.partyId ?? null) : null} />
          ))}
        </div>
      </section>
      <section className="panel" aria-labelledby="contrib-days-title">
        <h2 id="contrib-days-title">{t('docContrib.perDay')}</h2>
        <p className="muted">{t('docContrib.perDayIntro')}</p>
        <Timeline data={data} />
      </section>
    </div>
  );
}
