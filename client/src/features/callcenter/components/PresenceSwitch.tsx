// Available / busy / away, at the top of the console: three large radio buttons (arrow keys move between
// them, as in any radio group). While on a call the server holds `on_call` and the switch is locked.
import type { PresenceStatus } from '../../../../../shared/domain/calls';
import { useT, type MessageKey } from '../../../i18n';
import type { SettablePresence } from '../api';

const OPTIONS: { value: SettablePresence; label: MessageKey; hint: MessageKey }[] = [
  { value: 'available', label: 'cc.presence.available', hint: 'cc.presence.available.hint' },
  { value: 'busy', label: 'cc.presence.busy', hint: 'cc.presence.busy.hint' },
  { value: 'away', label: 'cc.presence.away', hint: 'cc.presence.away.hint' },
];

type Props = { status: PresenceStatus | null; pending: boolean; onChange: (status: SettablePresence) => void };

export function PresenceSwitch({ status, pending, onChange }: Props) {
  const { t } = useT();
  const onCall = status === 'on_call';
  // While the console first tells the server where it stands, and while on a call, nothing to choose.
  const locked = onCall || (status === null && pending);
  return (
    <fieldset className={`presence presence--${status ?? 'unknown'}`} data-testid="presence" aria-busy={pending || undefined}>
      <legend className="presence__legend">{t('cc.presence.legend')}</legend>
      <div className="presence__options">
        {OPTIONS.map((o) => (
          <div className="presence__option" key={o.value}>
            <input
              type="radio"
              id={`presence-${o.value}`}
              name="presence"
              value={o.value}
              checked={status === o.value}
              disabled={locked}
              aria-describedby={`presence-${o.value}-hint`}
              onChange={() => onChange(o.value)}
            />
            <label htmlFor={`presence-${o.value}`}>
              <span className="presence__label">{t(o.label)}</span>
              <span id={`presence-${o.value}-hint`} className="presence__hint">
                {t(o.hint)}
              </span>
            </label>
          </div>
        ))}
      </div>
      <p className="presence__now" role="status">
        {status === null ? t('cc.presence.unknown') : onCall ? t('cc.presence.onCallNote') : pending ? t('cc.presence.saving') : ''}
      </p>
    </fieldset>
  );
}
