// Above a staff list opened from the dashboard: which of the dashboard's filters it shows, in words, and
// the way back to the whole queue.
import { CHANNELS, type Channel } from '../../../../shared/domain/petition-codes';
import { useT } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Link } from '../../router';
import type { ExtraFilters } from '../staff/api';
import { useCategoryNames } from '../staff/queries';

export function ListFilterSummary({ extra, clearTo }: { extra: ExtraFilters; clearTo: string }) {
  const { t, lang } = useT();
  const categories = useCategoryNames();
  const parts: string[] = [];
  if (extra.departmentCode) parts.push(extra.departmentCode === 'none' ? t('listFilter.noDepartment') : t('listFilter.department', { v: extra.departmentCode }));
  if (extra.channel && (CHANNELS as readonly string[]).includes(extra.channel)) parts.push(t('listFilter.channel', { v: t(`channel.${extra.channel as Channel}`) }));
  if (extra.categoryCode) {
    const name = categories.data?.find((c) => c.code === extra.categoryCode)?.name[lang] ?? extra.categoryCode;
    parts.push(t('listFilter.category', { v: name }));
  }
  const range = (from?: string, to?: string) => `${from ? formatDate(from, lang) : '…'} – ${to ? formatDate(to, lang) : '…'}`;
  if (extra.registeredFrom || extra.registeredTo) parts.push(t('listFilter.registered', { v: range(extra.registeredFrom, extra.registeredTo) }));
  if (extra.answeredFrom || extra.answeredTo) parts.push(t('listFilter.answered', { v: range(extra.answeredFrom, extra.answeredTo) }));
  if (extra.open) parts.push(t('listFilter.open'));
  return (
    <p className="notice list-filters" data-testid="list-filters">
      {t('listFilter.intro', { filters: parts.join('; ') })} <Link to={clearTo}>{t('listFilter.clear')}</Link>
    </p>
  );
}
