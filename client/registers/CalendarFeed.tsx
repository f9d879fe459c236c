/** "Agenda-abonnement": a secret per-person address with reflection moments and due dates. */
import { useId, useRef, useState } from 'react';
import { api } from '../api';
import { FormError } from '../components/Field';
import { useT } from '../i18n/I18n';
import { useAction } from '../useAction';

/** The state both parts share: the button in the page's tools and the panel under the heading. */
export function useCalendarFeed(workspaceId: string) {
  const action = useAction();
  const [url, setUrl] = useState<string | null>(null);
  const create = () => action.run(async () => setUrl((await api.createCalendarFeed(workspaceId)).url));
  // Closing the panel takes its close button away: focus goes back to the button that opened it.
  const returnFocus = useRef(false);
  const close = () => {
    returnFocus.current = true;
    setUrl(null);
  };
  return { url, create, close, returnFocus, busy: action.busy, error: action.error };
}
export type CalendarFeedState = ReturnType<typeof useCalendarFeed>;

export function CalendarFeedButton({ feed }: { feed: CalendarFeedState }) {
  const t = useT();
  if (feed.url) return null;
  return (
    <button
      ref={(button) => {
        if (!button || !feed.returnFocus.current) return;
        feed.returnFocus.current = false;
        button.focus();
      }}
      type="button"
      className="button button--secondary button--small"
      disabled={feed.busy}
      onClick={() => void feed.create()}
      data-testid="calendar-feed"
    >
      {t('cal.button')}
    </button>
  );
}

export function CalendarFeedPanel({ feed }: { feed: CalendarFeedState }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const inputId = useId();
  if (!feed.url) return <FormError message={feed.error} />;
  const url = feed.url;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      (document.getElementById(inputId) as HTMLInputElement | null)?.select();
    }
  };

  return (
    <div className="new-link calendar-feed" role="region" aria-labelledby={`${inputId}-title`}>
      <p className="new-link__title" id={`${inputId}-title`}>
        {t('cal.title')}
      </p>
      <p className="new-link__hint">{t('cal.hint')}</p>
      <div className="new-link__row">
        <label className="visually-hidden" htmlFor={inputId}>
          {t('cal.url')}
        </label>
        <input id={inputId} className="input new-link__url" value={url} readOnly onFocus={(e) => e.target.select()} data-testid="calendar-url" autoFocus />
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          {copied ? t('common.copied') : t('common.copy')}
        </button>
      </div>
      <div className="row-actions">
        <button
          type="button"
          className="button button--ghost button--small"
          disabled={feed.busy}
          onClick={() => {
            setCopied(false);
            void feed.create();
          }}
        >
          {t('cal.renew')}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={feed.close}>
          {t('common.close')}
        </button>
      </div>
      <FormError message={feed.error} />
    </div>
  );
}
