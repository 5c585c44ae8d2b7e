// "Jurnalul accesărilor datelor personale" (issue 6 §5): who read whose personal data, when and through
// which screen; filtered by days, user, petition and source, newest first, 50 a page.
import { useState, type FormEvent } from 'react';
import type { PersonalDataRead } from '../../../../../shared/api/gdpr';
import { PagedResults } from '../../../components/PagedResults';
import { useT, type MessageKey } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { Link } from '../../../router';
import { StaffPage } from '../../staff/components/StaffPage';
import { staffPaths } from '../../staff/paths';
import { ROLE_LABELS } from '../../staff/roles';
import { describeAdminError } from '../form-helpers';
import { useUsers } from '../queries';
import { usePersonalDataReads, type ReadsFilter } from './api';
import { GdprTabs } from './GdprTabs';

const SOURCES = ['petitioner', 'template', 'caller_lookup', 'gdpr_export'] as const;
const SOURCE_LABELS: Record<(typeof SOURCES)[number], MessageKey> = {
  petitioner: 'gdpr.reads.source.petitioner',
  template: 'gdpr.reads.source.template',
  caller_lookup: 'gdpr.reads.source.caller_lookup',
  gdpr_export: 'gdpr.reads.source.gdpr_export',
};
const PETITION_NUMBER = /^[PI]-\d{4}-\d{6,}$/;

export function ReadLogPage() {
  const { t, tm } = useT();
  const users = useUsers({});
  const [form, setForm] = useState<Record<keyof ReadsFilter, string>>({ from: '', to: '', userId: '', petition: '', source: '' });
  const [petitionError, setPetitionError] = useState(false);
  const [filter, setFilter] = useState<ReadsFilter>({});
  const list = usePersonalDataReads(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: keyof ReadsFilter) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const petition = form.petition.trim().toUpperCase();
    const bad = petition !== '' && !PETITION_NUMBER.test(petition);
    setPetitionError(bad);
    if (bad) {
      document.getElementById('reads-petition')?.focus();
      return;
    }
    setFilter({ from: form.from || undefined, to: form.to || undefined, userId: form.userId || undefined, petition: petition || undefined, source: form.source || undefined });
  };

  return (
    <StaffPage title={t('gdpr.reads.title')}>
      <GdprTabs />
      <p className="lead">{t('gdpr.reads.intro')}</p>
      <form className="filters gdpr-filters" role="search" aria-label={t('gdpr.reads.filters')} noValidate onSubmit={onSubmit}>
        <div className="filters__field">
          <label htmlFor="reads-from" className="label">
            {t('gdpr.reads.from')}
          </label>
          <input id="reads-from" type="date" value={form.from} onChange={(e) => set('from')(e.target.value)} />
        </div>
        <div className="filters__field">
          <label htmlFor="reads-to" className="label">
            {t('gdpr.reads.to')}
          </label>
          <input id="reads-to" type="date" value={form.to} onChange={(e) => set('to')(e.target.value)} />
        </div>
        <div className="filters__field">
          <label htmlFor="reads-user" className="label">
            {t('gdpr.reads.user')}
          </label>
          <select id="reads-user" value={form.userId} onChange={(e) => set('userId')(e.target.value)}>
            <option value="">{t('filters.any')}</option>
            {(users.data?.items ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({t(ROLE_LABELS[u.role])})
              </option>
            ))}
          </select>
        </div>
        <div className={petitionError ? 'filters__field field--error' : 'filters__field'}>
          <label htmlFor="reads-petition" className="label">
            {t('gdpr.reads.petition')}
          </label>
          <p id="reads-petition-hint" className="hint hint--small">
            {t('gdpr.reads.petition.hint')}
          </p>
          {petitionError && (
            <p id="reads-petition-error" className="error-message">
              <span className="visually-hidden">{t('common.error')}: </span>
              {t('gdpr.reads.petition.invalid')}
            </p>
          )}
          <input
            id="reads-petition"
            type="text"
            value={form.petition}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={petitionError || undefined}
            aria-describedby={petitionError ? 'reads-petition-hint reads-petition-error' : 'reads-petition-hint'}
            onChange={(e) => set('petition')(e.target.value)}
          />
        </div>
        <div className="filters__field">
          <label htmlFor="reads-source" className="label">
            {t('gdpr.reads.source')}
          </label>
          <select id="reads-source" value={form.source} onChange={(e) => set('source')(e.target.value)}>
            <option value="">{t('filters.any')}</option>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(SOURCE_LABELS[s])}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__buttons">
          <button type="submit" className="button button--primary">
            {t('filters.apply')}
          </button>
        </div>
      </form>

      <PagedResults
        query={list}
        describeError={(e) => tm(describeAdminError(e))}
        countTestId="results-count"
        count={items.length === 0 ? t('gdpr.reads.empty') : list.hasNextPage ? t('gdpr.reads.count.more', { n: items.length }) : items.length === 1 ? t('gdpr.reads.count.one') : t('gdpr.reads.count', { n: items.length })}
        moreLabel={t('gdpr.reads.more')}
      >
        {items.length > 0 && <ReadsTable items={items} />}
      </PagedResults>
    </StaffPage>
  );
}

function ReadsTable({ items }: { items: PersonalDataRead[] }) {
  const { t, lang } = useT();
  const cols = {
    at: t('gdpr.reads.col.at'),
    user: t('gdpr.reads.col.user'),
    petition: t('gdpr.reads.col.petition'),
    source: t('gdpr.reads.col.source'),
    subject: t('gdpr.reads.col.subject'),
  };
  const sourceLabel = (s: string) => ((SOURCES as readonly string[]).includes(s) ? t(SOURCE_LABELS[s as (typeof SOURCES)[number]]) : s);
  const roleLabel = (role: string) => (role in ROLE_LABELS ? t(ROLE_LABELS[role as keyof typeof ROLE_LABELS]) : role);
  return (
    <div className="table-wrap">
      <table className="queue-table">
        <caption className="visually-hidden">{t('gdpr.reads.title')}</caption>
        <thead>
          <tr>
            {Object.values(cols).map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id} data-testid="read-row" data-source={r.source}>
              <th scope="row" data-label={cols.at}>
                <time dateTime={r.at}>{formatDateTime(r.at, lang)}</time>
              </th>
              <td data-label={cols.user}>
                <span>{r.user.name}</span>
                <span className="cell-note">{roleLabel(r.user.role)}</span>
              </td>
              <td data-label={cols.petition}>
                {r.petition ? (
                  <Link to={staffPaths.petition(r.petition.id)} className="queue-table__number">
                    {r.petition.registrationNumber}
                  </Link>
                ) : (
                  <span className="muted">{t('common.none')}</span>
                )}
              </td>
              <td data-label={cols.source}>{sourceLabel(r.source)}</td>
              <td data-label={cols.subject} className="break">
                {r.subject ?? <span className="muted">{t('common.none')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
