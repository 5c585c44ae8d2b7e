// Where the answer stands, next to the timeline: drafted, submitted, signed by the head, signed by the
// delegate or director, sent. Each step says whether it is done or awaited, in words and not only in colour.
import { useT, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import type { PetitionDetail, SessionUser } from '../staff/schemas';
import { letterPath } from './api';
import { ANSWER_STATUSES, authorityKey } from './answer-labels';
import { useAnswer } from './queries';

type Step = { key: 'draft' | 'submitted' | 'head' | 'authority' | 'dispatched'; label: MessageKey; detail?: string | undefined };

/** How many steps are done, from the petition's status (and whether a draft exists). */
function stepsDone(status: PetitionDetail['status'], hasDraft: boolean): number {
  switch (status) {
    case 'answer_submitted':
      return 2;
    case 'answer_signed':
      return 3;
    case 'approved':
      return 4;
    case 'answered':
      return 5;
    default:
      return hasDraft ? 1 : 0;
  }
}

export function AnswerProgress({ petition, user }: { petition: PetitionDetail; user: SessionUser }) {
  const { t, lang } = useT();
  const shown = ANSWER_STATUSES.includes(petition.status);
  const answer = useAnswer(petition.id, shown);
  if (!shown || !answer.data) return null;
  const current = answer.data.current;
  const by = (s: { name: string; at: string } | null | undefined) => (s ? t('answerState.byAt', { name: s.name, date: formatDateTime(s.at, lang) }) : undefined);
  const steps: Step[] = [
    { key: 'draft', label: 'answerState.draft' },
    { key: 'submitted', label: 'answerState.submitted', detail: current?.submittedAt ? formatDateTime(current.submittedAt, lang) : undefined },
    { key: 'head', label: 'answerState.head', detail: by(current?.headSignature) },
    { key: 'authority', label: 'answerState.authority', detail: by(current?.authoritySignature) },
    { key: 'dispatched', label: 'answerState.dispatched' },
  ];
  const done = stepsDone(petition.status, current !== null);
  const state = done === 0 ? 'none' : steps[done - 1]!.key;

  return (
    <section aria-labelledby="answer-state-title" className="answer-state" data-testid="answer-state" data-state={state}>
      <h2 id="answer-state-title">{t('answerState.title')}</h2>
      {done === 0 && <p className="muted">{t('answerState.none')}</p>}
      <ol className="answer-steps">
        {steps.map((step, i) => {
          const status = i < done ? 'done' : i === done ? 'current' : 'todo';
          return (
            <li key={step.key} className={`answer-step answer-step--${status}`} data-step={step.key} data-status={status}>
              <span className="answer-step__label">
                {t(step.label, { authority: t(authorityKey(petition)) })}
                {status !== 'todo' && <span className="visually-hidden"> {t(status === 'done' ? 'answerState.done' : 'answerState.current')}</span>}
              </span>
              {step.detail && <span className="answer-step__detail">{step.detail}</span>}
            </li>
          );
        })}
      </ol>
      {petition.status === 'answered' && user.role === 'registry' && (
        <p>
          <a href={letterPath(petition.id)} target="_blank" rel="noopener">
            {t('dispatch.print')}
            <span className="visually-hidden"> {t('common.newTab')}</span>
          </a>
        </p>
      )}
    </section>
  );
}
