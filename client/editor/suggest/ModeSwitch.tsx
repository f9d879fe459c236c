/**
 * "Bewerken" / "Voorstellen" for those who may write: two buttons, the pressed one is the mode.
 * Switching waits until the last change is saved: a change made while editing and offered again
 * after the reconnect in suggestion mode would be refused by the server.
 */
import { useT } from '../../i18n/I18n';

interface ModeSwitchProps {
  suggesting: boolean;
  onChange: (suggesting: boolean) => void;
  /** False while a change is not yet saved. */
  canSwitch: boolean;
}

const keepSelection = (event: React.MouseEvent) => event.preventDefault();

export function ModeSwitch({ suggesting, onChange, canSwitch }: ModeSwitchProps) {
  const t = useT();
  const option = (value: boolean, label: string, hint: string) => (
    <button
      type="button"
      className="tool tool--text mode-switch__option"
      aria-pressed={suggesting === value}
      title={canSwitch ? hint : t('suggest.waitForSave')}
      disabled={!canSwitch && suggesting !== value}
      onMouseDown={keepSelection}
      onClick={() => suggesting !== value && onChange(value)}
      data-testid={value ? 'mode-suggest' : 'mode-edit'}
    >
      <span>{label}</span>
    </button>
  );
  return (
    <div className="mode-switch" role="group" aria-label={t('suggest.modeGroup')}>
      {option(false, t('suggest.modeEdit'), t('suggest.modeEditHint'))}
      {option(true, t('suggest.modeSuggest'), t('suggest.modeSuggestHint'))}
    </div>
  );
}
