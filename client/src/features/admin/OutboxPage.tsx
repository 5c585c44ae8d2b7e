// "Notificări trimise" (issue 4 §5): every e-mail and SMS to petitioners, exactly as sent (or, with the
// development transport, as it would have been sent), with a retry for the ones that failed for good.
import { Fragment, useState, type FormEvent } from 'react';
import { OUTBOX_CHANNELS, OUTBOX_STATUS_VALUES, type OutboxItem } from '../../../../shared/api/outbox';
import { useT, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { ApiError } from '../../lib/api-client';
import { PagedResults } from '../../components/PagedResults';
import { Link } from '../../router';
import { StaffPage } from '../staff/components/StaffPage';
import { staffPaths } from '../staff/paths';
import type { OutboxFilter } from './api';
import { describeAdminError, usePageFlash } from './form-helpers';
import { useOutbox, useRetryNotice } from './queries';

type Status = OutboxItem['status'];
type Channel = OutboxItem['channel'];

const STATUS_LABELS: Record<Status, MessageKey> = {
  pending: 'admin.outbox.status.pending',
  sending: 'admin.outbox.status.sending',
  sent: 'admin.outbox.status.sent',
  failed: 'admin.outbox.status.failed',
};
const STATUS_TAGS: Record<Status, string> = { pending: 'tag', sending: 'tag', sent: 'tag tag--success', failed: 'tag tag--warning' };
const CHANNEL_LABELS: Record<Channel, MessageKey> = { email: 'admin.outbox.channel.email', sms: 'admin.outbox.channel.sms' };

const oneOf = <T extends string>(list: readonly T[], value: string): T | undefined => ((list as readonly string[]).includes(value) ? (value as T) : undefined);

export function OutboxPage() {
  const { t, tm } = useT();
  const flash = usePageFlash();
  const [status, setStatus] = useState('');
  const [channel, setChannel] = useState('');
  const [filter, setFilter] = useState<OutboxFilter>({});
  const list = useOutbox(filter);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filter.status || filter.channel);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = { status: oneOf(OUTBOX_STATUS_VALUES, status), channel: oneOf(OUTBOX_CHANNELS, channel) };
    // The same filters again: the administrator asks for the list as it is now, not the one in the cache.
    if (next.status === filter.status && next.channel === filter.channel) void list.refetch();
    else setFilter(next);
  };

  return (
    <StaffPage title={t('admin.outbox.title')}>
      {flash.element}
      <p className="lead">{t('admin.outbox.intro')}</p>
      <form className="filters filters--outbox" role="search" aria-label={t('admin.outbox.filters')} onSubmit={onSubmit}>
        <div className="filters__field">
          <label htmlFor="outbox-status" className="label">
            {t('admin.outbox.status')}
          </label>
          <select id="outbox-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('filters.any')}</option>
            {OUTBOX_STATUS_VALUES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_LABELS[s])}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor="outbox-channel" className="label">
            {t('admin.outbox.channel')}
          </label>
          <select id="outbox-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">{t('filters.any')}</option>
            {OUTBOX_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(CHANNEL_LABELS[c])}
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
        count={
          items.length === 0
            ? t(filtered ? 'admin.outbox.empty.filtered' : 'admin.outbox.empty')
            : t(list.hasNextPage ? 'admin.outbox.count.more' : 'admin.outbox.count', { n: items.length })
        }
        moreLabel={t('admin.outbox.more')}
      >
        {items.length > 0 && <OutboxTable items={items} onRetried={(recipient) => flash.show({ key: 'admin.outbox.retried', vars: { recipient } })} onConflict={() => flash.show({ key: 'admin.outbox.retryConflict' }, 'error')} />}
      </PagedResults>
    </StaffPage>
  );
}

type TableProps = { items: OutboxItem[]; onRetried: (recipient: string) => void; onConflict: () => void };

function OutboxTable({ items, onRetried, onConflict }: TableProps) {
  const { t, lang } = useT();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const retry = useRetryNotice();
  const cols = {
    createdAt: t('admin.outbox.col.createdAt'),
    channel: t('admin.outbox.channel'),
    recipient: t('admin.outbox.col.recipient'),
    template: t('admin.outbox.col.template'),
    status: t('admin.outbox.status'),
    attempts: t('admin.outbox.col.attempts'),
    actions: t('admin.outbox.col.actions'),
  };
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const onRetry = (item: OutboxItem) => {
    if (retry.isPending) return;
    retry.mutate(item.id, {
      onSuccess: () => onRetried(item.recipient),
      onError: (error) => (error instanceof ApiError && error.status === 409 ? onConflict() : undefined),
    });
  };

  return (
    <div className="table-wrap">
      {retry.isError && !(retry.error instanceof ApiError && retry.error.status === 409) && <RetryError error={retry.error} />}
      <table className="queue-table outbox-table">
        <caption className="visually-hidden">{t('admin.outbox.title')}</caption>
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
          {items.map((item) => {
            const expanded = open.has(item.id);
            const when = formatDateTime(item.createdAt, lang);
            return (
              <Fragment key={item.id}>
                <tr data-testid="outbox-row" data-id={item.id} data-status={item.status} data-channel={item.channel}>
                  <th scope="row" data-label={cols.createdAt}>
                    <span>{when}</span>
                  </th>
                  <td data-label={cols.channel}>{t(CHANNEL_LABELS[item.channel])}</td>
                  <td data-label={cols.recipient} className="break">
                    {item.recipient}
                  </td>
                  <td data-label={cols.template}>
                    <code>{item.template}</code>
                  </td>
                  <td data-label={cols.status}>
                    <span className={STATUS_TAGS[item.status]}>{t(STATUS_LABELS[item.status])}</span>
                  </td>
                  <td data-label={cols.attempts}>{item.attempts}</td>
                  <td data-label={cols.actions}>
                    <div className="row-buttons">
                      <button type="button" className="button button--secondary button--small" aria-expanded={expanded} aria-controls={`notice-${item.id}`} onClick={() => toggle(item.id)}>
                        {t(expanded ? 'admin.outbox.hide' : 'admin.outbox.show')}
                        <span className="visually-hidden"> {t('admin.outbox.which', { recipient: item.recipient, date: when })}</span>
                      </button>
                      {item.status === 'failed' && (
                        <button type="button" className="button button--primary button--small" aria-disabled={retry.isPending || undefined} onClick={() => onRetry(item)}>
                          {t('admin.outbox.retry')}
                          <span className="visually-hidden"> {t('admin.outbox.which', { recipient: item.recipient, date: when })}</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
                <tr id={`notice-${item.id}`} className="outbox-detail" hidden={!expanded}>
                  <td colSpan={7}>{expanded && <NoticeDetail item={item} />}</td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RetryError({ error }: { error: unknown }) {
  const { tm } = useT();
  return (
    <p className="notice notice--error" role="alert">
      {tm(describeAdminError(error))}
    </p>
  );
}

/** The message exactly as sent: the text keeps its line breaks and nothing in it is read as HTML. */
function NoticeDetail({ item }: { item: OutboxItem }) {
  const { t, lang } = useT();
  const facts: { label: string; value: string | null }[] = [
    { label: t('admin.outbox.providerId'), value: item.providerId },
    { label: t('admin.outbox.providerStatus'), value: item.providerStatus },
    { label: t('admin.outbox.sentAt'), value: item.sentAt && formatDateTime(item.sentAt, lang) },
    { label: t('admin.outbox.nextAttemptAt'), value: item.status === 'pending' ? formatDateTime(item.nextAttemptAt, lang) : null },
    { label: t('admin.outbox.lastError'), value: item.lastError },
    { label: t('admin.outbox.segments'), value: item.segments !== null ? t('admin.outbox.segments.value', { n: item.segments, encoding: item.encoding ?? '' }) : null },
  ];
  return (
    <div className="notice-detail" data-testid="outbox-message">
      <h2 className="notice-detail__title">{t('admin.outbox.detail', { recipient: item.recipient })}</h2>
      {item.subject !== null && (
        <p>
          <strong>{t('admin.outbox.subject')}:</strong> <span data-testid="outbox-subject">{item.subject}</span>
        </p>
      )}
      <p className="label">{t('admin.outbox.body')}</p>
      <pre className="notice-detail__body" lang="ro" data-testid="outbox-body">
        {item.body}
      </pre>
      <dl className="facts facts--compact">
        {facts
          .filter((f) => f.value)
          .map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd className="break">{f.value}</dd>
            </div>
          ))}
        {item.petitionId && (
          <div>
            <dt>{t('admin.outbox.petition')}</dt>
            <dd>
              <Link to={staffPaths.petition(item.petitionId)}>{t('admin.outbox.openPetition')}</Link>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
