import { useT } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { ContributionAnswerForm } from '../actions/DepartmentActions';
import type { Notify } from '../actions/ActionForm';
import type { PetitionDetail } from '../schemas';

/** Questions to other departments and their answers; a pending one addressed to us gets an answer form. */
export function Contributions({ petition, departmentCode, notify }: { petition: PetitionDetail; departmentCode: string | null; notify: Notify }) {
  const { t, lang } = useT();
  if (petition.contributions.length === 0) return null;
  return (
    <section aria-labelledby="contributions-title">
      <h2 id="contributions-title">{t('contributions.title')}</h2>
      <ul className="contributions">
        {petition.contributions.map((c) => (
          <li key={c.id} className="contribution" data-testid="contribution" data-status={c.status}>
            <p className="contribution__head">
              <strong>{t('contributions.to', { code: c.toDepartmentCode })}</strong>{' '}
              <span className={c.status === 'pending' ? 'tag tag--warning' : 'tag tag--success'}>
                {t(c.status === 'pending' ? 'contributions.pending' : 'contributions.answered')}
              </span>
            </p>
            <p className="muted">
              {t('contributions.asked', { date: formatDateTime(c.createdAt, lang) })} · {t('contributions.due', { date: formatDate(c.dueOn, lang) })}
            </p>
            <p className="plain-text">{c.question}</p>
            {c.answer && (
              <div className="contribution__answer">
                <p className="label">{t('contributions.answer', { date: c.answeredAt ? formatDateTime(c.answeredAt, lang) : '' })}</p>
                <p className="plain-text">{c.answer}</p>
              </div>
            )}
            {c.status === 'pending' && departmentCode !== null && c.toDepartmentCode === departmentCode && (
              <ContributionAnswerForm petition={petition} contributionId={c.id} notify={notify} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
