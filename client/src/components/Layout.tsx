import type { MouseEvent, ReactNode } from 'react';
import { useT } from '../i18n';
import { Link, useRouter } from '../router';

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useT();
  const { path } = useRouter();
  const other = lang === 'ro' ? 'en' : 'ro';
  const current = (prefix: string) => (path === prefix || path.startsWith(`${prefix}/`) ? 'page' : undefined);

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault(); // keep the URL clean; the router does not use fragments
    document.getElementById('main')?.focus();
  };

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('site.skip')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="site-title">
            {t('site.title')}
          </Link>
          <nav aria-label={t('nav.label')} className="site-nav">
            <ul>
              <li>
                <Link to="/petitie-noua" aria-current={current('/petitie-noua')}>
                  {t('nav.new')}
                </Link>
              </li>
              <li>
                <Link to="/urmarire" aria-current={current('/urmarire')}>
                  {t('nav.track')}
                </Link>
              </li>
            </ul>
          </nav>
          <button type="button" className="lang-switch" lang={other} aria-label={t('lang.otherLabel')} onClick={() => setLang(other)}>
            {t('lang.other')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.law')}</p>
          <p>
            <Link to="/confidentialitate">{t('footer.privacy')}</Link>
          </p>
          <p>{t('footer.owner')}</p>
        </div>
      </footer>
    </>
  );
}
