// The agent's own latest calls: when, who, how it ended, what it was about, which petitions.
import { CALL_OUTCOME_LABELS } from '../../../../../shared/domain/calls';
import { useT } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { describeCallError } from '../errors';
import { formatDuration, formatPhone } from '../format';
import { CALL_STATUS_LABELS } from '../labels';
import { useMyRecentCalls, useReasons } from '../queries';

export function RecentCalls() {
  const { t, tm, lang } = useT();
  const calls = useMyRecentCalls();
  const reasons = useReasons();
  const reasonLabel = (code: string | null) => (code ? (reasons.data?.find((r) => r.code === code)?.label ?? code) : '—');
  const items = calls.data?.items ?? [];

  return (
    <section className="panel" aria-labelledby="recent-title" id="apelurile-mele">
      <h2 id="recent-title">{t('cc.recent.title')}</h2>
      {calls.isPending && <p>{t('common.loading')}</p>}
      {calls.isError && <p className="notice notice--error">{tm(describeCallError(calls.error))}</p>}
      {calls.data && items.length === 0 && <p>{t('cc.recent.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="queue-table" data-testid="recent-calls">
            <caption className="visually-hidden">{t('cc.recent.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cc.recent.when')}</th>
                <th scope="col">{t('cc.recent.phone')}</th>
                <th scope="col">{t('cc.recent.status')}</th>
                <th scope="col">{t('cc.recent.reason')}</th>
                <th scope="col">{t('cc.recent.outcome')}</th>
                <th scope="col">{t('cc.recent.petitions')}</th>
                <th scope="col">{t('cc.recent.duration')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row" data-label={t('cc.recent.when')}>
                    <time dateTime={c.startedAt}>{formatDateTime(c.startedAt, lang)}</time>
                  </th>
                  <td data-label={t('cc.recent.phone')}>
                    <span className="mono">{c.phone ? formatPhone(c.phone) : t('cc.hiddenNumber')}</span>
                    {c.direction === 'outgoing' && <span className="cell-note">{t('cc.recent.outgoing')}</span>}
                  </td>
                  <td data-label={t('cc.recent.status')}>
                    <span>{t(CALL_STATUS_LABELS[c.status])}</span>
                  </td>
                  <td data-label={t('cc.recent.reason')}>
                    <span>{reasonLabel(c.reason)}</span>
                  </td>
                  <td data-label={t('cc.recent.outcome')}>
                    <span>{c.outcome ? CALL_OUTCOME_LABELS[c.outcome][lang] : '—'}</span>
                  </td>
                  <td data-label={t('cc.recent.petitions')}>
                    <span className="mono">{c.petitions.map((p) => p.registrationNumber).join(', ') || '—'}</span>
                  </td>
                  <td data-label={t('cc.recent.duration')}>
                    <span>{formatDuration(c.durationS)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
