import { useEffect, useState, type FormEvent } from 'react';
import { PETITION_STATUSES, STATUS_LABELS } from '../../../../../shared/domain/petition-codes';
import { useT } from '../../../i18n';
import type { ClockFilter, QueueFilters as Filters } from '../api';

type Props = { filters: Filters; onApply: (filters: Filters) => void; onReset: () => void };

/** Clock, status and free text: applied together on submit, so the list does not jump while typing. */
export function QueueFilters({ filters, onApply, onReset }: Props) {
  const { t, lang } = useT();
  const [clock, setClock] = useState<string>(filters.clock ?? '');
  const [status, setStatus] = useState<string>(filters.status ?? '');
  const [q, setQ] = useState(filters.q ?? '');

  // The address changed from outside (reset, back button): show its filters. The form stays mounted so
  // the focus stays on the button that was pressed.
  useEffect(() => {
    setClock(filters.clock ?? '');
    setStatus(filters.status ?? '');
    setQ(filters.q ?? '');
  }, [filters.clock, filters.status, filters.q]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({
      queue: filters.queue,
      clock: (clock || undefined) as ClockFilter | undefined,
      status: (PETITION_STATUSES as readonly string[]).includes(status) ? (status as Filters['status']) : undefined,
      q: q.trim() || undefined,
    });
  };

  const active = Boolean(filters.clock || filters.status || filters.q);
  return (
    <form className="filters" role="search" aria-label={t('filters.label')} onSubmit={onSubmit}>
      <div className="filters__field">
        <label htmlFor="filter-q" className="label">
          {t('filters.q')}
        </label>
        <input id="filter-q" name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} aria-describedby="filter-q-hint" />
        <p id="filter-q-hint" className="hint hint--small">
          {t('filters.q.hint')}
        </p>
      </div>
      <div className="filters__field">
        <label htmlFor="filter-clock" className="label">
          {t('filters.clock')}
        </label>
        <select id="filter-clock" name="clock" value={clock} onChange={(e) => setClock(e.target.value)}>
          <option value="">{t('filters.any')}</option>
          <option value="on_time">{t('clock.on_time')}</option>
          <option value="at_risk">{t('clock.at_risk')}</option>
          <option value="breached">{t('clock.breached')}</option>
          <option value="paused">{t('clock.paused')}</option>
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor="filter-status" className="label">
          {t('filters.status')}
        </label>
        <select id="filter-status" name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('filters.any')}</option>
          {PETITION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s][lang]}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__buttons">
        <button type="submit" className="button button--primary">
          {t('filters.apply')}
        </button>
        {active && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              onReset();
              // The button goes away with the filters: the focus goes to the search field, not to the page.
              document.getElementById('filter-q')?.focus();
            }}
          >
            {t('filters.reset')}
          </button>
        )}
      </div>
    </form>
  );
}
