import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { useT, type Message } from '../../i18n';
import { ApiError } from '../../lib/api-client';
import { navigate } from '../../router';
import { checkAttachments } from './attachments';
import { AttachmentsField } from './AttachmentsField';
import { CategoryField } from './CategoryField';
import { saveConfirmation } from './confirmation-store';
import { DueDate } from './DueDate';
import { FIELDS, initialValues, PATH_OF_VALUE, type FieldPath, type FormValues } from './form-values';
import { Honeypot } from './Honeypot';
import { useIdempotencyKey } from './idempotency';
import { PetitionerFields } from './PetitionerFields';
import { PetitionTextFields } from './PetitionTextFields';
import { PrivacyConsent } from './PrivacyConsent';
import { useCategories, useSubmitPetition } from './queries';
import { TypeField } from './TypeField';
import { errorsFromApi, validatePetition, type FieldErrors } from './validation';

export function NewPetitionPage() {
  const { t, tm } = useT();
  const [values, setValues] = useState<FormValues>(initialValues);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<Message | null>(null);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const idempotency = useIdempotencyKey();
  const submit = useSubmitPetition();
  const category = useCategories().data?.find((c) => c.code === values.categoryCode);

  useEffect(() => {
    if (failedAttempts > 0) summaryRef.current?.focus();
  }, [failedAttempts]);

  const change = <K extends keyof FormValues>(field: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    const path = PATH_OF_VALUE[field];
    if (path && errors[path]) setErrors(({ [path]: _fixed, ...rest }) => rest);
  };

  const changeFiles = (next: File[]) => {
    setFiles(next);
    // Files are checked as soon as they are picked: nobody should wait for an upload to learn it is too big.
    const problem = checkAttachments(next);
    setErrors(({ attachments: _old, ...rest }) => (problem ? { ...rest, attachments: problem } : rest));
  };

  const fail = (fields: FieldErrors, message: Message | null) => {
    setErrors(fields);
    setGeneral(message);
    setFailedAttempts((n) => n + 1);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submit.isPending) return;
    const result = validatePetition(values, files);
    if (!result.ok) return fail(result.errors, null);
    setErrors({});
    setGeneral(null);
    submit.mutate(
      { input: result.input, files, idempotencyKey: idempotency.key },
      {
        onSuccess: (confirmation) => {
          saveConfirmation(confirmation);
          navigate('/confirmare');
        },
        onError: (error) => {
          // After a network error or a 5xx the petition may exist: the retry must carry the same key.
          if (!(error instanceof ApiError && error.isAmbiguous)) idempotency.renew();
          const mapped = errorsFromApi(error, values);
          fail(mapped.fields, mapped.general);
        },
      },
    );
  };

  const error = (path: FieldPath) => (errors[path] ? tm(errors[path]) : undefined);
  const summary: SummaryItem[] = [
    ...(general ? [{ message: tm(general) }] : []),
    ...(Object.keys(FIELDS) as FieldPath[]).flatMap((path) => {
      const message = errors[path];
      return message ? [{ fieldId: FIELDS[path].id, message: tm(message) }] : [];
    }),
  ];

  return (
    <Page title={t('form.title')} heading={t('form.heading')}>
      <p className="lead">{t('common.required')}</p>
      <ErrorSummary ref={summaryRef} title={t('errors.summary')} items={summary} />
      <form className="petition-form" noValidate onSubmit={onSubmit}>
        <section aria-labelledby="section-what">
          <h2 id="section-what">{t('form.section.what')}</h2>
          <CategoryField value={values.categoryCode} onChange={(code) => change('categoryCode', code)} error={error('categoryCode')} />
          <TypeField value={values.type} onChange={(type) => change('type', type)} error={error('type')} />
        </section>
        <section aria-labelledby="section-you">
          <h2 id="section-you">{t('form.section.you')}</h2>
          <PetitionerFields values={values} errors={errors} onChange={change} />
        </section>
        <section aria-labelledby="section-text">
          <h2 id="section-text">{t('form.section.text')}</h2>
          <PetitionTextFields values={values} errors={errors} onChange={change} />
          <AttachmentsField files={files} onChange={changeFiles} error={error('attachments')} />
        </section>
        <PrivacyConsent checked={values.consent} onChange={(checked) => change('consent', checked)} error={error('consent')} />
        <Honeypot value={values.website} onChange={(value) => change('website', value)} />
        <DueDate kind={category?.regime === 'l544' ? 'l544.answer' : 'og27.answer'} />
        <button type="submit" className="button button--primary button--large" aria-disabled={submit.isPending || undefined}>
          {submit.isPending ? t('form.submitting') : t('form.submit')}
        </button>
        <p className="visually-hidden" role="status">
          {submit.isPending ? t('form.submitting') : ''}
        </p>
      </form>
    </Page>
  );
}
