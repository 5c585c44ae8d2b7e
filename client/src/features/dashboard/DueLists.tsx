// The overdue and the at-risk petitions (the first 20 of each, the earliest due first): number, subject,
// department, due date and working days; each opens the petition, the heading's link the whole list.
import type { DashboardListEntry, DashboardPetitions, DashboardResponse } from '../../../../shared/api/dashboard';
import { DASHBOARD_LIST_SIZE } from '../../../../shared/api/dashboard';
import { useT } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Link } from '../../router';
import { ClockBadge } from '../staff/components/ClockBadge';
import { pluralForm } from '../staff/deadlines';
import { staffPaths } from '../staff/paths';
import { listUrl } from './links';

export function DueLists({ petitions, scope }: { petitions: DashboardPetitions; scope: DashboardResponse['scope'] }) {
  const department = scope.kind === 'department' ? { departmentCode: scope.departmentCode } : {};
  return (
    <div className="due-lists">
      <DueList id="overdue" state="breached" entries={petitions.overdue} total={petitions.open.totals.breached} all={listUrl({ ...department, clock: 'breached' })} />
      <DueList id="at-risk" state="at_risk" entries={petitions.atRisk} total={petitions.open.totals.at_risk} all={listUrl({ ...department, clock: 'at_risk' })} />
    </div>
  );
}

function DueList({ id, state, entries, total, all }: { id: string; state: 'breached' | 'at_risk'; entries: DashboardListEntry[]; total: number; all: string }) {
  const { t, lang } = useT();
  const title = t(state === 'breached' ? 'dashboard.overdue.title' : 'dashboard.atRisk.title');
  return (
    <section aria-labelledby={`${id}-title`} className="due-list" data-testid={`list-${id}`}>
      <h2 id={`${id}-title`}>
        {title} <Link to={all}>{t('dashboard.list.all', { n: total })}</Link>
      </h2>
      {entries.length === 0 ? (
        <p>{t('dashboard.list.none')}</p>
      ) : (
        <>
          <p className="hint">{t('dashboard.list.first', { n: Math.min(DASHBOARD_LIST_SIZE, entries.length) })}</p>
          <table className="due-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.col.number')}</th>
                <th scope="col">{t('queue.col.subject')}</th>
                <th scope="col">{t('queue.col.department')}</th>
                <th scope="col">{t('dashboard.list.col.due')}</th>
                <th scope="col">{t('dashboard.list.col.late')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row" data-label={t('queue.col.number')}>
                    <Link to={staffPaths.petition(e.id)}>{e.registrationNumber}</Link>
                  </th>
                  <td data-label={t('queue.col.subject')}>{e.subject}</td>
                  <td data-label={t('queue.col.department')}>{e.departmentCode ?? t('dashboard.noDepartment')}</td>
                  <td data-label={t('dashboard.list.col.due')}>
                    <time dateTime={e.dueOn}>{formatDate(e.dueOn, lang)}</time>
                  </td>
                  <td data-label={t('dashboard.list.col.late')}>
                    <ClockBadge state={state} />{' '}
                    {state === 'at_risk' && e.workingDays === 0
                      ? t('countdown.today')
                      : t(`dashboard.list.${state === 'breached' ? 'late' : 'left'}.${pluralForm(lang, e.workingDays)}`, { n: e.workingDays })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
