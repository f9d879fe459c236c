/**
 * The page a join code's link or QR image opens (issue 14 item 7), made for a phone: a name,
 * and in. The guest is signed in by the answer's cookie and lands on the live session.
 */
import { useState, type FormEvent } from 'react';
import { joinCodeLimits } from '../../shared/sessions/guests';
import { api } from '../api';
import { FormError, TextField } from '../components/Field';
import { useI18n } from '../i18n/I18n';
import { navigate } from '../router';
import { sessionPath } from '../routes';
import { useSession } from '../session';
import { useAction } from '../useAction';
import { usePageTitle } from '../a11y/pageTitle';

export function JoinPage({ code: codeInLink }: { code: string }) {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const action = useAction();
  const [code, setCode] = useState(codeInLink);
  const [name, setName] = useState('');
  usePageTitle(t('guests.joinTitle'));

  const join = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      const joined = await api.joinWithCode({ code, name });
      signedIn(await api.me());
      navigate(sessionPath(joined.sessionId), { replace: true });
    });
  };

  return (
    <section className="auth-card join-card" aria-labelledby="join-title">
      <h1 id="join-title">{t('guests.joinTitle')}</h1>
      <p className="lead">{t('guests.joinIntro')}</p>
      <form onSubmit={(e) => void join(e)} noValidate>
        <TextField name="name" label={t('guests.nameLabel')} value={name} autoComplete="given-name" maxLength={joinCodeLimits.guestNameMax} required error={action.fields.name} onChange={(e) => setName(e.target.value)} />
        <TextField name="code" label={t('guests.codeField')} value={code} autoCapitalize="characters" autoComplete="off" spellCheck={false} error={action.fields.code} onChange={(e) => setCode(e.target.value)} />
        <FormError message={action.error} />
        <button type="submit" className="button button--primary button--block" disabled={action.busy}>
          {action.busy ? t('guests.joining') : t('guests.join')}
        </button>
      </form>
    </section>
  );
}
