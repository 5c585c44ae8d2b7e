import type { ListItem } from '../../../../../shared/api/staff-petitions';
import type { LegalCalendar } from '../../../../../shared/domain/calendar';
import { isOpenStatus } from '../../../../../shared/domain/clock-rules';
import { STATUS_LABELS } from '../../../../../shared/domain/petition-codes';
import { useT } from '../../../i18n';
import { Link } from '../../../router';
import { staffPaths } from '../paths';
import { ClockBadge, DueDate } from './ClockBadge';

type Props = {
  items: ListItem[];
  caption: string;
  categoryName: (code: string) => string;
  today: string;
  calendar: LegalCalendar | null;
};

/** A table on a wide screen; on a phone each row becomes a card whose cells carry their own labels (CSS). */
export function PetitionTable({ items, caption, categoryName, today, calendar }: Props) {
  const { t, lang } = useT();
  const columns = {
    number: t('queue.col.number'),
    subject: t('queue.col.subject'),
    category: t('queue.col.category'),
    department: t('queue.col.department'),
    legal: t('queue.col.legalDue'),
    internal: t('queue.col.internalDue'),
    clock: t('queue.col.clock'),
  };
  return (
    <div className="table-wrap">
      <table className="queue-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {Object.values(columns).map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const open = isOpenStatus(item.status);
            return (
              <tr key={item.id} data-testid="petition-row" data-number={item.registrationNumber} data-status={item.status}>
                <th scope="row" data-label={columns.number}>
                  <Link to={staffPaths.petition(item.id)} className="queue-table__number">
                    {item.registrationNumber}
                  </Link>
                  {!item.identified && <span className="tag tag--warning">{t('queue.unidentified')}</span>}
                </th>
                <td data-label={columns.subject}>
                  <span className="queue-table__subject">{item.subject}</span>
                  <span className="cell-note">{STATUS_LABELS[item.status][lang]}</span>
                </td>
                <td data-label={columns.category}>{categoryName(item.categoryCode)}</td>
                <td data-label={columns.department}>{item.departmentCode ?? <span className="muted">{t('common.none')}</span>}</td>
                <td data-label={columns.legal}>
                  <DueDate dueOn={item.legalDueOn} today={today} calendar={calendar} running={open} />
                </td>
                <td data-label={columns.internal}>
                  <DueDate dueOn={item.internalDueOn} today={today} calendar={calendar} running={open && item.clock !== 'paused'} />
                </td>
                <td data-label={columns.clock}>
                  <ClockBadge state={item.clock} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
