// The supervisor's page (issue 5 §2, §7), /personal/apeluri/supervizor: who is free and who is on a call,
// live, and the figures of a date range (Bucharest days): calls per hour, answered vs missed, waiting and
// handling time, first-call resolution, open callbacks. Both refetch on every call and presence event.
import { useState, type FormEvent } from 'react';
import { addDays, bucharestDateOf, daysBetween, isIsoDate } from '../../../../shared/domain/dates';
import { FormField } from '../../components/FormField';
import { useT, type MessageKey } from '../../i18n';
import { formatDate, formatDateTime, formatNumber, formatTime } from '../../i18n/format';
import { navigate, useQueryParam } from '../../router';
import { StaffPage } from '../staff/components/StaffPage';
import { ROLE_LABELS } from '../staff/roles';
import { PerHourChart } from './components/PerHourChart';
import { describeCallError } from './errors';
import { formatDuration, formatPhone, formatShare } from './format';
import { PRESENCE_LABELS } from './labels';
import { callCenterPaths } from './paths';
import { useAgents, useCallStats } from './queries';

const MAX_DAYS = 366;

function rangeFrom(fromParam: string | null, toParam: string | null): { from: string; to: string } {
  const today = bucharestDateOf(new Date());
  const to = toParam && isIsoDate(toParam) ? toParam : today;
  const from = fromParam && isIsoDate(fromParam) && fromParam <= to && daysBetween(fromParam, to) < MAX_DAYS ? fromParam : addDays(to, -6);
  return { from, to };
}

export function SupervisorPage() {
  const { t } = useT();
  const range = rangeFrom(useQueryParam('de'), useQueryParam('pana'));
  return (
    <StaffPage title={t('cc.sup.title')}>
      <p className="lead">{t('cc.sup.intro')}</p>
      <Agents />
      <RangeForm range={range} />
      <Figures range={range} />
    </StaffPage>
  );
}

function Agents() {
  const { t, tm, lang } = useT();
  const agents = useAgents();
  const items = agents.data?.items ?? [];
  const free = items.filter((a) => a.status === 'available').length;
  const onCall = items.filter((a) => a.status === 'on_call').length;
  return (
    <section className="panel" aria-labelledby="agents-title">
      <h2 id="agents-title">{t('cc.sup.agents')}</h2>
      {agents.isPending && <p>{t('common.loading')}</p>}
      {agents.isError && <p className="notice notice--error">{tm(describeCallError(agents.error))}</p>}
      {agents.data && (
        <>
          <p data-testid="agents-summary">{t('cc.sup.agents.summary', { free, onCall, total: items.length })}</p>
          <div className="table-wrap">
            <table className="queue-table" data-testid="agents">
              <caption className="visually-hidden">{t('cc.sup.agents.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cc.sup.agents.name')}</th>
                  <th scope="col">{t('cc.sup.agents.status')}</th>
                  <th scope="col">{t('cc.sup.agents.since')}</th>
                  <th scope="col">{t('cc.sup.agents.call')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id} data-testid="agent-row" data-status={a.status}>
                    <th scope="row" data-label={t('cc.sup.agents.name')}>
                      <span>
                        <strong>{a.name}</strong>
                        <span className="cell-note">{t(ROLE_LABELS[a.role])}</span>
                      </span>
                    </th>
                    <td data-label={t('cc.sup.agents.status')}>
                      <span className={`presence-badge presence-badge--${a.status}`}>{t(PRESENCE_LABELS[a.status])}</span>
                    </td>
                    <td data-label={t('cc.sup.agents.since')}>
                      <span>{a.statusSince ? formatDateTime(a.statusSince, lang) : '—'}</span>
                    </td>
                    <td data-label={t('cc.sup.agents.call')}>
                      {a.currentCall ? (
                        <span>
                          <span className="mono">{a.currentCall.phone ? formatPhone(a.currentCall.phone) : t('cc.hiddenNumber')}</span>
                          <span className="cell-note">{t('cc.call.since', { time: formatTime(new Date(a.currentCall.answeredAt ?? a.currentCall.startedAt), lang) })}</span>
                        </span>
                      ) : (
                        <span>—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function RangeForm({ range }: { range: { from: string; to: string } }) {
  const { t } = useT();
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [error, setError] = useState<MessageKey | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isIsoDate(from) || !isIsoDate(to)) return setError('cc.sup.range.invalid');
    if (from > to) return setError('cc.sup.range.order');
    if (daysBetween(from, to) >= MAX_DAYS) return setError('cc.sup.range.tooLong');
    setError(null);
    navigate(`${callCenterPaths.supervisor}?de=${from}&pana=${to}`);
  };

  return (
    <form className="filters range-form" noValidate onSubmit={onSubmit} aria-labelledby="range-title">
      <h2 id="range-title" className="range-form__title">
        {t('cc.sup.range')}
      </h2>
      <FormField id="range-from" label={t('cc.sup.range.from')} error={error === 'cc.sup.range.invalid' ? t(error) : undefined}>
        {(c) => <input {...c} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
      </FormField>
      <FormField id="range-to" label={t('cc.sup.range.to')} error={error && error !== 'cc.sup.range.invalid' ? t(error) : undefined}>
        {(c) => <input {...c} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
      </FormField>
      <div className="filters__buttons">
        <button type="submit" className="button button--primary">
          {t('cc.sup.range.show')}
        </button>
      </div>
    </form>
  );
}

function Figures({ range }: { range: { from: string; to: string } }) {
  const { t, tm, lang } = useT();
  const stats = useCallStats(range.from, range.to);
  const s = stats.data;
  return (
    <section aria-labelledby="figures-title" className="figures-section">
      <h2 id="figures-title">{t('cc.sup.figures', { from: formatDate(range.from, lang), to: formatDate(range.to, lang) })}</h2>
      {stats.isPending && <p>{t('common.loading')}</p>}
      {stats.isError && <p className="notice notice--error">{tm(describeCallError(stats.error))}</p>}
      {s && (
        <>
          <dl className="figures" data-testid="figures">
            <Figure label={t('cc.sup.incoming')} value={formatNumber(s.incoming, lang)} />
            <Figure label={t('cc.sup.answered')} value={formatNumber(s.answered, lang)} note={s.incoming ? formatShare(s.answered / s.incoming, lang) : undefined} />
            <Figure
              label={t('cc.sup.missed')}
              value={formatNumber(s.missed, lang)}
              note={t('cc.sup.voicemail', { n: s.voicemail })}
              testId="figure-missed"
            />
            <Figure label={t('cc.sup.outgoing')} value={formatNumber(s.outgoing, lang)} />
            <Figure label={t('cc.sup.wait')} value={formatDuration(s.averageWaitSeconds)} />
            <Figure label={t('cc.sup.handling')} value={formatDuration(s.averageHandlingSeconds)} />
            <Figure
              label={t('cc.sup.fcr')}
              value={s.firstCallResolution.share === null ? '—' : formatShare(s.firstCallResolution.share, lang)}
              note={t('cc.sup.fcr.note', { resolved: s.firstCallResolution.resolved, eligible: s.firstCallResolution.eligible })}
            />
            <Figure label={t('cc.sup.openCallbacks')} value={formatNumber(s.openCallbacks, lang)} testId="figure-callbacks" />
          </dl>
          <PerHourChart perHour={s.perHour} />
        </>
      )}
    </section>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string | undefined; testId?: string }) {
  return (
    <div className="figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="figure__value">{value}</span>
        {note && <span className="figure__note">{note}</span>}
      </dd>
    </div>
  );
}
