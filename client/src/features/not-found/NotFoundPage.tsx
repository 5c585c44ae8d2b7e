import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { Link } from '../../router';

export function NotFoundPage() {
  const { t } = useT();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <p className="actions">
        <Link to="/" className="button button--primary">
          {t('notFound.home')}
        </Link>
      </p>
    </Page>
  );
}
