import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { Link } from '../../router';

export function HomePage() {
  const { t } = useT();
  return (
    <Page title={t('home.title')} heading={t('home.heading')}>
      <p className="lead">{t('home.intro')}</p>
      <p className="actions">
        <Link to="/petitie-noua" className="button button--primary button--large">
          {t('nav.new')}
        </Link>
        <Link to="/urmarire" className="button button--secondary button--large">
          {t('nav.track')}
        </Link>
      </p>
      <div className="cards">
        <section className="card" aria-labelledby="home-term">
          <h2 id="home-term">{t('home.term.title')}</h2>
          {/* OG 27/2002 art. 8-9 (30 days, +15), art. 6^1 (forwarding); Legea 544/2001 (10 days). */}
          <p>{t('home.term')}</p>
          <p>{t('home.forward')}</p>
          <p>{t('home.l544')}</p>
        </section>
        <section className="card" aria-labelledby="home-how">
          <h2 id="home-how">{t('home.how.title')}</h2>
          <ol className="steps">
            <li>{t('home.how.1')}</li>
            <li>{t('home.how.2')}</li>
            <li>{t('home.how.3')}</li>
          </ol>
          <p>
            {t('home.lost')} <Link to="/cod-pierdut">{t('home.lostLink')}</Link>
          </p>
        </section>
      </div>
    </Page>
  );
}
