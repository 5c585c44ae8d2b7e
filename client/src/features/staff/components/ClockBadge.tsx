import type { ClockStateDto } from '../../../../../shared/api/staff-petitions';
import { useT, type MessageKey } from '../../../i18n';
import { formatDate } from '../../../i18n/format';
import type { LegalCalendar } from '../../../../../shared/domain/calendar';
import { countdown, pluralForm } from '../deadlines';

const LABELS: Record<ClockStateDto, MessageKey> = {
  on_time: 'clock.on_time',
  at_risk: 'clock.at_risk',
  breached: 'clock.breached',
  paused: 'clock.paused',
  none: 'clock.none',
};

// A shape as well as a colour, so the state reads without colour vision too; the text says it in words.
const ICONS: Record<ClockStateDto, string> = { on_time: '✓', at_risk: '!', breached: '✕', paused: '‖', none: '–' };

/** "În termen" / "Termen apropiat" / "Depășit" / "Suspendat": colour AND text. */
export function ClockBadge({ state }: { state: ClockStateDto }) {
  const { t } = useT();
  return (
    <span className={`clock-badge clock-badge--${state}`} data-clock={state}>
      <span className="clock-badge__icon" aria-hidden="true">
        {ICONS[state]}
      </span>
      {t(LABELS[state])}
    </span>
  );
}

/** "mai sunt 3 zile lucrătoare" / "termenul este astăzi" / "depășit de 2 zile". */
export function CountdownText({ dueOn, today, calendar }: { dueOn: string; today: string; calendar: LegalCalendar | null }) {
  const { t, lang } = useT();
  if (!calendar) return null;
  const left = countdown(dueOn, today, calendar);
  let text: string;
  if (left.kind === 'today') text = t('countdown.today');
  else if (left.kind === 'overdue') text = t(`countdown.overdue.${pluralForm(lang, left.days)}`, { n: left.days });
  else text = t(`countdown.left.${pluralForm(lang, left.workingDays)}`, { n: left.workingDays });
  return <span className={left.kind === 'overdue' ? 'countdown countdown--overdue' : 'countdown'}>{text}</span>;
}

/** A due date with its countdown while the clock runs. */
export function DueDate({ dueOn, today, calendar, running }: { dueOn: string | null; today: string; calendar: LegalCalendar | null; running: boolean }) {
  const { t, lang } = useT();
  if (!dueOn) return <span className="muted">{t('common.none')}</span>;
  return (
    <span className="due">
      <time dateTime={dueOn} className="due__date">
        {formatDate(dueOn, lang)}
      </time>
      {running && <CountdownText dueOn={dueOn} today={today} calendar={calendar} />}
    </span>
  );
}
