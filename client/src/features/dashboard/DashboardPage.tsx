// /personal/panou (issue 6 §2): where every department stands, for the delegate and the administrator (the
// whole city hall), a head or a service director (their department) and the call-center supervisor (the
// calls). Drawn for a projector: big figures, large type, high contrast; every number opens its list.
// Live: the query refetches when the server pushes a petition event (queries.ts).
import { useEffect, useState, type FormEvent } from 'react';
import { isIsoDate } from '../../../../shared/domain/dates';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { navigate, useRouter } from '../../router';
import { StaffPage } from '../staff/components/StaffPage';
import { describeStaffError } from '../staff/errors';
import { CallsSection } from './CallsSection';
import { CategoriesChart } from './CategoriesChart';
import { DueLists } from './DueLists';
import { InTimeChart } from './InTimeChart';
import { DASHBOARD_PATH } from './links';
import { MedianChart } from './MedianChart';
import { OpenSection } from './OpenSection';
import { useDashboard } from './queries';
import { WeeklyChart } from './WeeklyChart';
import './dashboard.css';

const dateParam = (value: string | null) => (value && isIsoDate(value) ? value : undefined);

export function DashboardPage() {
  const { t, tm, lang } = useT();
  const { search } = useRouter();
  const params = new URLSearchParams(search);
  const period = { from: dateParam(params.get('from')), to: dateParam(params.get('to')) };
  const dashboard = useDashboard(period);
  const data = dashboard.data;
  const title =
    data?.scope.kind === 'department' && data.scope.departmentCode
      ? t('dashboard.title.department', { department: data.scope.departmentName ? `${data.scope.departmentCode} (${data.scope.departmentName})` : data.scope.departmentCode })
      : t('dashboard.title');

  return (
    <StaffPage title={title}>
      <div className="dashboard" data-testid="dashboard">
        {data && (
          <p className="lead" data-testid="dashboard-as-of">
            {t('dashboard.asOf', { time: formatDateTime(data.generatedAt, lang) })}
          </p>
        )}
        <PeriodForm from={period.from} to={period.to} />
        {dashboard.isPending && <p role="status">{t('common.loading')}</p>}
        {dashboard.isError && !data && (
          <div className="notice notice--error" role="alert">
            <p>
              {t('dashboard.loadError')} {tm(describeStaffError(dashboard.error))}
            </p>
            <button type="button" className="button button--secondary" onClick={() => void dashboard.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {data?.petitions && (
          <>
            <OpenSection petitions={data.petitions} scope={data.scope} />
            <DueLists petitions={data.petitions} scope={data.scope} />
            <section aria-labelledby="history-title" className="dashboard-section">
              <h2 id="history-title">{t('dashboard.history.title')}</h2>
              <WeeklyChart data={data.petitions.receivedByWeek} />
              <InTimeChart data={data.petitions.answered} />
              <MedianChart data={data.petitions.answered} scope={data.scope} />
              <CategoriesChart data={data.petitions.topCategories} scope={data.scope} />
            </section>
          </>
        )}
        {data?.calls && <CallsSection calls={data.calls} supervisor={!data.petitions} />}
      </div>
    </StaffPage>
  );
}

/** The charts' period in the address (?from=&to=), so a view can be shared; empty: the default windows. */
function PeriodForm({ from, to }: { from: string | undefined; to: string | undefined }) {
  const { t } = useT();
  const [values, setValues] = useState({ from: from ?? '', to: to ?? '' });
  useEffect(() => setValues({ from: from ?? '', to: to ?? '' }), [from, to]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = new URLSearchParams();
    if (values.from) q.set('from', values.from);
    if (values.to) q.set('to', values.to);
    navigate(q.size ? `${DASHBOARD_PATH}?${q}` : DASHBOARD_PATH);
  };
  return (
    <form className="period-form" onSubmit={onSubmit} aria-label={t('dashboard.period')}>
      <div className="period-form__field">
        <label htmlFor="period-from" className="label">
          {t('dashboard.period.from')}
        </label>
        <input id="period-from" type="date" value={values.from} onChange={(e) => setValues((v) => ({ ...v, from: e.target.value }))} aria-describedby="period-hint" />
      </div>
      <div className="period-form__field">
        <label htmlFor="period-to" className="label">
          {t('dashboard.period.to')}
        </label>
        <input id="period-to" type="date" value={values.to} onChange={(e) => setValues((v) => ({ ...v, to: e.target.value }))} aria-describedby="period-hint" />
      </div>
      <div className="period-form__buttons">
        <button type="submit" className="button button--secondary">
          {t('dashboard.period.apply')}
        </button>
        {(from || to) && (
          <button type="button" className="button button--secondary" onClick={() => navigate(DASHBOARD_PATH)}>
            {t('dashboard.period.reset')}
          </button>
        )}
      </div>
      <p id="period-hint" className="hint hint--small">
        {t('dashboard.period.hint')}
      </p>
    </form>
  );
}
