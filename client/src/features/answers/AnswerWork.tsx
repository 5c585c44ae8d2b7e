// The answer panel of the staff petition page, by what the user may do now (the page's `actions`): the
// assignee drafts; the head, then the delegate or director, sign or send it back; the registry dispatches.
import { useState } from 'react';
import { useT } from '../../i18n';
import { ActionForm, type Notify } from '../staff/actions/ActionForm';
import { InputField, TextAreaField } from '../staff/actions/fields';
import { describeStaffError } from '../staff/errors';
import type { PetitionDetail } from '../staff/schemas';
import { letterPath } from './api';
import { authorityKey } from './answer-labels';
import { AnswerView } from './AnswerView';
import { DraftPanel } from './DraftPanel';
import { useAnswer } from './queries';
import type { CurrentAnswer } from './schemas';

type Props = { petition: PetitionDetail; notify: Notify };

export function AnswerWork({ petition, notify }: Props) {
  const { t, tm } = useT();
  const can = (action: PetitionDetail['actions'][number]) => petition.actions.includes(action);
  const drafting = can('draft');
  const signing = can('approve') || can('reject');
  const dispatching = can('dispatch');
  const answer = useAnswer(petition.id, drafting || signing || dispatching);
  if (!drafting && !signing && !dispatching) return null;
  const current = answer.data?.current ?? null;

  return (
    <section aria-labelledby="answer-title" className="answer-work" data-testid="answer-work">
      <h2 id="answer-title">{t('answer.title')}</h2>
      {answer.isPending && <p role="status">{t('common.loading')}</p>}
      {answer.isError && (
        <div className="notice notice--error" role="alert">
          <p>
            {t('answer.loadError')} {tm(describeStaffError(answer.error))}
          </p>
          <button type="button" className="button button--secondary" onClick={() => void answer.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {answer.data && drafting && <DraftPanel key={current?.id ?? 'new'} petition={petition} current={current} notify={notify} />}
      {current && (signing || dispatching) && <AnswerView petition={petition} answer={current} />}
      {current && signing && <SignatureForms petition={petition} answer={current} notify={notify} />}
      {current && dispatching && <DispatchForm petition={petition} notify={notify} />}
    </section>
  );
}

function SignatureForms({ petition, answer, notify }: Props & { answer: CurrentAnswer }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const first = answer.headSignature === null;
  return (
    <div className="action-grid answer-actions">
      {petition.actions.includes('approve') && (
        <ActionForm
          petitionId={petition.id}
          action="approve"
          title={t('sign.title')}
          intro={<p>{first ? t('sign.intro.head', { authority: t(authorityKey(petition)) }) : t('sign.intro.authority')}</p>}
          submitLabel={t('sign.submit')}
          success="sign.done"
          notify={notify}
          request={() => ({ path: 'answer/approve', body: {} })}
        >
          {() => null}
        </ActionForm>
      )}
      {petition.actions.includes('reject') && (
        <ActionForm
          petitionId={petition.id}
          action="reject"
          title={t('reject.title')}
          intro={<p>{t('reject.intro')}</p>}
          submitLabel={t('reject.submit')}
          success="reject.done"
          notify={notify}
          validate={() => (reason.trim().length >= 3 ? {} : { reason: 'reject.reason.required' })}
          request={() => ({ path: 'answer/reject', body: { reason: reason.trim() } })}
          fieldPaths={['reason']}
          onSuccess={() => setReason('')}
        >
          {(fields) => <TextAreaField fields={fields} path="reason" label={t('reject.reason')} required value={reason} onChange={setReason} rows={3} />}
        </ActionForm>
      )}
    </div>
  );
}

function DispatchForm({ petition, notify }: Props) {
  const { t } = useT();
  const [postalReference, setPostalReference] = useState('');
  return (
    <div className="answer-actions">
      <p className="actions">
        <a className="button button--secondary" href={letterPath(petition.id)} target="_blank" rel="noopener" data-testid="print-letter">
          {t('dispatch.print')}
          <span className="visually-hidden"> {t('common.newTab')}</span>
        </a>
      </p>
      <ActionForm
        petitionId={petition.id}
        action="dispatch"
        title={t('dispatch.title')}
        intro={<p>{t('dispatch.intro')}</p>}
        submitLabel={t('dispatch.submit')}
        success="dispatch.done"
        notify={notify}
        request={() => ({ path: 'dispatch', body: postalReference.trim() ? { postalReference: postalReference.trim() } : {} })}
        // The server knows whether the petitioner has only a postal address; its 400 lands on this field.
        fieldMessages={{ postalReference: 'dispatch.postal.required' }}
        fieldPaths={['postalReference']}
      >
        {(fields) => (
          <InputField fields={fields} path="postalReference" label={t('dispatch.postal')} hint={t('dispatch.postal.hint')} value={postalReference} onChange={setPostalReference} />
        )}
      </ActionForm>
    </div>
  );
}
