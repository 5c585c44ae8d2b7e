import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { DueDateChange } from '../../../../shared/api/clocks';
import { bucharestYearOf } from '../../../../shared/domain/dates';
import { FormField } from '../../components/FormField';
import { useT, type MessageKey } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Link, useQueryParam } from '../../router';
import { fetchNonWorkingDays } from '../staff/api';
import { StaffPage } from '../staff/components/StaffPage';
import { focusControl, serverFieldIssues } from '../staff/errors';
import { staffPaths } from '../staff/paths';
import { calendarKeys } from '../staff/queries';
import { describeAdminError, FormError, isGeneralError, useFieldErrors, usePageFlash } from './form-helpers';
import { useAddClosedDay, useClosedDays, useDeleteClosedDay } from './queries';

const FIELDS = ['date', 'name'];
const CLOCK_LABELS: Record<DueDateChange['clock'], MessageKey> = { legal: 'clocks.legal', internal: 'clocks.internal', forward: 'clocks.forward' };

function yearFrom(param: string | null): number {
  const year = Number(param);
  return Number.isInteger(year) && year >= 2000 && year <= 2099 ? year : bucharestYearOf(new Date());
}

export function ClosedDaysPage() {
  const { t, tm, lang } = useT();
  const year = yearFrom(useQueryParam('an'));
  const closedDays = useClosedDays(year);
  const flash = usePageFlash();
  const [changes, setChanges] = useState<DueDateChange[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = useDeleteClosedDay();
  const yearUrl = (y: number) => `${staffPaths.admin.closedDays}?an=${y}`;

  const onDelete = (date: string) => {
    if (remove.isPending) return;
    remove.mutate(date, {
      onSuccess: () => {
        setConfirming(null);
        setChanges(null);
        flash.show({ key: 'admin.closedDays.deleted', vars: { date: formatDate(date, lang) } });
      },
      onError: (error) => flash.show(describeAdminError(error), 'error'),
    });
  };

  return (
    <StaffPage title={t('admin.closedDays.title')}>
      <p className="lead">{t('admin.closedDays.intro')}</p>
      {flash.element}
      {changes && changes.length > 0 && <Changes changes={changes} />}
      <nav aria-label={t('admin.closedDays.years')} className="year-nav">
        <Link to={yearUrl(year - 1)}>{t('admin.closedDays.prev', { year: year - 1 })}</Link>
        <h2 className="year-nav__current">{t('admin.closedDays.year', { year })}</h2>
        <Link to={yearUrl(year + 1)}>{t('admin.closedDays.next', { year: year + 1 })}</Link>
      </nav>
      {closedDays.isPending && <p role="status">{t('common.loading')}</p>}
      {closedDays.isError && (
        <p className="notice notice--error" role="alert">
          {tm(describeAdminError(closedDays.error))}
        </p>
      )}
      {closedDays.data &&
        (closedDays.data.items.length === 0 ? (
          <p>{t('admin.closedDays.none', { year })}</p>
        ) : (
          <ul className="closed-days" aria-label={t('admin.closedDays.listLabel', { year })}>
            {closedDays.data.items.map((d) => (
              <li key={d.date} className="closed-day" data-testid="closed-day" data-date={d.date}>
                <span className="closed-day__text">
                  <time dateTime={d.date}>
                    <strong>{formatDate(d.date, lang)}</strong>
                  </time>{' '}
                  — {d.name}
                </span>
                {confirming === d.date ? (
                  <span className="closed-day__buttons">
                    <button type="button" className="button button--primary button--small" onClick={() => onDelete(d.date)} aria-disabled={remove.isPending || undefined}>
                      {t('admin.closedDays.confirmDelete')}
                    </button>
                    <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(null)}>
                      {t('common.cancel')}
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('admin.closedDays.deleteLabel', { date: formatDate(d.date, lang) })}
                    onClick={() => setConfirming(d.date)}
                  >
                    {t('admin.closedDays.delete')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      <AddClosedDayForm
        year={year}
        onAdded={(date, moved) => {
          setChanges(moved);
          flash.show({ key: 'admin.closedDays.added', vars: { date: formatDate(date, lang), n: moved.length } });
        }}
      />
      <LegalHolidays year={year} closed={new Set(closedDays.data?.items.map((d) => d.date) ?? [])} />
    </StaffPage>
  );
}

function AddClosedDayForm({ year, onAdded }: { year: number; onAdded: (date: string, changes: DueDateChange[]) => void }) {
  const { t } = useT();
  const add = useAddClosedDay();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [clientErrors, setClientErrors] = useState<Partial<Record<string, MessageKey>>>({});
  const fieldError = useFieldErrors(add.error, clientErrors, { date: 'admin.closedDays.date.invalid' });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Record<string, MessageKey>> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = 'admin.closedDays.date.invalid';
    if (name.trim().length < 2) found.name = 'admin.closedDays.name.required';
    setClientErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      add.reset();
      focusControl(`closed-${first}`);
      return;
    }
    add.mutate(
      { date, name: name.trim() },
      {
        onSuccess: (result) => {
          setDate('');
          setName('');
          onAdded(result.closedDay.date, result.changes);
        },
        onError: (error) => {
          const issues = serverFieldIssues(error);
          const first = FIELDS.find((f) => issues.has(f));
          if (first) focusControl(`closed-${first}`);
        },
      },
    );
  };

  return (
    <section aria-labelledby="add-closed-title" className="panel">
      <h2 id="add-closed-title">{t('admin.closedDays.add')}</h2>
      <p className="hint">{t('admin.closedDays.add.hint')}</p>
      <FormError error={add.error} shown={isGeneralError(add.error, FIELDS)} />
      <form className="narrow-form" noValidate onSubmit={onSubmit}>
        <FormField id="closed-date" label={t('admin.closedDays.date')} error={fieldError('date')} required>
          {(c) => <input {...c} type="date" min={`${year}-01-01`} value={date} onChange={(e) => setDate(e.target.value)} />}
        </FormField>
        <FormField id="closed-name" label={t('admin.closedDays.name')} hint={t('admin.closedDays.name.hint')} error={fieldError('name')} required>
          {(c) => <input {...c} type="text" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <button type="submit" className="button button--primary" aria-disabled={add.isPending || undefined}>
          {t('admin.closedDays.submit')}
        </button>
      </form>
    </section>
  );
}

function Changes({ changes }: { changes: DueDateChange[] }) {
  const { t, lang } = useT();
  return (
    <section aria-labelledby="changes-title" className="panel">
      <h2 id="changes-title">{t('admin.closedDays.changes')}</h2>
      <ul className="plain-list">
        {changes.map((c) => (
          <li key={`${c.petitionId}-${c.clock}`}>
            <Link to={staffPaths.petition(c.petitionId)} className="nowrap">
              {c.registrationNumber}
            </Link>{' '}
            — {t(CLOCK_LABELS[c.clock])}: {formatDate(c.before, lang)} → {formatDate(c.after, lang)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The legal holidays of the year (Codul muncii art. 139), read-only: they are computed, not entered. */
function LegalHolidays({ year, closed }: { year: number; closed: Set<string> }) {
  const { t, lang } = useT();
  const days = useQuery({ queryKey: calendarKeys.nonWorkingDays(year), queryFn: ({ signal }) => fetchNonWorkingDays(year, signal), staleTime: 60 * 60_000 });
  const holidays = (days.data ?? []).filter((d) => !closed.has(d.date));
  if (holidays.length === 0) return null;
  return (
    <details className="panel">
      <summary>{t('admin.closedDays.holidays', { year })}</summary>
      <ul className="plain-list">
        {holidays.map((d) => (
          <li key={d.date}>
            <time dateTime={d.date}>{formatDate(d.date, lang)}</time> — {lang === 'en' ? (d.nameEn ?? d.name) : d.name}
          </li>
        ))}
      </ul>
    </details>
  );
}
