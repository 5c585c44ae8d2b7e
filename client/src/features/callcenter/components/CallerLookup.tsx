// Who is this number (issue 5 §3): any common Romanian form of it. Each lookup is logged (GDPR), so it runs
// only when asked and is never cached.
import { useState, type FormEvent } from 'react';
import { normalizePhone } from '../../../../../shared/domain/phone';
import type { CallerResponse } from '../../../../../shared/api/calls';
import { FormField } from '../../../components/FormField';
import { useT, type Message } from '../../../i18n';
import { lookUpCaller } from '../api';
import { describeCallError } from '../errors';
import { formatPhone } from '../format';
import { CallerFacts } from './CallerFacts';

export function CallerLookup() {
  const { t, tm } = useT();
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<CallerResponse | null>(null);
  const [failure, setFailure] = useState<Message | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const e164 = normalizePhone(phone);
    if (!e164) {
      setError(t('cc.caller.phone.invalid'));
      document.getElementById('caller-phone')?.focus();
      return;
    }
    setError(undefined);
    setPending(true);
    setFailure(null);
    setResult(null);
    try {
      setResult(await lookUpCaller(e164));
    } catch (e) {
      setFailure(describeCallError(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="caller-lookup-title" id="apelant">
      <h2 id="caller-lookup-title">{t('cc.caller.title')}</h2>
      <p className="hint">{t('cc.caller.intro')}</p>
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <FormField id="caller-phone" label={t('cc.caller.phone')} hint={t('cc.caller.phone.hint')} error={error} required>
          {(c) => <input {...c} type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />}
        </FormField>
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending ? t('cc.caller.searching') : t('cc.caller.submit')}
        </button>
      </form>
      <div role="status" className="lookup-result" data-testid="caller-result">
        {failure && <p className="notice notice--error">{tm(failure)}</p>}
        {result && (
          <>
            <p>
              <span className="mono">{formatPhone(result.phone)}</span>: {result.name ? <strong>{result.name}</strong> : t('cc.pop.unknown')}
            </p>
            <CallerFacts petitions={result.petitions} calls={result.calls} level={3} maxCalls={10} />
          </>
        )}
      </div>
    </section>
  );
}
