// The tabs of the personal-data pages: the read log, a petitioner's export and anonymisation, retention.
import { useT, type MessageKey } from '../../../i18n';
import { Link, useRouter } from '../../../router';
import { gdprPaths } from './paths';

const TABS: { to: string; label: MessageKey }[] = [
  { to: gdprPaths.reads, label: 'gdpr.reads.tab' },
  { to: gdprPaths.petitioner, label: 'gdpr.person.tab' },
  { to: gdprPaths.retention, label: 'gdpr.retention.tab' },
];

export function GdprTabs() {
  const { t } = useT();
  const { path } = useRouter();
  return (
    <nav aria-label={t('gdpr.tabs')} className="tabs">
      <ul>
        {TABS.map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} aria-current={path === tab.to ? 'page' : undefined}>
              {t(tab.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
