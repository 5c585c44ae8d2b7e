import { useT } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { DeadlineKind } from './api';
import { useDeadline } from './queries';

/** "Termenul legal de răspuns: 4 mai 2027", computed by the server for a petition registered today. */
export function DueDate({ kind }: { kind: DeadlineKind }) {
  const { t, lang } = useT();
  const deadline = useDeadline(kind);
  let text: string;
  if (deadline.data) text = t('form.due', { date: formatDate(deadline.data.dueOn, lang) });
  else if (deadline.isError) text = t(kind === 'l544.answer' ? 'form.due.l544' : 'form.due.og27');
  else text = t('form.due.pending');
  return (
    <div className="due-date" aria-live="polite">
      <p className="due-date__value" data-testid="due-date">
        {text}
      </p>
      <p className="hint">{t('form.due.hint')}</p>
    </div>
  );
}
