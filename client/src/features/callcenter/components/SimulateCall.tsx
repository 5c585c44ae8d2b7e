// The demo's incoming call (issue 5 §6): the webhook's own path, offered only while Twilio is not configured.
import { useState, type FormEvent } from 'react';
import { normalizePhone } from '../../../../../shared/domain/phone';
import { FormField } from '../../../components/FormField';
import { useT, type Message } from '../../../i18n';
import { Checkbox } from '../../admin/form-helpers';
import { describeCallError } from '../errors';
import { formatPhone } from '../format';
import { useSimulateCall, useSimulationAvailable } from '../queries';
import type { SimulateResponse } from '../schemas';

export function SimulateCall() {
  const { t, tm } = useT();
  const available = useSimulationAvailable();
  const simulate = useSimulateCall();
  const [phone, setPhone] = useState('');
  const [anyHour, setAnyHour] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<{ message: Message; kind: 'success' | 'warning' | 'error' } | null>(null);

  // Twilio configured (or the question failed): real calls only, nothing to show.
  if (available.data !== true) return null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (simulate.isPending) return;
    const e164 = normalizePhone(phone);
    if (!e164) {
      setError(t('cc.sim.phone.invalid'));
      document.getElementById('sim-phone')?.focus();
      return;
    }
    setError(undefined);
    simulate.mutate(
      { phone: e164, ignoreOfficeHours: anyHour },
      {
        onSuccess: (r) => setResult(describeResult(r)),
        onError: (e) => setResult({ message: describeCallError(e), kind: 'error' }),
      },
    );
  };

  return (
    <section className="panel simulate" aria-labelledby="sim-title">
      <h2 id="sim-title">{t('cc.sim.title')}</h2>
      <p className="hint">{t('cc.sim.intro')}</p>
      <form className="simulate__form" noValidate onSubmit={onSubmit}>
        <FormField id="sim-phone" label={t('cc.sim.phone')} hint={t('cc.sim.phone.hint')} error={error} required>
          {(c) => <input {...c} type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />}
        </FormField>
        <Checkbox id="sim-any-hour" label={t('cc.sim.anyHour')} hint={t('cc.sim.anyHour.hint')} checked={anyHour} onChange={setAnyHour} />
        <button type="submit" className="button button--secondary" aria-disabled={simulate.isPending || undefined}>
          {t('cc.sim.submit')}
        </button>
      </form>
      <div role="status" className="simulate__result">
        {result && <p className={`notice notice--${result.kind}`}>{tm(result.message)}</p>}
      </div>
    </section>
  );
}

function describeResult(r: SimulateResponse): { message: Message; kind: 'success' | 'warning' } {
  const phone = r.call.phone ? formatPhone(r.call.phone) : '—';
  switch (r.mode) {
    case 'dial':
      return { message: { key: 'cc.sim.dial', vars: { phone, n: r.ringing.length } }, kind: 'success' };
    case 'no_agent':
      return { message: { key: 'cc.sim.noAgent', vars: { phone } }, kind: 'warning' };
    case 'closed':
      return { message: { key: 'cc.sim.closed', vars: { phone } }, kind: 'warning' };
  }
}
