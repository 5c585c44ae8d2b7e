// "Căutare petiții" (issue 6 §4): full-text search over number, subject, text, address and petitioner name,
// diacritics ignored and near spellings found, within what the user may read. The address carries the
// query (/personal/cautare?q=…), so a search can be bookmarked and the back button works.
import { useState, type FormEvent } from 'react';
import { SEARCH_WINDOW, type SearchItem } from '../../../../shared/api/search';
import { STATUS_LABELS } from '../../../../shared/domain/petition-codes';
import { PagedResults } from '../../components/PagedResults';
import { useT } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Link, navigate } from '../../router';
import { StaffPage } from '../staff/components/StaffPage';
import { describeStaffError } from '../staff/errors';
import { staffPaths } from '../staff/paths';
import { useSearch } from './api';
import { searchPaths } from './paths';
import { Snippet } from './Snippet';

export function SearchPage({ initialQuery }: { initialQuery: string }) {
  const { t, tm } = useT();
  const query = initialQuery.trim().slice(0, 200);
  const [text, setText] = useState(query);
  const [empty, setEmpty] = useState(false);
  const search = useSearch(query);
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = text.trim();
    setEmpty(q.length === 0);
    if (!q) {
      document.getElementById('search-q')?.focus();
      return;
    }
    navigate(searchPaths.results(q));
  };

  const count = () => {
    if (items.length === 0) return t('search.none', { q: query });
    if (search.hasNextPage) return t('search.count.more', { n: items.length });
    return items.length === 1 ? t('search.count.one') : t('search.count', { n: items.length });
  };

  return (
    <StaffPage title={query ? t('search.titleFor', { q: query }) : t('search.title')} heading={t('search.title')}>
      <p className="lead">{t('search.intro')}</p>
      <form className="search-form" role="search" aria-label={t('search.title')} noValidate onSubmit={onSubmit}>
        <div className={empty ? 'field field--error' : 'field'}>
          <label htmlFor="search-q" className="label">
            {t('search.label')}
          </label>
          {empty && (
            <p id="search-q-error" className="error-message">
              <span className="visually-hidden">{t('common.error')}: </span>
              {t('search.err.empty')}
            </p>
          )}
          <div className="search-form__row">
            <input
              id="search-q"
              type="search"
              name="q"
              value={text}
              maxLength={200}
              autoComplete="off"
              enterKeyHint="search"
              aria-invalid={empty || undefined}
              aria-describedby={empty ? 'search-q-error' : undefined}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button button--primary">
              {t('search.submit')}
            </button>
          </div>
        </div>
      </form>

      <PagedResults query={search} enabled={Boolean(query)} describeError={(e) => tm(describeStaffError(e))} countTestId="search-count" count={count()} moreLabel={t('search.more')}>
        {search.data?.pages[0]?.truncated && (
          <p className="notice" data-testid="search-truncated">
            {t('search.truncated', { n: SEARCH_WINDOW })} <Link to={`${staffPaths.queue('all')}&q=${encodeURIComponent(query)}`}>{t('search.truncated.list')}</Link>
          </p>
        )}
        {items.length > 0 && <ResultsTable items={items} />}
      </PagedResults>
    </StaffPage>
  );
}

function ResultsTable({ items }: { items: SearchItem[] }) {
  const { t, lang } = useT();
  const cols = {
    number: t('search.col.number'),
    subject: t('search.col.subject'),
    status: t('search.col.status'),
    department: t('search.col.department'),
    due: t('search.col.due'),
  };
  return (
    <div className="table-wrap">
      <table className="queue-table search-table">
        <caption className="visually-hidden">{t('search.results')}</caption>
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
          {items.map((item) => (
            <tr key={item.id} data-testid="search-result" data-number={item.registrationNumber}>
              <th scope="row" data-label={cols.number}>
                <Link to={staffPaths.petition(item.id)} className="queue-table__number">
                  {item.registrationNumber}
                </Link>
              </th>
              <td data-label={cols.subject}>
                <span className="queue-table__subject">{item.subject}</span>
                {item.snippet && (
                  <span className="search-snippet" data-testid="search-snippet">
                    <Snippet text={item.snippet} />
                  </span>
                )}
              </td>
              <td data-label={cols.status}>{STATUS_LABELS[item.status][lang]}</td>
              <td data-label={cols.department}>{item.departmentCode ?? <span className="muted">{t('common.none')}</span>}</td>
              <td data-label={cols.due}>
                <time dateTime={item.legalDueOn}>{formatDate(item.legalDueOn, lang)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
