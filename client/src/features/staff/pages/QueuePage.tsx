import { useCallback } from 'react';
import { CLOCK_STATES, QUEUES, type Queue } from '../../../../../shared/api/staff-petitions';
import { PETITION_STATUSES, type PetitionStatus } from '../../../../../shared/domain/petition-codes';
import { PagedResults } from '../../../components/PagedResults';
import { useT } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import { Link, navigate, useRouter } from '../../../router';
import { ListFilterSummary } from '../../dashboard/ListFilterSummary';
import { EXTRA_FILTERS, type ClockFilter, type ExtraFilters, type QueueFilters as Filters } from '../api';
import { PetitionTable } from '../components/PetitionTable';
import { QueueFilters } from '../components/QueueFilters';
import { StaffPage } from '../components/StaffPage';
import { useToday } from '../deadlines';
import { describeStaffError } from '../errors';
import { staffPaths } from '../paths';
import { useCategoryNames, useQueue, useWorkingCalendar } from '../queries';
import { QUEUE_INTROS, QUEUE_LABELS, QUEUES_BY_ROLE } from '../roles';
import type { SessionUser } from '../schemas';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

export function parseQueue(search: string, user: SessionUser): Queue | undefined {
  return oneOf(QUEUES, new URLSearchParams(search).get('queue')) ?? QUEUES_BY_ROLE[user.role][0];
}

function queueUrl(filters: Filters): string {
  const query = new URLSearchParams({ queue: filters.queue });
  if (filters.clock) query.set('clock', filters.clock);
  if (filters.status) query.set('status', filters.status);
  if (filters.q) query.set('q', filters.q);
  for (const [key, value] of Object.entries(filters.extra ?? {})) if (value) query.set(key, value);
  return `${staffPaths.queues}?${query}`;
}

export function QueuePage({ user }: { user: SessionUser }) {
  const { t } = useT();
  const { search } = useRouter();
  const queue = parseQueue(search, user);
  if (!queue) {
    return (
      <StaffPage title={t('queue.none.title')}>
        <p>{t('queue.none')}</p>
      </StaffPage>
    );
  }
  const params = new URLSearchParams(search);
  const filters: Filters = {
    queue,
    clock: oneOf<ClockFilter>(CLOCK_STATES.filter((c): c is ClockFilter => c !== 'none'), params.get('clock')),
    status: oneOf<PetitionStatus>(PETITION_STATUSES, params.get('status')),
    q: params.get('q')?.trim() || undefined,
  };
  // The dashboard's filters (department, channel, category, dates), kept as they came.
  const extra: ExtraFilters = Object.fromEntries(EXTRA_FILTERS.flatMap((key) => (params.get(key) ? [[key, params.get(key)!.slice(0, 64)]] : [])));
  if (Object.keys(extra).length > 0) filters.extra = extra;
  return <QueueView user={user} filters={filters} />;
}

function QueueView({ user, filters }: { user: SessionUser; filters: Filters }) {
  const { t, tm, lang } = useT();
  const today = useToday();
  const calendar = useWorkingCalendar(today);
  const categories = useCategoryNames();
  const list = useQueue(filters);
  const tabs = QUEUES_BY_ROLE[user.role];
  const label = t(QUEUE_LABELS[filters.queue]);

  const categoryName = useCallback(
    (code: string) => categories.data?.find((c) => c.code === code)?.name[lang] ?? code,
    [categories.data, lang],
  );

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const forbidden = list.error instanceof ApiError && list.error.status === 403;
  const filtered = Boolean(filters.clock || filters.status || filters.q || filters.extra);

  return (
    <StaffPage title={t('queue.title', { queue: label })}>
      {tabs.length > 1 && (
        <nav aria-label={t('queue.tabs')} className="tabs">
          <ul>
            {tabs.map((q) => (
              <li key={q}>
                <Link to={staffPaths.queue(q)} aria-current={q === filters.queue ? 'page' : undefined}>
                  {t(QUEUE_LABELS[q])}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p className="lead">{t(QUEUE_INTROS[filters.queue])}</p>
      <QueueFilters filters={filters} onApply={(f) => navigate(queueUrl({ ...f, extra: filters.extra }))} onReset={() => navigate(staffPaths.queue(filters.queue))} />
      {filters.extra && <ListFilterSummary extra={filters.extra} clearTo={staffPaths.queue(filters.queue)} />}

      <PagedResults
        query={list}
        describeError={(e) => tm(describeStaffError(e))}
        firstPageError={(e) => (forbidden ? { text: t('queue.forbidden'), retry: false } : { text: `${t('queue.loadError')} ${tm(describeStaffError(e))}`, retry: true })}
        countTestId="results-count"
        count={items.length === 0 ? t(filtered ? 'queue.empty.filtered' : 'queue.empty') : t(list.hasNextPage ? 'queue.count.more' : 'queue.count', { n: items.length })}
        moreLabel={t('queue.more')}
      >
        {items.length > 0 && <PetitionTable items={items} caption={label} categoryName={categoryName} today={today} calendar={calendar} />}
      </PagedResults>
    </StaffPage>
  );
}
