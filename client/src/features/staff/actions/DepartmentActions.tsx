// The department's and the signing authority's actions (OG 27/2002 art. 9, 11): return, assign,
// contributions, notes, extension.
import { useState } from 'react';
import { useT } from '../../../i18n';
import { formatDate } from '../../../i18n/format';
import { useDepartments, useDirectory } from '../queries';
import type { PetitionDetail } from '../schemas';
import { ActionForm, type Notify } from './ActionForm';
import { InputField, SelectField, TextAreaField } from './fields';

type Props = { petition: PetitionDetail; notify: Notify; today: string };

export function ReturnForm({ petition, notify }: Props) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      petitionId={petition.id}
      action="return"
      title={t('return.title')}
      intro={<p>{t('return.intro')}</p>}
      submitLabel={t('return.submit')}
      success="return.done"
      notify={notify}
      validate={() => (reason.trim().length >= 3 ? {} : { reason: 'return.reason.required' })}
      request={() => ({ path: 'return', body: { reason: reason.trim() } })}
      fieldPaths={['reason']}
    >
      {(fields) => <TextAreaField fields={fields} path="reason" label={t('return.reason')} required value={reason} onChange={setReason} />}
    </ActionForm>
  );
}

export function AssignForm({ petition, notify }: Props) {
  const { t } = useT();
  const departmentCode = petition.department?.code;
  const officers = useDirectory({ departmentCode, role: 'officer' }, departmentCode !== undefined);
  const [userId, setUserId] = useState('');
  return (
    <ActionForm
      petitionId={petition.id}
      action="assign"
      title={t('assign.title')}
      intro={<p>{petition.assignee ? t('assign.current', { name: petition.assignee.name }) : t('assign.none')}</p>}
      submitLabel={t('assign.submit')}
      success="assign.done"
      notify={notify}
      validate={() => (userId ? {} : { userId: 'assign.user.required' })}
      request={() => ({ path: 'assign', body: { userId } })}
      fieldMessages={{ userId: 'assign.user.invalid' }}
      fieldPaths={['userId']}
      onSuccess={() => setUserId('')}
      extra={(run, pending) => (
        <button type="button" className="button button--secondary" aria-disabled={pending || undefined} onClick={() => run({ path: 'assign', body: {} })}>
          {t('assign.leastLoaded')}
        </button>
      )}
    >
      {(fields) => (
        <SelectField
          fields={fields}
          path="userId"
          label={t('assign.user')}
          hint={t('assign.user.hint')}
          value={userId}
          onChange={setUserId}
          placeholder={officers.isPending ? t('common.loading') : t('common.choose')}
          options={(officers.data?.items ?? [])
            .filter((u) => u.id !== petition.assignee?.id)
            .map((u) => ({ value: u.id, label: u.jobTitle ? `${u.name} — ${u.jobTitle}` : u.name }))}
        />
      )}
    </ActionForm>
  );
}

export function ContributeForm({ petition, notify, today }: Props) {
  const { t, lang } = useT();
  const departments = useDepartments();
  const [departmentCode, setDepartmentCode] = useState('');
  const [question, setQuestion] = useState('');
  const [dueOn, setDueOn] = useState('');
  return (
    <ActionForm
      petitionId={petition.id}
      action="contribute"
      title={t('contribute.title')}
      intro={<p>{t('contribute.intro')}</p>}
      submitLabel={t('contribute.submit')}
      success="contribute.done"
      notify={notify}
      validate={() => ({
        ...(departmentCode ? {} : { departmentCode: 'contribute.department.required' }),
        ...(question.trim().length >= 3 ? {} : { question: 'contribute.question.required' }),
        ...(dueOn ? {} : { dueOn: 'contribute.dueOn.required' }),
      })}
      request={() => ({ path: 'contributions', body: { departmentCode, question: question.trim(), dueOn } })}
      fieldMessages={{ departmentCode: 'contribute.department.invalid', dueOn: 'contribute.dueOn.invalid' }}
      fieldPaths={['departmentCode', 'question', 'dueOn']}
      onSuccess={() => {
        setDepartmentCode('');
        setQuestion('');
        setDueOn('');
      }}
    >
      {(fields) => (
        <>
          <SelectField
            fields={fields}
            path="departmentCode"
            label={t('contribute.department')}
            required
            value={departmentCode}
            onChange={setDepartmentCode}
            placeholder={departments.isPending ? t('common.loading') : t('common.choose')}
            options={(departments.data ?? [])
              .filter((d) => d.code !== petition.department?.code)
              .map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))}
          />
          <TextAreaField fields={fields} path="question" label={t('contribute.question')} required value={question} onChange={setQuestion} />
          <InputField
            fields={fields}
            path="dueOn"
            type="date"
            label={t('contribute.dueOn')}
            hint={t('contribute.dueOn.hint', { date: formatDate(petition.legalDueOn, lang) })}
            required
            min={today}
            max={petition.legalDueOn}
            value={dueOn}
            onChange={setDueOn}
          />
        </>
      )}
    </ActionForm>
  );
}

export function ContributionAnswerForm({ petition, contributionId, notify }: { petition: PetitionDetail; contributionId: string; notify: Notify }) {
  const { t } = useT();
  const [answer, setAnswer] = useState('');
  return (
    <ActionForm
      petitionId={petition.id}
      action={`answer-${contributionId}`}
      title={t('contribution.answer.title')}
      headingLevel="h4"
      submitLabel={t('contribution.answer.submit')}
      success="contribution.answer.done"
      notify={notify}
      validate={() => (answer.trim() ? {} : { answer: 'contribution.answer.required' })}
      request={() => ({ path: `contributions/${encodeURIComponent(contributionId)}/answer`, body: { answer: answer.trim() } })}
      fieldPaths={['answer']}
    >
      {(fields) => <TextAreaField fields={fields} path="answer" label={t('contribution.answer')} required value={answer} onChange={setAnswer} rows={5} />}
    </ActionForm>
  );
}

export function NoteForm({ petition, notify }: Props) {
  const { t } = useT();
  const [text, setText] = useState('');
  return (
    <ActionForm
      petitionId={petition.id}
      action="note"
      title={t('note.title')}
      submitLabel={t('note.submit')}
      success="note.done"
      notify={notify}
      validate={() => (text.trim() ? {} : { text: 'note.text.required' })}
      request={() => ({ path: 'notes', body: { text: text.trim() } })}
      fieldPaths={['text']}
      onSuccess={() => setText('')}
    >
      {(fields) => <TextAreaField fields={fields} path="text" label={t('note.text')} hint={t('note.text.hint')} required value={text} onChange={setText} rows={3} />}
    </ActionForm>
  );
}

export function ExtendForm({ petition, notify }: Props) {
  const { t, lang } = useT();
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      petitionId={petition.id}
      action="extend"
      title={t('extend.title')}
      intro={<p>{t('extend.intro', { date: formatDate(petition.legalDueOn, lang) })}</p>}
      submitLabel={t('extend.submit')}
      success="extend.done"
      notify={notify}
      validate={() => (reason.trim().length >= 3 ? {} : { reason: 'extend.reason.required' })}
      request={() => ({ path: 'extend', body: { reason: reason.trim() } })}
      fieldPaths={['reason']}
    >
      {(fields) => <TextAreaField fields={fields} path="reason" label={t('extend.reason')} hint={t('extend.reason.hint')} required value={reason} onChange={setReason} />}
    </ActionForm>
  );
}
