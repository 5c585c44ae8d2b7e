// The search field in the staff header (issue 6 §4): a number opens the results, where one click opens it.
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { navigate, useQueryParam, useRouter } from '../../router';
import { searchPaths } from './paths';

export function HeaderSearch() {
  const { t } = useT();
  const { path } = useRouter();
  const current = useQueryParam('q');
  const [q, setQ] = useState(path === searchPaths.search ? (current ?? '') : '');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = q.trim();
    navigate(text ? searchPaths.results(text) : searchPaths.search);
  };

  return (
    <form role="search" className="header-search" aria-label={t('search.header.label')} onSubmit={onSubmit}>
      <label htmlFor="header-search-q" className="visually-hidden">
        {t('search.header.label')}
      </label>
      <input id="header-search-q" type="search" name="q" value={q} placeholder={t('search.header.placeholder')} autoComplete="off" enterKeyHint="search" maxLength={200} onChange={(e) => setQ(e.target.value)} />
      <button type="submit" className="header-button">
        {t('search.submit')}
      </button>
    </form>
  );
}
