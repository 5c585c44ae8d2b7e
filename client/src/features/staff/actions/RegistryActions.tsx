// The registry's decisions on a registered petition (OG 27/2002 art. 6, 6^1, 7, 10): route, forward, file, join.
import { useState } from 'react';
import { useT } from '../../../i18n';
import { formatDate } from '../../../i18n/format';
import { RadioGroup } from '../../../components/RadioGroup';
import { useDepartments, useDirectory, useInstitutions } from '../queries';
import { ROLE_LABELS } from '../roles';
import type { PetitionDetail } from '../schemas';
import { ActionForm, type FieldErrors, type Notify } from './ActionForm';
import { InputField, SelectField, TextAreaField } from './fields';

type Props = { petition: PetitionDetail; notify: Notify; today: string };

export function RouteForm({ petition, notify, today }: Props) {
  const { t, lang } = useT();
  const departments = useDepartments();
  const byPerson = petition.category.routing === 'by_person';
  const [departmentCode, setDepartmentCode] = useState(petition.department?.code ?? '');
  const [internalDueOn, setInternalDueOn] = useState('');
  const [concernsUserId, setConcernsUserId] = useState(petition.concernsUser?.id ?? '');
  const people = useDirectory({ departmentCode: departmentCode || undefined }, byPerson && departmentCode !== '');

  const validate = (): FieldErrors => ({
    ...(departmentCode ? {} : { departmentCode: 'route.department.required' }),
    ...(byPerson && !concernsUserId ? { concernsUserId: 'route.person.required' } : {}),
  });

  return (
    <ActionForm
      petitionId={petition.id}
      action="route"
      title={t('route.title')}
      intro={<p>{t('route.intro')}</p>}
      submitLabel={t('route.submit')}
      success="route.done"
      notify={notify}
      validate={validate}
      request={() => ({
        path: 'route',
        body: { departmentCode, ...(internalDueOn ? { internalDueOn } : {}), ...(byPerson && concernsUserId ? { concernsUserId } : {}) },
      })}
      fieldMessages={{ departmentCode: 'route.department.invalid', internalDueOn: 'route.internalDue.invalid', concernsUserId: 'route.person.required' }}
      fieldPaths={['departmentCode', 'internalDueOn', 'concernsUserId']}
    >
      {(fields) => (
        <>
          <SelectField
            fields={fields}
            path="departmentCode"
            label={t('route.department')}
            hint={petition.department ? t('route.department.proposed', { code: petition.department.code }) : undefined}
            required
            value={departmentCode}
            onChange={(value) => {
              setDepartmentCode(value);
              setConcernsUserId('');
            }}
            placeholder={departments.isPending ? t('common.loading') : t('common.choose')}
            options={(departments.data ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }))}
          />
          {byPerson && (
            <SelectField
              fields={fields}
              path="concernsUserId"
              label={t('route.person')}
              hint={t('route.person.hint')}
              required
              value={concernsUserId}
              onChange={setConcernsUserId}
              placeholder={!departmentCode ? t('route.person.pickDepartment') : people.isPending ? t('common.loading') : t('common.choose')}
              options={(people.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} — ${t(ROLE_LABELS[u.role])}${u.jobTitle ? `, ${u.jobTitle}` : ''}` }))}
            />
          )}
          <InputField
            fields={fields}
            path="internalDueOn"
            type="date"
            label={t('route.internalDue')}
            hint={t('route.internalDue.hint', { date: formatDate(petition.legalDueOn, lang) })}
            min={today}
            max={petition.legalDueOn}
            value={internalDueOn}
            onChange={setInternalDueOn}
          />
        </>
      )}
    </ActionForm>
  );
}

export function ForwardForm({ petition, notify }: Props) {
  const { t } = useT();
  const institutions = useInstitutions();
  const [institutionCode, setInstitutionCode] = useState(petition.institution?.code ?? '');
  const [note, setNote] = useState('');
  const validate = (): FieldErrors => ({
    ...(institutionCode ? {} : { institutionCode: 'forward.institution.required' }),
    ...(note.trim().length >= 3 ? {} : { note: 'forward.note.required' }),
  });
  return (
    <ActionForm
      petitionId={petition.id}
      action="forward"
      title={t('forward.title')}
      intro={<p>{t('forward.intro')}</p>}
      submitLabel={t('forward.submit')}
      success="forward.done"
      notify={notify}
      validate={validate}
      request={() => ({ path: 'forward', body: { institutionCode, note: note.trim() } })}
      fieldMessages={{ institutionCode: 'forward.institution.required', note: 'forward.note.required' }}
      fieldPaths={['institutionCode', 'note']}
    >
      {(fields) => (
        <>
          <SelectField
            fields={fields}
            path="institutionCode"
            label={t('forward.institution')}
            required
            value={institutionCode}
            onChange={setInstitutionCode}
            placeholder={institutions.isPending ? t('common.loading') : t('common.choose')}
            options={(institutions.data ?? []).map((i) => ({ value: i.code, label: `${i.code} — ${i.name}` }))}
          />
          <InputField fields={fields} path="note" label={t('forward.note')} hint={t('forward.note.hint')} required value={note} onChange={setNote} />
        </>
      )}
    </ActionForm>
  );
}

type FileReason = 'anonymous' | 'repeated' | 'withdrawn';

/** The earlier petitions of the same petitioner with a similar text, offered as the related number. */
function CandidatesList({ petition, id }: { petition: PetitionDetail; id: string }) {
  if (petition.repeatCandidates.length === 0) return null;
  return (
    <datalist id={id}>
      {petition.repeatCandidates.map((c) => (
        <option key={c.id} value={c.registrationNumber}>
          {c.subject}
        </option>
      ))}
    </datalist>
  );
}

export function FileForm({ petition, notify }: Props) {
  const { t } = useT();
  const [reason, setReason] = useState<FileReason | ''>(petition.identified ? '' : 'anonymous');
  const [note, setNote] = useState('');
  const [related, setRelated] = useState(petition.repeatCandidates[0]?.registrationNumber ?? '');
  const validate = (): FieldErrors => ({
    ...(reason ? {} : { reason: 'file.reason.required' }),
    ...(reason === 'repeated' && !related.trim() ? { relatedRegistrationNumber: 'file.related.required' } : {}),
  });
  return (
    <ActionForm
      petitionId={petition.id}
      action="file"
      title={t('file.title')}
      submitLabel={t('file.submit')}
      success="file.done"
      notify={notify}
      validate={validate}
      request={() => ({
        path: 'file',
        body: { reason, note: note.trim(), ...(reason === 'repeated' ? { relatedRegistrationNumber: related.trim().toUpperCase() } : {}) },
      })}
      fieldMessages={{ reason: 'file.reason.required', relatedRegistrationNumber: 'file.related.invalid' }}
      fieldPaths={['reason', 'note', 'relatedRegistrationNumber']}
    >
      {(fields) => (
        <>
          <RadioGroup<FileReason>
            name={fields.id('reason')}
            legend={t('file.reason')}
            required
            value={reason}
            onChange={setReason}
            error={fields.error('reason')}
            options={[
              { value: 'anonymous', label: t('file.reason.anonymous'), hint: t('file.reason.anonymous.hint') },
              { value: 'repeated', label: t('file.reason.repeated'), hint: t('file.reason.repeated.hint') },
              { value: 'withdrawn', label: t('file.reason.withdrawn') },
            ]}
          />
          {reason === 'repeated' && (
            <>
              <InputField
                fields={fields}
                path="relatedRegistrationNumber"
                label={t('file.related')}
                hint={petition.repeatCandidates.length > 0 ? t('file.related.hintCandidates') : t('file.related.hint')}
                required
                className="input--code"
                list={petition.repeatCandidates.length > 0 ? 'file-candidates' : undefined}
                value={related}
                onChange={setRelated}
              />
              <CandidatesList petition={petition} id="file-candidates" />
            </>
          )}
          <TextAreaField fields={fields} path="note" label={t('file.note')} hint={t('file.note.hint')} value={note} onChange={setNote} rows={3} />
        </>
      )}
    </ActionForm>
  );
}

export function JoinForm({ petition, notify }: Props) {
  const { t } = useT();
  const [into, setInto] = useState('');
  return (
    <ActionForm
      petitionId={petition.id}
      action="join"
      title={t('join.title')}
      intro={<p>{t('join.intro')}</p>}
      submitLabel={t('join.submit')}
      success="join.done"
      notify={notify}
      validate={() => (into.trim() ? {} : { intoRegistrationNumber: 'join.into.required' })}
      request={() => ({ path: 'join', body: { intoRegistrationNumber: into.trim().toUpperCase() } })}
      fieldMessages={{ intoRegistrationNumber: 'join.into.invalid' }}
      fieldPaths={['intoRegistrationNumber']}
    >
      {(fields) => (
        <>
          <InputField
            fields={fields}
            path="intoRegistrationNumber"
            label={t('join.into')}
            hint={t('join.into.hint')}
            required
            className="input--code"
            list={petition.repeatCandidates.length > 0 ? 'join-candidates' : undefined}
            value={into}
            onChange={setInto}
          />
          <CandidatesList petition={petition} id="join-candidates" />
        </>
      )}
    </ActionForm>
  );
}
