import { useT } from '../i18n/I18n';
import type { ConnectionState } from './useCollaboration';

interface Props {
  state: ConnectionState;
  saved: boolean;
  /** Whether a connection existed before, to say "reconnecting" rather than "connecting". */
  reconnecting: boolean;
}

/**
 * The connection and whether the server has stored the last own edit. Tests read
 * `data-state` and `data-saved`; people read the words and the coloured dot.
 */
export function ConnectionStatus({ state, saved, reconnecting }: Props) {
  const t = useT();
  const label =
    state === 'connected' ? t('conn.connected') : state === 'offline' ? t('conn.offline') : reconnecting ? t('conn.reconnecting') : t('conn.connecting');
  return (
    <div
      className={`conn conn--${state}`}
      data-testid="connection-state"
      data-state={state}
      data-saved={String(saved)}
      role="status"
      aria-live="polite"
    >
      <span className="conn__dot" aria-hidden="true" />
      <span className="conn__state">{label}</span>
      <span className="conn__sep" aria-hidden="true">
        ·
      </span>
      <span className={saved ? 'conn__saved' : 'conn__saved conn__saved--pending'}>
        {saved ? t('conn.saved') : t('conn.saving')}
      </span>
    </div>
  );
}
