/** Tabs between a workspace's overview and its registers; plain links, so each has an address. */
import type { RegisterName } from '../../shared/api/registers';
import { useT } from '../i18n/I18n';
import { Link } from '../router';
import { registerPagePath, threadsPagePath, workspacePath } from '../routes';

type Tab = RegisterName | 'threads' | null;

const tabs: { register: Tab; key: 'tabs.overview' | 'tabs.threads' | `tabs.${RegisterName}` }[] = [
  { register: null, key: 'tabs.overview' },
  { register: 'actions', key: 'tabs.actions' },
  { register: 'commitments', key: 'tabs.commitments' },
  { register: 'reflections', key: 'tabs.reflections' },
  { register: 'criteria', key: 'tabs.criteria' },
  { register: 'threads', key: 'tabs.threads' },
];

const pathOf = (workspaceId: string, tab: Tab) =>
  tab === null ? workspacePath(workspaceId) : tab === 'threads' ? threadsPagePath(workspaceId) : registerPagePath(workspaceId, tab);

export function WorkspaceTabs({ workspaceId, current }: { workspaceId: string; current: Tab }) {
  const t = useT();
  return (
    <nav className="ws-tabs" aria-label={t('tabs.label')}>
      <ul className="ws-tabs__list">
        {tabs.map(({ register, key }) => (
          <li key={key}>
            <Link
              to={pathOf(workspaceId, register)}
              className={register === current ? 'ws-tabs__tab ws-tabs__tab--current' : 'ws-tabs__tab'}
              aria-current={register === current ? 'page' : undefined}
              data-testid={`tab-${register ?? 'overview'}`}
            >
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
