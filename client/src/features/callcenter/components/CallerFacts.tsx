// What we know of a number: the name from its latest identified petition, its petitions with status and
// due date, its earlier calls. Shown in the screen pop, on the call in progress and by the caller lookup.
import type { CallerCall, CallerPetition } from '../../../../../shared/api/calls';
import { CALL_OUTCOME_LABELS } from '../../../../../shared/domain/calls';
import { useT } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { CALL_STATUS_LABELS } from '../labels';

type Props = {
  petitions: CallerPetition[];
  calls: CallerCall[];
  /** The heading level of the two lists (h3 inside a section with an h2). */
  level?: 3 | 4;
  /** How many earlier calls to list. */
  maxCalls?: number;
};

export function CallerFacts({ petitions, calls, level = 3, maxCalls = 5 }: Props) {
  const { t, lang } = useT();
  const Heading = `h${level}` as const;
  return (
    <div className="caller-facts">
      <div>
        <Heading className="caller-facts__title">{t('cc.facts.petitions', { n: petitions.length })}</Heading>
        {petitions.length === 0 ? (
          <p className="muted">{t('cc.facts.noPetitions')}</p>
        ) : (
          <ul className="plain-list" data-testid="caller-petitions">
            {petitions.map((p) => (
              <li key={p.id}>
                <span className="mono">{p.registrationNumber}</span> — {p.statusLabel[lang]}
                <span className="cell-note">{t('cc.facts.dueOn', { date: formatDate(p.dueOn, lang) })}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <Heading className="caller-facts__title">{t('cc.facts.calls', { n: calls.length })}</Heading>
        {calls.length === 0 ? (
          <p className="muted">{t('cc.facts.noCalls')}</p>
        ) : (
          <ul className="plain-list">
            {calls.slice(0, maxCalls).map((c) => (
              <li key={c.id}>
                <time dateTime={c.startedAt}>{formatDateTime(c.startedAt, lang)}</time> — {t(CALL_STATUS_LABELS[c.status])}
                {c.outcome && <> · {CALL_OUTCOME_LABELS[c.outcome][lang]}</>}
                {c.agentName && <span className="cell-note">{t('cc.facts.agent', { name: c.agentName })}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
