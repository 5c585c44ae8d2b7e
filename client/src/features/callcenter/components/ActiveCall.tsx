// The call the agent is on: who is calling, the call form (reason, notes, outcome, the petitions it
// touched), a petition registered for the caller, and "end the call", which logs it all (issue 5 §3, §4).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CallDto, CallerResponse } from '../../../../../shared/api/calls';
import type { CallIncomingEvent } from '../../../../../shared/api/socket-events';
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES, type CallOutcome } from '../../../../../shared/domain/calls';
import { parseRegistrationNumber } from '../../../../../shared/domain/registration-number';
import { FormField } from '../../../components/FormField';
import { RadioGroup } from '../../../components/RadioGroup';
import { useT, type Message, type MessageKey } from '../../../i18n';
import { formatTime } from '../../../i18n/format';
import { ApiError } from '../../../lib/api-client';
import { hangUpCall, lookUpCaller, updateCall, type CallUpdate } from '../api';
import { describeCallError } from '../errors';
import { formatDuration, formatPhone } from '../format';
import { callKeys, useReasons } from '../queries';
import { CallerFacts } from './CallerFacts';
import { PhonePetitionForm } from './PhonePetitionForm';

type Facts = Pick<CallerResponse, 'name' | 'calls' | 'petitions'>;

type Props = {
  call: CallDto;
  /** What the screen pop brought; null after a reload (the agent may look the number up). */
  facts: CallIncomingEvent | null;
  /** Registering petitions for callers is the agents' (the server refuses other roles). */
  canRegister: boolean;
  onEnded: (message: Message) => void;
};

type Errors = Partial<Record<'reason' | 'outcome' | 'petitions' | 'extra', MessageKey>>;

export function ActiveCall({ call, facts: popped, canRegister, onEnded }: Props) {
  const { t, tm, lang } = useT();
  const queryClient = useQueryClient();
  const reasons = useReasons();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [looked, setFacts] = useState<Facts | null>(null);
  // The pop's facts may arrive after the first render (the answer's refetch can mount this first).
  const facts = looked ?? popped;
  const [factsError, setFactsError] = useState<Message | null>(null);
  const [reason, setReason] = useState(call.reason ?? '');
  const [notes, setNotes] = useState(call.notes ?? '');
  const [outcome, setOutcome] = useState<CallOutcome | ''>(call.outcome ?? '');
  /** Registration numbers to link, beyond those the call has already. */
  const [linked, setLinked] = useState<string[]>([]);
  const [extra, setExtra] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<Message | null>(null);
  const [saved, setSaved] = useState<Message | null>(null);
  const [busy, setBusy] = useState<'save' | 'end' | 'link' | 'lookup' | null>(null);
  const [petitionOpen, setPetitionOpen] = useState(false);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const number = call.phone ? formatPhone(call.phone) : t('cc.hiddenNumber');
  const savedNumbers = call.petitions.map((p) => p.registrationNumber);
  const allLinked = [...new Set([...savedNumbers, ...linked])];
  const since = call.answeredAt ?? call.startedAt;

  const toggle = (n: string, on: boolean) => setLinked((l) => (on ? [...new Set([...l, n])] : l.filter((x) => x !== n)));

  const addExtra = () => {
    const parsed = parseRegistrationNumber(extra);
    if (!parsed) {
      setErrors((e) => ({ ...e, extra: 'cc.form.extra.invalid' }));
      document.getElementById('call-extra')?.focus();
      return;
    }
    setErrors(({ extra: _gone, ...e }) => e);
    toggle(parsed.normalized, true);
    setExtra('');
  };

  const body = (): CallUpdate => ({
    ...(reason ? { reason } : {}),
    notes,
    ...(outcome ? { outcome } : {}),
    ...(linked.length ? { registrationNumbers: linked } : {}),
  });

  const serverFieldErrors = (error: unknown): Errors => {
    if (!(error instanceof ApiError)) return {};
    const found: Errors = {};
    for (const f of error.fields) {
      if (f.path === 'reason') found.reason = 'cc.form.reason.invalid';
      if (f.path.startsWith('registrationNumbers')) found.petitions = f.code === 'required' ? 'cc.form.petitions.required' : 'cc.form.petitions.unknown';
    }
    return found;
  };

  const save = async () => {
    if (busy) return;
    setBusy('save');
    setServerError(null);
    setSaved(null);
    try {
      await updateCall(call.id, body());
      setLinked([]);
      setSaved({ key: 'cc.form.saved' });
      await queryClient.invalidateQueries({ queryKey: callKeys.all });
    } catch (error) {
      setErrors(serverFieldErrors(error));
      setServerError(describeCallError(error));
    } finally {
      setBusy(null);
    }
  };

  const end = async () => {
    if (busy) return;
    const found: Errors = {};
    if (!reason) found.reason = 'cc.form.reason.required';
    if (!outcome) found.outcome = 'cc.form.outcome.required';
    if (outcome === 'petition_registered' && allLinked.length === 0) found.petitions = 'cc.form.petitions.required';
    setErrors(found);
    setSaved(null);
    const first = (['reason', 'outcome', 'petitions'] as const).find((k) => found[k]);
    if (first) {
      document.getElementById(first === 'outcome' ? `outcome-${CALL_OUTCOMES[0]}` : first === 'petitions' ? 'call-extra' : 'call-reason')?.focus();
      return;
    }
    setBusy('end');
    setServerError(null);
    try {
      if (call.viaTwilio) {
        // Twilio reports the end itself; the agent's end time must not be before the answer (clock skew).
        const endedAt = new Date(Math.max(Date.now(), new Date(since).getTime() + 1000)).toISOString();
        await updateCall(call.id, { ...body(), endedAt });
      } else {
        await updateCall(call.id, body());
        try {
          await hangUpCall(call.id);
        } catch (error) {
          // Ended meanwhile (the supervisor, another tab): the log is saved, which is what matters.
          if (!(error instanceof ApiError && error.code === 'calls.conflict')) throw error;
        }
      }
      queryClient.setQueryData(callKeys.current(), null);
      await queryClient.invalidateQueries({ queryKey: callKeys.all });
      onEnded({ key: 'cc.form.ended', vars: { phone: number, outcome: outcome ? CALL_OUTCOME_LABELS[outcome][lang] : '' } });
    } catch (error) {
      setErrors(serverFieldErrors(error));
      setServerError(describeCallError(error));
    } finally {
      setBusy(null);
    }
  };

  const onRegistered = (registrationNumber: string, categoryCode: string) => {
    toggle(registrationNumber, true);
    setOutcome('petition_registered');
    const categoryReason = reasons.data?.find((r) => r.code === categoryCode)?.code;
    if (!reason) setReason(categoryReason ?? 'petitie_noua');
    // Linked at once: the petition belongs to this call even if the call is never ended from here.
    setBusy('link');
    updateCall(call.id, { registrationNumbers: [registrationNumber], outcome: 'petition_registered' })
      .then(() => {
        setLinked((l) => l.filter((x) => x !== registrationNumber));
        return queryClient.invalidateQueries({ queryKey: callKeys.all });
      })
      .catch((error: unknown) => setServerError(describeCallError(error)))
      .finally(() => setBusy(null));
  };

  const lookUp = async () => {
    if (!call.phone || busy) return;
    setBusy('lookup');
    setFactsError(null);
    try {
      const found = await lookUpCaller(call.phone);
      setFacts({ ...found, calls: found.calls.filter((c) => c.id !== call.id) });
    } catch (error) {
      setFactsError(describeCallError(error));
    } finally {
      setBusy(null);
    }
  };

  const unlinkedCallerPetitions = (facts?.petitions ?? []).filter((p) => !savedNumbers.includes(p.registrationNumber));
  const general = reasons.data?.filter((r) => r.categoryCode === null) ?? [];
  const categories = reasons.data?.filter((r) => r.categoryCode !== null) ?? [];

  return (
    <section className="active-call" aria-labelledby="active-call-title" data-testid="active-call">
      <h2 id="active-call-title" ref={headingRef} tabIndex={-1}>
        {t('cc.call.title')}: <span className="mono">{number}</span>
      </h2>
      <p className="active-call__meta">
        {facts?.name ? <strong>{facts.name}</strong> : t('cc.pop.unknown')}
        {' · '}
        {t('cc.call.since', { time: formatTime(new Date(since), lang) })}
        {' · '}
        <Elapsed since={since} />
      </p>

      <div className="active-call__layout">
        <div className="active-call__main">
          <section className="panel" aria-labelledby="call-form-title">
            <h3 id="call-form-title">{t('cc.form.title')}</h3>
            {serverError && (
              <p className="notice notice--error" role="alert">
                {tm(serverError)}
              </p>
            )}
            <FormField id="call-reason" label={t('cc.form.reason')} error={errors.reason ? t(errors.reason) : undefined} required>
              {(c) => (
                <select {...c} value={reason} onChange={(e) => setReason(e.target.value)} aria-busy={reasons.isPending || undefined}>
                  <option value="">{reasons.isPending ? t('common.loading') : t('common.choose')}</option>
                  <optgroup label={t('cc.form.reason.general')}>
                    {general.map((r) => (
                      <option key={r.code} value={r.code}>
                        {r.label}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={t('cc.form.reason.categories')}>
                    {categories.map((r) => (
                      <option key={r.code} value={r.code}>
                        {r.label}
                      </option>
                    ))}
                  </optgroup>
                </select>
              )}
            </FormField>
            <FormField id="call-notes" label={t('cc.form.notes')} hint={t('cc.form.notes.hint')}>
              {(c) => <textarea {...c} className="textarea--short" rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />}
            </FormField>
            <RadioGroup<CallOutcome>
              name="outcome"
              legend={t('cc.form.outcome')}
              value={outcome}
              onChange={setOutcome}
              error={errors.outcome ? t(errors.outcome) : undefined}
              required
              options={CALL_OUTCOMES.map((o) => ({ value: o, label: CALL_OUTCOME_LABELS[o][lang] }))}
            />
            <fieldset className={errors.petitions ? 'field fieldset field--error' : 'field fieldset'} aria-describedby={errors.petitions ? 'call-petitions-error' : undefined}>
              <legend className="label">{t('cc.form.petitions')}</legend>
              {errors.petitions && (
                <p id="call-petitions-error" className="error-message">
                  {t(errors.petitions)}
                </p>
              )}
              {allLinked.length > 0 ? (
                <ul className="plain-list" data-testid="call-petitions">
                  {allLinked.map((n) => (
                    <li key={n}>
                      <span className="mono">{n}</span> {savedNumbers.includes(n) ? <span className="tag tag--success">{t('cc.form.petitions.linked')}</span> : <span className="tag">{t('cc.form.petitions.toLink')}</span>}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('cc.form.petitions.none')}</p>
              )}
              {unlinkedCallerPetitions.map((p) => (
                <div className="checkbox" key={p.id}>
                  <input type="checkbox" id={`touch-${p.id}`} checked={linked.includes(p.registrationNumber)} onChange={(e) => toggle(p.registrationNumber, e.target.checked)} />
                  <label htmlFor={`touch-${p.id}`}>
                    {t('cc.form.petitions.touched', { number: p.registrationNumber, status: p.statusLabel[lang] })}
                  </label>
                </div>
              ))}
              <div className="inline-add">
                <FormField id="call-extra" label={t('cc.form.extra')} hint={t('cc.form.extra.hint')} error={errors.extra ? t(errors.extra) : undefined}>
                  {(c) => (
                    <input
                      {...c}
                      type="text"
                      className="input--code"
                      autoComplete="off"
                      value={extra}
                      onChange={(e) => setExtra(e.target.value)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          addExtra();
                        }
                      }}
                    />
                  )}
                </FormField>
                <button type="button" className="button button--secondary" onClick={addExtra}>
                  {t('cc.form.extra.add')}
                </button>
              </div>
            </fieldset>
            <div className="actions">
              <button type="button" className="button button--primary button--large" onClick={() => void end()} aria-disabled={busy !== null || undefined}>
                {busy === 'end' ? t('cc.form.ending') : t('cc.form.end')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => void save()} aria-disabled={busy !== null || undefined}>
                {busy === 'save' ? t('cc.form.saving') : t('cc.form.save')}
              </button>
            </div>
            <div role="status">{saved && <p className="notice notice--success">{tm(saved)}</p>}</div>
          </section>

          {canRegister && (
            <section className="panel" aria-labelledby="phone-petition-title">
              <h3 id="phone-petition-title">{t('cc.petition.title')}</h3>
              {petitionOpen ? (
                <PhonePetitionForm
                  callerPhone={call.phone}
                  onRegistered={(r, category) => onRegistered(r.registrationNumber, category)}
                  onClose={() => {
                    setPetitionOpen(false);
                    requestAnimationFrame(() => document.getElementById('open-phone-petition')?.focus());
                  }}
                />
              ) : (
                <>
                  <p className="hint">{t('cc.petition.intro')}</p>
                  <button type="button" id="open-phone-petition" className="button button--primary" aria-expanded="false" onClick={() => setPetitionOpen(true)}>
                    {t('cc.petition.open')}
                  </button>
                </>
              )}
            </section>
          )}
        </div>

        <aside className="active-call__side" aria-labelledby="caller-title">
          <section className="panel">
            <h3 id="caller-title">{t('cc.call.caller')}</h3>
            {facts ? (
              <CallerFacts petitions={facts.petitions} calls={facts.calls} level={4} />
            ) : (
              <Lookup busy={busy === 'lookup'} error={factsError} onLookUp={() => void lookUp()} disabled={!call.phone}>
                {t('cc.call.lookUp', { phone: number })}
              </Lookup>
            )}
          </section>
        </aside>
      </div>
    </section>
  );
}

function Lookup({ busy, error, onLookUp, disabled, children }: { busy: boolean; error: Message | null; onLookUp: () => void; disabled: boolean; children: ReactNode }) {
  const { t, tm } = useT();
  return (
    <>
      <p className="hint">{t('cc.call.lookUp.hint')}</p>
      {error && (
        <p className="notice notice--error" role="alert">
          {tm(error)}
        </p>
      )}
      <button type="button" className="button button--secondary" onClick={onLookUp} disabled={disabled} aria-disabled={busy || undefined}>
        {children}
      </button>
    </>
  );
}

/** The call's running duration, once a second (not a live region: it would talk every second). */
function Elapsed({ since }: { since: string }) {
  const { t } = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span>{t('cc.call.elapsed', { duration: formatDuration((now - new Date(since).getTime()) / 1000) })}</span>;
}
