// "Where is my petition?" (issue 5 §5): the number and something only the petitioner knows — the phone the
// petition gave or the last name. A mismatch and a missing number get the same answer: nothing is revealed.
import { useState, type FormEvent } from 'react';
import { parseRegistrationNumber } from '../../../../../shared/domain/registration-number';
import { FormField } from '../../../components/FormField';
import { useT, type Message, type MessageKey } from '../../../i18n';
import { formatDate } from '../../../i18n/format';
import { fetchPetitionStatus } from '../api';
import { describeCallError } from '../errors';
import type { PetitionStatusResponse } from '../schemas';

type Props = { defaultIdentity?: string };

export function StatusLookup({ defaultIdentity = '' }: Props) {
  const { t, tm, lang } = useT();
  const [number, setNumber] = useState('');
  const [identity, setIdentity] = useState(defaultIdentity);
  const [errors, setErrors] = useState<Partial<Record<'number' | 'identity', MessageKey>>>({});
  const [result, setResult] = useState<PetitionStatusResponse | null>(null);
  const [failure, setFailure] = useState<Message | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const found: typeof errors = {};
    if (!parseRegistrationNumber(number)) found.number = 'cc.status.number.invalid';
    if (identity.trim().length < 2) found.identity = 'cc.status.identity.required';
    setErrors(found);
    if (found.number || found.identity) {
      document.getElementById(found.number ? 'status-number' : 'status-identity')?.focus();
      return;
    }
    setPending(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(await fetchPetitionStatus(number.trim(), identity.trim()));
    } catch (error) {
      setFailure(describeCallError(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="status-title" id="stadiu">
      <h2 id="status-title">{t('cc.status.title')}</h2>
      <p className="hint">{t('cc.status.intro')}</p>
      <form noValidate onSubmit={(e) => void onSubmit(e)}>
        <FormField id="status-number" label={t('cc.status.number')} hint={t('cc.status.number.hint')} error={errors.number ? t(errors.number) : undefined} required>
          {(c) => <input {...c} type="text" className="input--code" autoComplete="off" value={number} onChange={(e) => setNumber(e.target.value)} />}
        </FormField>
        <FormField id="status-identity" label={t('cc.status.identity')} hint={t('cc.status.identity.hint')} error={errors.identity ? t(errors.identity) : undefined} required>
          {(c) => <input {...c} type="text" autoComplete="off" value={identity} onChange={(e) => setIdentity(e.target.value)} />}
        </FormField>
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending ? t('cc.status.searching') : t('cc.status.submit')}
        </button>
      </form>
      <div role="status" className="lookup-result" data-testid="status-result">
        {failure && <p className="notice notice--warning">{tm(failure)}</p>}
        {result && (
          <dl className="facts facts--compact">
            <div>
              <dt>{t('cc.status.petition')}</dt>
              <dd className="mono">{result.registrationNumber}</dd>
            </div>
            <div>
              <dt>{t('cc.status.status')}</dt>
              <dd>
                <strong>{result.statusLabel[lang]}</strong>
              </dd>
            </div>
            <div>
              <dt>{t('cc.status.registeredOn')}</dt>
              <dd>{formatDate(result.registeredOn, lang)}</dd>
            </div>
            <div>
              <dt>{result.open ? t('cc.status.dueOn') : t('cc.status.dueOnClosed')}</dt>
              <dd>{formatDate(result.dueOn, lang)}</dd>
            </div>
            {result.handler && (
              <div>
                <dt>{t('cc.status.handler')}</dt>
                <dd>{result.handler}</dd>
              </div>
            )}
          </dl>
        )}
      </div>
    </section>
  );
}
