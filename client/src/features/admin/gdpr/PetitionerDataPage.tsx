// "Datele unui petent" (issue 6 §5, Legea 190/2018): the petitioner's data as a JSON file (the right of
// access), and their anonymisation (the right to erasure) after a confirmation that says it is final.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AnonymiseResponse } from '../../../../../shared/api/gdpr';
import { FormField } from '../../../components/FormField';
import { useT, type Message, type MessageKey } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { ApiError } from '../../../lib/api-client';
import { StaffPage } from '../../staff/components/StaffPage';
import { serverFieldIssues } from '../../staff/errors';
import { describeAdminError } from '../form-helpers';
import { useAnonymisePetitioner, useExportPetitioner, type Petitioner } from './api';
import { GdprTabs } from './GdprTabs';

type Errors = Partial<Record<'email' | 'phone', MessageKey>>;

function checkPetitioner(email: string, phone: string): Errors {
  if (!email && !phone) return { email: 'gdpr.person.err.required' };
  const errors: Errors = {};
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'gdpr.person.err.email';
  if (phone && phone.replace(/\D/g, '').length < 9) errors.phone = 'gdpr.person.err.phone';
  return errors;
}

function describe(error: unknown): Message {
  if (error instanceof ApiError && error.code === 'gdpr.not_found') return { key: 'gdpr.person.notFound' };
  return describeAdminError(error);
}

export function PetitionerDataPage() {
  const { t, tm } = useT();
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [confirming, setConfirming] = useState<Petitioner | null>(null);
  const [outcome, setOutcome] = useState<OutcomeValue>(null);
  const exporter = useExportPetitioner();
  const anonymise = useAnonymisePetitioner();

  const validate = (): Petitioner | null => {
    const who = { email: email.trim(), phone: phone.trim() };
    const found = checkPetitioner(who.email, who.phone);
    setErrors(found);
    const first = (['email', 'phone'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(`gdpr-${first}`)?.focus();
      return null;
    }
    return { ...(who.email ? { email: who.email } : {}), ...(who.phone ? { phone: who.phone } : {}) };
  };

  const onServerError = (error: unknown) => {
    const issues = serverFieldIssues(error);
    const fieldErrors: Errors = {};
    if (issues.has('email')) fieldErrors.email = 'gdpr.person.err.email';
    if (issues.has('phone')) fieldErrors.phone = 'gdpr.person.err.phone';
    if (fieldErrors.email || fieldErrors.phone) {
      setErrors(fieldErrors);
      setOutcome(null);
      document.getElementById(fieldErrors.email ? 'gdpr-email' : 'gdpr-phone')?.focus();
    } else setOutcome({ kind: 'error', message: describe(error) });
  };

  const onExport = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const who = validate();
    if (!who || exporter.isPending) return;
    setConfirming(null);
    exporter.mutate(who, { onSuccess: (file) => setOutcome({ kind: 'exported', file }), onError: onServerError });
  };

  const onAsk = () => {
    const who = validate();
    if (!who) return;
    setOutcome(null);
    setConfirming(who);
  };

  const onConfirm = () => {
    if (!confirming || anonymise.isPending) return;
    anonymise.mutate(confirming, {
      onSuccess: (result) => {
        setConfirming(null);
        setOutcome({ kind: 'anonymised', result });
      },
      onError: (error) => {
        setConfirming(null);
        onServerError(error);
      },
    });
  };

  return (
    <StaffPage title={t('gdpr.person.title')}>
      <GdprTabs />
      <p className="lead">{t('gdpr.person.intro')}</p>
      <form className="narrow-form panel" noValidate onSubmit={onExport} aria-label={t('gdpr.person.title')}>
        <FormField id="gdpr-email" label={t('gdpr.person.email')} error={errors.email && t(errors.email)}>
          {(c) => <input {...c} type="email" autoComplete="off" spellCheck={false} value={email} onChange={(e) => setEmail(e.target.value)} />}
        </FormField>
        <FormField id="gdpr-phone" label={t('gdpr.person.phone')} error={errors.phone && t(errors.phone)}>
          {(c) => <input {...c} type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />}
        </FormField>
        <div className="row-buttons">
          <button type="submit" className="button button--primary" aria-disabled={exporter.isPending || undefined}>
            {exporter.isPending ? t('gdpr.export.busy') : t('gdpr.export')}
          </button>
          <button type="button" className="button button--secondary" onClick={onAsk} aria-expanded={confirming !== null} aria-controls="gdpr-confirm">
            {t('gdpr.anonymise')}
          </button>
        </div>
      </form>
      <div id="gdpr-confirm">{confirming && <ConfirmAnonymise who={confirming} busy={anonymise.isPending} onConfirm={onConfirm} onCancel={() => setConfirming(null)} />}</div>
      <Outcome outcome={outcome} render={tm} />
    </StaffPage>
  );
}

function ConfirmAnonymise({ who, busy, onConfirm, onCancel }: { who: Petitioner; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useT();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="notice notice--warning gdpr-confirm" aria-labelledby="gdpr-confirm-title" data-testid="anonymise-confirm">
      <h2 id="gdpr-confirm-title" ref={ref} tabIndex={-1} className="notice__title">
        {t('gdpr.anonymise.confirmTitle')}
      </h2>
      <p>
        <strong>{t('gdpr.anonymise.who', { who: [who.email, who.phone].filter(Boolean).join(', ') })}</strong>
      </p>
      <p>{t('gdpr.anonymise.confirmText')}</p>
      <p>
        <strong>{t('gdpr.anonymise.irreversible')}</strong>
      </p>
      <div className="row-buttons">
        <button type="button" className="button button--primary gdpr-danger" onClick={onConfirm} aria-disabled={busy || undefined}>
          {busy ? t('gdpr.anonymise.busy') : t('gdpr.anonymise.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}

type OutcomeValue = { kind: 'exported'; file: string } | { kind: 'anonymised'; result: AnonymiseResponse } | { kind: 'error'; message: Message } | null;

function Outcome({ outcome, render }: { outcome: OutcomeValue; render: (m: Message) => string }) {
  const { t, lang } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) ref.current?.focus();
  }, [outcome]);
  if (!outcome) return null;
  if (outcome.kind === 'error') {
    return (
      <div ref={ref} tabIndex={-1} className="notice notice--error" role="alert" data-testid="gdpr-outcome">
        <p>{render(outcome.message)}</p>
      </div>
    );
  }
  if (outcome.kind === 'exported') {
    return (
      <div ref={ref} tabIndex={-1} className="notice notice--success" role="status" data-testid="gdpr-outcome">
        <p>{t('gdpr.export.done', { file: outcome.file })}</p>
      </div>
    );
  }
  const r = outcome.result;
  return (
    <div ref={ref} tabIndex={-1} className="notice notice--success" role="status" data-testid="gdpr-outcome">
      <h2 className="notice__title">{t('gdpr.anonymise.done')}</h2>
      <ul className="plain-list">
        <li>
          {t('gdpr.anonymise.petitions', { n: r.petitions.length })}
          {r.petitions.length > 0 && ` (${r.petitions.join(', ')})`}
        </li>
        <li>{t('gdpr.anonymise.calls', { n: r.calls })}</li>
        <li>{t('gdpr.anonymise.at', { at: formatDateTime(r.at, lang) })}</li>
      </ul>
    </div>
  );
}
