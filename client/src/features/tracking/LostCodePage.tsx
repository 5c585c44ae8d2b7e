import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { describeApiError } from '../../lib/api-messages';
import { Link, useQueryParam } from '../../router';
import { useResendCode } from './queries';
import { normalizeRegistrationNumber } from './tracking-codes';

export function LostCodePage() {
  const { t, tm } = useT();
  const fromLink = useQueryParam('numar');
  const [number, setNumber] = useState(fromLink ?? '');
  const [invalid, setInvalid] = useState(false);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resend = useResendCode();

  useEffect(() => {
    if (failedAttempts > 0) summaryRef.current?.focus();
  }, [failedAttempts]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (resend.isPending) return;
    const registrationNumber = normalizeRegistrationNumber(number);
    setInvalid(!registrationNumber);
    if (!registrationNumber) return setFailedAttempts((n) => n + 1);
    resend.mutate(registrationNumber, { onError: () => setFailedAttempts((n) => n + 1) });
  };

  const summary = [
    ...(invalid ? [{ fieldId: 'registrationNumber', message: t('err.number') }] : []),
    ...(resend.isError && !invalid ? [{ message: tm(describeApiError(resend.error)) }] : []),
  ];

  return (
    <Page title={t('lost.title')}>
      <p className="lead">{t('lost.intro')}</p>
      <ErrorSummary ref={summaryRef} title={t('track.errors')} items={summary} />
      {/* Same words whether or not the number exists: the page must not confirm which numbers are real. */}
      <div role="status" className={resend.isSuccess ? 'notice notice--success' : undefined} data-testid="resend-result">
        {resend.isSuccess && (
          <>
            <p>{t('lost.done')}</p>
            <p>
              <Link to="/urmarire">{t('nav.track')}</Link>
            </p>
          </>
        )}
      </div>
      <form className="narrow-form" noValidate onSubmit={onSubmit}>
        <FormField
          id="registrationNumber"
          label={t('track.number')}
          hint={t('track.number.hint')}
          error={invalid ? t('err.number') : undefined}
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
        <button type="submit" className="button button--primary" aria-disabled={resend.isPending || undefined}>
          {resend.isPending ? t('lost.submitting') : t('lost.submit')}
        </button>
      </form>
      <p className="hint">{t('lost.noContact')}</p>
    </Page>
  );
}
