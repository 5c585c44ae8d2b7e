import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { useT, type Message, type MessageKey } from '../../../i18n';
import { formatTime } from '../../../i18n/format';
import { ApiError } from '../../../lib/api-client';
import { navigate, useQueryParam } from '../../../router';
import { StaffPage } from '../components/StaffPage';
import { describeStaffError } from '../errors';
import { safeNext } from '../paths';
import { useSignIn } from '../queries';
import { homePathFor } from '../roles';

type Errors = { email?: MessageKey; password?: MessageKey };

function describeSignInError(error: unknown): Message {
  if (error instanceof ApiError && error.code === 'auth.invalid_credentials') return { key: 'signin.invalid' };
  if (error instanceof ApiError && error.status === 429) {
    if (error.retryAfter == null) return { key: 'signin.throttledSoon' };
    return { key: 'signin.throttled', vars: { time: formatTime(new Date(Date.now() + error.retryAfter * 1000), 'ro') } };
  }
  return describeStaffError(error);
}

export function SignInPage() {
  const { t, tm } = useT();
  const next = safeNext(useQueryParam('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [attempts, setAttempts] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const signIn = useSignIn();

  useEffect(() => {
    if (attempts > 0) summaryRef.current?.focus();
  }, [attempts]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const found: Errors = {};
    if (!email.trim()) found.email = 'signin.email.required';
    if (!password) found.password = 'signin.password.required';
    setErrors(found);
    if (found.email || found.password) {
      signIn.reset();
      setAttempts((n) => n + 1);
      return;
    }
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (user) => navigate(next ?? homePathFor(user.role), { replace: true }),
        onError: () => {
          setPassword('');
          setAttempts((n) => n + 1);
        },
      },
    );
  };

  const summary = [
    ...(errors.email ? [{ fieldId: 'email', message: t(errors.email) }] : []),
    ...(errors.password ? [{ fieldId: 'password', message: t(errors.password) }] : []),
    ...(signIn.isError ? [{ message: tm(describeSignInError(signIn.error)) }] : []),
  ];

  return (
    <StaffPage title={t('signin.title')}>
      {next && <p className="notice">{t('signin.needed')}</p>}
      <p className="lead">{t('signin.intro')}</p>
      <ErrorSummary ref={summaryRef} title={t('signin.errors')} items={summary} />
      <form className="narrow-form" noValidate onSubmit={onSubmit} aria-label={t('signin.title')}>
        <FormField id="email" label={t('signin.email')} error={errors.email && t(errors.email)} required>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="password" label={t('signin.password')} error={errors.password && t(errors.password)} required>
          {(control) => (
            <input {...control} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </FormField>
        <button type="submit" className="button button--primary" aria-disabled={signIn.isPending || undefined}>
          {signIn.isPending ? t('signin.submitting') : t('signin.submit')}
        </button>
      </form>
    </StaffPage>
  );
}
