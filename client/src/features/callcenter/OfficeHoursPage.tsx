// The administrator's office hours of the phone line (issue 5 §1), /personal/admin/program: a weekly
// schedule in Bucharest time; non-working days are closed whatever it says. Outside it, callers hear the
// hours and may leave a message.
import { useEffect, useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { Link } from '../../router';
import { describeAdminError, usePageFlash } from '../admin/form-helpers';
import { StaffPage } from '../staff/components/StaffPage';
import { staffPaths } from '../staff/paths';
import type { OfficeDayInput } from './api';
import { useOfficeHours, useSaveOfficeHours } from './queries';
import type { OfficeHours } from './schemas';

const WEEKDAYS: Record<number, MessageKey> = {
  1: 'cc.hours.day.1',
  2: 'cc.hours.day.2',
  3: 'cc.hours.day.3',
  4: 'cc.hours.day.4',
  5: 'cc.hours.day.5',
  6: 'cc.hours.day.6',
  7: 'cc.hours.day.7',
};
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

type Row = { weekday: number; open: boolean; from: string; to: string };
type RowErrors = Partial<Record<number, MessageKey>>;

const rowsOf = (data: OfficeHours): Row[] =>
  [...data.days].sort((a, b) => a.weekday - b.weekday).map((d) => ({ weekday: d.weekday, open: d.open !== null, from: d.open ?? '08:30', to: d.close ?? '16:30' }));

export function OfficeHoursPage() {
  const { t, tm } = useT();
  const hours = useOfficeHours();
  const save = useSaveOfficeHours();
  const flash = usePageFlash();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [errors, setErrors] = useState<RowErrors>({});

  useEffect(() => {
    if (hours.data && rows === null) setRows(rowsOf(hours.data));
  }, [hours.data, rows]);

  const change = (weekday: number, patch: Partial<Row>) => {
    setRows((list) => list?.map((r) => (r.weekday === weekday ? { ...r, ...patch } : r)) ?? null);
    if (errors[weekday]) setErrors(({ [weekday]: _fixed, ...rest }) => rest);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!rows || save.isPending) return;
    const found: RowErrors = {};
    for (const r of rows) {
      if (!r.open) continue;
      if (!HH_MM.test(r.from) || !HH_MM.test(r.to)) found[r.weekday] = 'cc.hours.err.format';
      else if (r.from >= r.to) found[r.weekday] = 'cc.hours.err.order';
    }
    setErrors(found);
    const first = rows.find((r) => found[r.weekday]);
    if (first) {
      document.getElementById(`hours-${first.weekday}-from`)?.focus();
      return;
    }
    const days: OfficeDayInput[] = rows.map((r) => (r.open ? { weekday: r.weekday, open: r.from, close: r.to } : { weekday: r.weekday, open: null, close: null }));
    save.mutate(days, {
      onSuccess: (data) => {
        setRows(rowsOf(data));
        flash.show({ key: 'cc.hours.saved' });
      },
      onError: (error) => flash.show(describeAdminError(error), 'error'),
    });
  };

  return (
    <StaffPage title={t('cc.hours.title')}>
      <p className="lead">{t('cc.hours.intro')}</p>
      {flash.element}
      {hours.isPending && <p role="status">{t('common.loading')}</p>}
      {hours.isError && (
        <p className="notice notice--error" role="alert">
          {tm(describeAdminError(hours.error))}
        </p>
      )}
      {hours.data && (
        <div className="notice" data-testid="hours-summary">
          <p className="notice__title">{t('cc.hours.summary')}</p>
          <p lang="ro">„{hours.data.summaryRo}”</p>
          <p>
            {t('cc.hours.nonWorking')} <Link to={staffPaths.admin.closedDays}>{t('cc.hours.closedDaysLink')}</Link>
          </p>
        </div>
      )}
      {rows && (
        <form noValidate onSubmit={onSubmit} className="hours-form">
          <table className="hours-table">
            <caption>{t('cc.hours.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cc.hours.day')}</th>
                <th scope="col">{t('cc.hours.open')}</th>
                <th scope="col">{t('cc.hours.from')}</th>
                <th scope="col">{t('cc.hours.to')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const day = t(WEEKDAYS[r.weekday] ?? 'cc.hours.day.1');
                const error = errors[r.weekday];
                const errorId = `hours-${r.weekday}-error`;
                return (
                  <tr key={r.weekday} className={error ? 'hours-row hours-row--error' : 'hours-row'} data-testid="hours-row">
                    <th scope="row">
                      {day}
                      {error && (
                        <span id={errorId} className="error-message hours-row__error">
                          {t(error)}
                        </span>
                      )}
                    </th>
                    <td>
                      <span className="checkbox hours-row__check">
                        <input type="checkbox" id={`hours-${r.weekday}-open`} checked={r.open} onChange={(e) => change(r.weekday, { open: e.target.checked })} />
                        <label htmlFor={`hours-${r.weekday}-open`}>{t('cc.hours.openLabel', { day })}</label>
                      </span>
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`hours-${r.weekday}-from`}>
                        {t('cc.hours.fromLabel', { day })}
                      </label>
                      <input
                        type="time"
                        id={`hours-${r.weekday}-from`}
                        value={r.from}
                        disabled={!r.open}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        onChange={(e) => change(r.weekday, { from: e.target.value })}
                      />
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`hours-${r.weekday}-to`}>
                        {t('cc.hours.toLabel', { day })}
                      </label>
                      <input
                        type="time"
                        id={`hours-${r.weekday}-to`}
                        value={r.to}
                        disabled={!r.open}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        onChange={(e) => change(r.weekday, { to: e.target.value })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="submit" className="button button--primary" aria-disabled={save.isPending || undefined}>
            {save.isPending ? t('cc.hours.saving') : t('cc.hours.save')}
          </button>
        </form>
      )}
    </StaffPage>
  );
}
