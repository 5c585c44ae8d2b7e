import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { useT, type MessageKey } from '../../i18n';
import { Link, navigate } from '../../router';
import { normalizeRegistrationNumber, normalizeTrackingCode, trackingPath } from './tracking-codes';

type Errors = { number?: MessageKey; code?: MessageKey };

export function TrackFormPage({ initialNumber = '' }: { initialNumber?: string }) {
  const { t } = useT();
  const [number, setNumber] = useState(initialNumber);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failedAttempts, setFailedAttempts] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (failedAttempts > 0) summaryRef.current?.focus();
  }, [failedAttempts]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const registrationNumber = normalizeRegistrationNumber(number);
    const trackingCode = normalizeTrackingCode(code);
    if (!registrationNumber || !trackingCode) {
      setErrors({ ...(registrationNumber ? {} : { number: 'err.number' }), ...(trackingCode ? {} : { code: 'err.code' }) });
      setFailedAttempts((n) => n + 1);
      return;
    }
    navigate(trackingPath(registrationNumber, trackingCode));
  };

  const summary = [
    ...(errors.number ? [{ fieldId: 'registrationNumber', message: t(errors.number) }] : []),
    ...(errors.code ? [{ fieldId: 'trackingCode', message: t(errors.code) }] : []),
  ];

  return (
    <Page title={t('trackForm.title')}>
      <p className="lead">{t('trackForm.intro')}</p>
      <ErrorSummary ref={summaryRef} title={t('track.errors')} items={summary} />
      <form className="narrow-form" noValidate onSubmit={onSubmit}>
        <FormField
          id="registrationNumber"
          label={t('track.number')}
          hint={t('track.number.hint')}
          error={errors.number && t(errors.number)}
          required
        >
          {(control) => (
            <input
              {...control}
              type="text"
              className="input--code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={number}
              onChange={(e) => setNumber(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="trackingCode" label={t('track.code')} hint={t('track.code.hint')} error={errors.code && t(errors.code)} required>
          {(control) => (
            <input
              {...control}
              type="text"
              className="input--code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </FormField>
        <button type="submit" className="button button--primary">
          {t('track.submit')}
        </button>
      </form>
      <p>
        <Link to="/cod-pierdut">{t('track.lost')}</Link>
      </p>
    </Page>
  );
}
