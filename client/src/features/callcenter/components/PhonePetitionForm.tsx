// A petition by phone (issue 5 §4): the agent writes down what the caller asks, with the caller's
// identification (DOMAIN.md: a call becomes a petition only then), confirms the caller agreed to the notice
// and to the SMS, and registers it (POST /api/petitions, channel `phone`). The checks are the shared schema's,
// as on the citizen's form; the number and the code come back large, to be read to the caller.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CreatePetitionResponse } from '../../../../../shared/api/petitions';
import { isIdentified } from '../../../../../shared/domain/petitioner';
import { isMobilePhone, normalizePhone } from '../../../../../shared/domain/phone';
import { ErrorSummary, type SummaryItem } from '../../../components/ErrorSummary';
import { FieldError, FormField } from '../../../components/FormField';
import { RadioGroup } from '../../../components/RadioGroup';
import { useT, type Message } from '../../../i18n';
import { ApiError } from '../../../lib/api-client';
import { CategoryField } from '../../petitions/CategoryField';
import { FIELDS, initialValues, PATH_OF_VALUE, type FieldPath, type FormValues, type PetitionerKind } from '../../petitions/form-values';
import { useIdempotencyKey } from '../../petitions/idempotency';
import { PetitionTextFields } from '../../petitions/PetitionTextFields';
import { TypeField } from '../../petitions/TypeField';
import { errorsFromApi, validatePetition, type FieldErrors } from '../../petitions/validation';
import { registerPhonePetition } from '../api';
import { formatPhone } from '../format';
import { Credentials } from './Credentials';

type Props = {
  /** The caller's number (E.164), put in the mobile field. */
  callerPhone: string | null;
  onRegistered: (result: CreatePetitionResponse, categoryCode: string) => void;
  onClose: () => void;
};

type Registered = { result: CreatePetitionResponse; smsTo: string | null; emailTo: string | null };

function identityOf(v: FormValues) {
  return {
    kind: v.petitionerKind,
    firstName: v.firstName,
    lastName: v.lastName,
    organizationName: v.organizationName,
    email: v.email.trim() || null,
    phone: normalizePhone(v.phone),
    address: v.address,
  };
}

export function PhonePetitionForm({ callerPhone, onRegistered, onClose }: Props) {
  const { t, tm } = useT();
  const start = (): FormValues => ({ ...initialValues, phone: callerPhone ? formatPhone(callerPhone) : '' });
  const [values, setValues] = useState<FormValues>(start);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<Message | null>(null);
  const [failures, setFailures] = useState(0);
  const [pending, setPending] = useState(false);
  const [registered, setRegistered] = useState<Registered | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const readbackRef = useRef<HTMLHeadingElement>(null);
  const idempotency = useIdempotencyKey();

  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);
  useEffect(() => {
    if (registered) readbackRef.current?.focus();
  }, [registered]);

  const change = <K extends keyof FormValues>(field: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    const path = PATH_OF_VALUE[field];
    if (path && errors[path]) setErrors(({ [path]: _fixed, ...rest }) => rest);
  };

  const fail = (fields: FieldErrors, message: Message | null) => {
    setErrors(fields);
    setGeneral(message);
    setFailures((n) => n + 1);
  };

  const identified = isIdentified(identityOf(values));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const result = validatePetition(values, []);
    if (!result.ok) {
      const fields = { ...result.errors };
      if (fields.consent) fields.consent = { key: 'cc.petition.consent.required' };
      return fail(fields, identified ? null : { key: 'cc.petition.unidentified' });
    }
    // DOMAIN.md: not identified → not a petition; the server refuses it too (400 petitions.unidentified).
    if (!isIdentified(result.input.petitioner)) return fail({}, { key: 'cc.petition.unidentified' });
    setErrors({});
    setGeneral(null);
    setPending(true);
    try {
      const response = await registerPhonePetition(result.input, idempotency.key);
      const p = result.input.petitioner;
      setRegistered({
        result: response,
        smsTo: p.phone && isMobilePhone(p.phone) ? formatPhone(p.phone) : null,
        emailTo: p.email,
      });
      onRegistered(response, result.input.categoryCode);
    } catch (error) {
      // After a network error or a 5xx it may exist: the retry carries the same key and gets the same answer.
      if (!(error instanceof ApiError && error.isAmbiguous)) idempotency.renew();
      if (error instanceof ApiError && error.code === 'petitions.unidentified') return fail({}, { key: 'cc.petition.unidentified' });
      const mapped = errorsFromApi(error, values);
      fail(mapped.fields, mapped.general);
    } finally {
      setPending(false);
    }
  };

  const another = () => {
    setRegistered(null);
    setValues(start());
    setErrors({});
    setGeneral(null);
    idempotency.renew();
  };

  if (registered) {
    return (
      <div className="phone-petition">
        <Credentials
          ref={readbackRef}
          registrationNumber={registered.result.registrationNumber}
          trackingCode={registered.result.trackingCode}
          dueOn={registered.result.dueOn}
          smsTo={registered.smsTo}
          emailTo={registered.emailTo}
        />
        <p className="actions">
          <button type="button" className="button button--secondary" onClick={another}>
            {t('cc.petition.another')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('cc.petition.close')}
          </button>
        </p>
      </div>
    );
  }

  const error = (path: FieldPath) => (errors[path] ? tm(errors[path]) : undefined);
  const summary: SummaryItem[] = [
    ...(general ? [{ fieldId: general.key === 'cc.petition.unidentified' ? (values.petitionerKind === 'person' ? 'firstName' : 'organizationName') : undefined, message: tm(general) }] : []),
    ...(Object.keys(FIELDS) as FieldPath[]).flatMap((path) => {
      const message = errors[path];
      return message ? [{ fieldId: FIELDS[path].id, message: tm(message) }] : [];
    }),
  ];
  const text = (field: 'firstName' | 'lastName' | 'organizationName' | 'email' | 'phone' | 'address', path: FieldPath, type: string, hint?: string) => (
    <FormField id={field} label={t(`cc.petition.${field}`)} hint={hint} error={error(path)}>
      {(c) => <input {...c} type={type} autoComplete="off" spellCheck={false} value={values[field]} onChange={(e) => change(field, e.target.value)} />}
    </FormField>
  );

  return (
    <div className="phone-petition">
      <p className="hint">{t('common.required')}</p>
      <ErrorSummary ref={summaryRef} title={t('cc.petition.errors')} items={summary} />
      <form noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="phone-petition-title">
        <fieldset className="phone-petition__group">
          <legend>{t('cc.petition.section.what')}</legend>
          <CategoryField value={values.categoryCode} onChange={(code) => change('categoryCode', code)} error={error('categoryCode')} />
          <TypeField value={values.type} onChange={(type) => change('type', type)} error={error('type')} />
        </fieldset>
        <fieldset className="phone-petition__group">
          <legend>{t('cc.petition.section.who')}</legend>
          <div className="notice notice--warning" id="identification-rule">
            <p className="notice__title">{t('cc.petition.rule.title')}</p>
            <p>{t('cc.petition.rule')}</p>
          </div>
          <RadioGroup<PetitionerKind>
            name="petitionerKind"
            legend={t('cc.petition.kind')}
            value={values.petitionerKind}
            onChange={(kind) => change('petitionerKind', kind)}
            error={error('petitioner.kind')}
            options={[
              { value: 'person', label: t('cc.petition.kind.person') },
              { value: 'organization', label: t('cc.petition.kind.organization') },
            ]}
          />
          {values.petitionerKind === 'person' ? (
            <div className="field-row">
              {text('firstName', 'petitioner.firstName', 'text')}
              {text('lastName', 'petitioner.lastName', 'text')}
            </div>
          ) : (
            text('organizationName', 'petitioner.organizationName', 'text')
          )}
          {text('email', 'petitioner.email', 'email')}
          {text('phone', 'petitioner.phone', 'tel', t('cc.petition.phone.hint'))}
          {text('address', 'petitioner.address', 'text')}
          <p className={identified ? 'identification identification--ok' : 'identification'} role="status" data-testid="identification">
            {identified ? t('cc.petition.identified') : t('cc.petition.notIdentified')}
          </p>
        </fieldset>
        <fieldset className="phone-petition__group">
          <legend>{t('cc.petition.section.text')}</legend>
          <PetitionTextFields values={values} errors={errors} onChange={change} />
        </fieldset>
        <div className="notice">
          <p className="notice__title">{t('cc.petition.notice.title')}</p>
          <p>{t('cc.petition.notice')}</p>
          <div className={errors.consent ? 'field field--error checkbox' : 'field checkbox'}>
            {errors.consent && <FieldError id="consent-error" message={tm(errors.consent)} />}
            <input
              type="checkbox"
              id="consent"
              name="consent"
              checked={values.consent}
              onChange={(e) => change('consent', e.target.checked)}
              required
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={errors.consent ? 'consent-error' : undefined}
            />
            <label htmlFor="consent">
              {t('cc.petition.consent')}
              <span className="required-mark" aria-hidden="true">
                {' *'}
              </span>
            </label>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary button--large" aria-disabled={pending || undefined} aria-describedby="identification-rule">
            {pending ? t('cc.petition.submitting') : t('cc.petition.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
        <p className="visually-hidden" role="status">
          {pending ? t('cc.petition.submitting') : ''}
        </p>
      </form>
    </div>
  );
}
