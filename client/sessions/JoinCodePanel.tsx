/**
 * "Deelnamecode" in the chair's panel (issue 14 item 7): the chair picks the party guests sit
 * with, gets a code, its link and a QR image, large enough to show on the wall. The code is
 * shown this once: the server keeps only its hash.
 */
import { useState } from 'react';
import type { CreatedJoinCode } from '../../shared/api/guestSchemas';
import type { Party } from '../../shared/api/workspaces';
import { joinCodeLimits } from '../../shared/sessions/guests';
import { api } from '../api';
import { FormError, SelectField, TextField } from '../components/Field';
import { useI18n } from '../i18n/I18n';
import { useAction } from '../useAction';

/** Residents are who codes are for in the source texts; another party when there is none. */
const likelyGuestParty = (parties: readonly Party[]) => parties.find((p) => p.kind === 'residents')?.id ?? parties[0]?.id ?? '';

export function JoinCodePanel({ sessionId, parties }: { sessionId: string; parties: readonly Party[] }) {
  const { t, formatDate } = useI18n();
  const action = useAction();
  const [partyId, setPartyId] = useState(() => likelyGuestParty(parties));
  const [minutes, setMinutes] = useState(String(joinCodeLimits.defaultMinutes));
  const [seats, setSeats] = useState(String(joinCodeLimits.defaultSeats));
  const [created, setCreated] = useState<CreatedJoinCode | null>(null);

  const open = () =>
    action.run(async () => setCreated(await api.createJoinCode(sessionId, { partyId, expiresInMinutes: Number(minutes), seats: Number(seats) })));

  return (
    <div className="chair-panel__group join-code" role="group" aria-labelledby="join-code-title">
      <h3 id="join-code-title">{t('guests.panelTitle')}</h3>
      <p className="muted">{t('guests.panelIntro')}</p>
      <SelectField name="partyId" label={t('guests.party')} value={partyId} error={action.fields.partyId} onChange={(e) => setPartyId(e.target.value)}>
        {parties.map((party) => (
          <option key={party.id} value={party.id}>
            {party.name}
          </option>
        ))}
      </SelectField>
      <TextField name="expiresInMinutes" type="number" inputMode="numeric" min={1} max={joinCodeLimits.maxMinutes} label={t('guests.minutes')} value={minutes} error={action.fields.expiresInMinutes} onChange={(e) => setMinutes(e.target.value)} />
      <TextField name="seats" type="number" inputMode="numeric" min={1} max={joinCodeLimits.maxSeats} label={t('guests.seats')} value={seats} error={action.fields.seats} onChange={(e) => setSeats(e.target.value)} />
      <button type="button" className="button button--primary" disabled={action.busy || !partyId} onClick={() => void open()}>
        {t('guests.open')}
      </button>
      <FormError message={action.error} />
      {created && (
        <figure className="join-code__shown">
          <p className="join-code__code" aria-label={t('guests.codeLabel')} data-testid="join-code">
            {created.code}
          </p>
          {/* An image of the server's SVG, never its markup in the page: nothing in it can run. */}
          <img className="join-code__qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(created.qrSvg)}`} alt={t('guests.qrAlt')} width={280} height={280} />
          <figcaption>
            <p>{t('guests.link', { url: created.url })}</p>
            <p className="muted">{t('guests.validUntil', { time: formatDate(created.expiresAt, true), seats: created.seats })}</p>
          </figcaption>
        </figure>
      )}
    </div>
  );
}
