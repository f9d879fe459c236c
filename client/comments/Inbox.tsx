/**
 * The inbox in the header: mentions and replies to your threads, with the unread count. It asks
 * again when the person's own event stream says the inbox changed, on every signed-in page and
 * without polling; window focus asks again too, in case the stream was down meanwhile.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { PersonalEventName } from '../../shared/api/registers';
import type { InboxRes } from '../../shared/api/comments';
import { api, personalEventsPath } from '../api';
import { useT } from '../i18n/I18n';
import { useEventStream } from '../live/useEventStream';
import { Link } from '../router';
import { documentPath } from '../routes';

const inboxChanged: PersonalEventName = 'notifications';

export function Inbox() {
  const t = useT();
  const panelId = useId();
  const [inbox, setInbox] = useState<InboxRes | null>(null);
  const [open, setOpen] = useState(false);
  const refresh = useCallback(() => {
    api.inbox().then(setInbox, () => undefined);
  }, []);
  useEventStream(personalEventsPath, inboxChanged, refresh);
  useEffect(() => {
    refresh();
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);

  const unread = inbox?.unread ?? 0;
  const markAll = async () => {
    const ids = inbox?.notifications.filter((n) => !n.read).map((n) => n.id) ?? [];
    if (ids.length > 0) await api.markRead(ids);
    refresh();
  };

  return (
    <div className="inbox">
      <button
        type="button"
        className="button button--ghost inbox__button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="inbox-button"
        onClick={() => {
          setOpen((o) => !o);
          refresh();
        }}
      >
        <span className="inbox__icon" aria-hidden="true">
          ✉
        </span>
        <span className="inbox__label">{t('inbox.label')}</span>
        {unread > 0 && (
          <span className="inbox__count" aria-hidden="true">
            {unread}
          </span>
        )}
        <span className="visually-hidden">{t('inbox.unread', { count: unread })}</span>
      </button>
      {open && (
        <div id={panelId} className="inbox__panel" role="region" aria-label={t('inbox.label')}>
          {!inbox || inbox.notifications.length === 0 ? (
            <p className="muted">{t('inbox.empty')}</p>
          ) : (
            <>
              <ul className="inbox__list">
                {inbox.notifications.map((note) => (
                  <li key={note.id} className={note.read ? 'inbox__item' : 'inbox__item inbox__item--unread'}>
                    <p>{t(note.kind === 'mention' ? 'inbox.mention' : 'inbox.reply', { name: note.authorName ?? t('comment.deletedAuthor') })}</p>
                    <p className="muted">{t('comment.quote', { quote: note.quote })}</p>
                    <Link
                      to={documentPath(note.documentId)}
                      onClick={() => {
                        void api.markRead([note.id]).then(refresh);
                        setOpen(false);
                      }}
                    >
                      {t('inbox.open')}
                    </Link>
                  </li>
                ))}
              </ul>
              {unread > 0 && (
                <button type="button" className="button button--ghost button--small" onClick={() => void markAll()}>
                  {t('inbox.markAllRead')}
                </button>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
