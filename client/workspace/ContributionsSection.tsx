/**
 * "Wie draagt bij": per party what it proposed, owns and committed to, as bars in the party's
 * colour, so a party that dominates the table is visible at a glance.
 */
import type { CSSProperties } from 'react';
import { api } from '../api';
import type { WorkspaceContribution } from '../../shared/api/registers';
import type { WorkspaceDetail } from '../../shared/api/workspaces';
import { isHexColor, noPartyColor } from '../color';
import { PartyChip } from '../components/PartyChip';
import { ErrorState } from '../components/Status';
import { useT } from '../i18n/I18n';
import { useWorkspaceEvents } from '../registers/useWorkspaceEvents';
import { useResource } from '../useResource';
import { contributionShares, dominantParty } from './contributionShares';

export function ContributionsSection({ workspace }: { workspace: WorkspaceDetail }) {
  const t = useT();
  const { resource, reload } = useResource(() => api.contributions(workspace.id), [workspace.id]);
  useWorkspaceEvents(workspace.id, reload);

  let body;
  if (resource.status === 'loading') body = <p className="loading">{t('common.loading')}</p>;
  else if (resource.status === 'error') body = <ErrorState error={resource.error} onRetry={reload} />;
  else body = <ContributionBars rows={resource.data} />;

  return (
    <section className="panel contributions" aria-labelledby="contrib-title" data-testid="contributions">
      <h2 id="contrib-title">{t('contrib.title')}</h2>
      <p className="muted contributions__intro">{t('contrib.intro')}</p>
      {body}
    </section>
  );
}

function ContributionBars({ rows }: { rows: WorkspaceContribution[] }) {
  const t = useT();
  const shares = contributionShares(rows);
  if (shares.every((s) => s.total === 0)) return <p className="empty">{t('contrib.empty')}</p>;
  const dominant = dominantParty(shares);
  const max = Math.max(...shares.map((s) => s.total), 1);
  return (
    <>
      {dominant && (
        <p className="contributions__dominant" role="note" data-testid="contrib-dominant">
          {t('contrib.dominant', { party: dominant.row.partyName, share: dominant.share })}
        </p>
      )}
      <ul className="plain-list contributions__list">
        {shares.map(({ row, total, share }) => {
          const color = isHexColor(row.color) ? row.color : noPartyColor;
          return (
            <li key={row.partyId} className="contribution" data-party-id={row.partyId}>
              <div className="contribution__head">
                <PartyChip name={row.partyName} color={color} compact />
                <span className="contribution__share">{t('contrib.share', { share })}</span>
              </div>
              <span
                className={total > 0 ? 'contribution__bar' : 'contribution__bar contribution__bar--zero'}
                role="img"
                aria-label={t('contrib.summary', {
                  party: row.partyName,
                  proposed: t('contrib.summary.proposed', { count: row.blocksProposed }),
                  owned: t('contrib.summary.owned', { count: row.actionsOwned }),
                  made: t('contrib.summary.made', { count: row.commitmentsMade }),
                  confirmed: row.commitmentsConfirmed,
                })}
                style={{ '--party': color, width: `${(total / max) * 100}%` } as CSSProperties}
              />
              <dl className="contribution__facts">
                <div>
                  <dt>{t('contrib.proposed')}</dt>
                  <dd>{row.blocksProposed}</dd>
                </div>
                <div>
                  <dt>{t('contrib.owned')}</dt>
                  <dd>{row.actionsOwned}</dd>
                </div>
                <div>
                  <dt>{t('contrib.made')}</dt>
                  <dd>
                    {row.commitmentsMade}
                    {row.commitmentsMade > 0 && <span className="contribution__sub"> ({t('contrib.confirmed', { count: row.commitmentsConfirmed })})</span>}
                  </dd>
                </div>
                <div>
                  <dt>{t('contrib.comments')}</dt>
                  <dd>{row.comments}</dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
    </>
  );
}
