// "Perioada de păstrare" (issue 6 §5): years after closing before the retention job anonymises a petition,
// one setting per register (P petitions, I information requests).
import { useState, type FormEvent } from 'react';
import { RETENTION_YEARS, type RetentionResponse } from '../../../../../shared/api/gdpr';
import { FormField } from '../../../components/FormField';
import { useT } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';
import { StaffPage } from '../../staff/components/StaffPage';
import { FormError, usePageFlash } from '../form-helpers';
import { useRetention, useUpdateRetention } from './api';
import { GdprTabs } from './GdprTabs';

const REGISTERS = ['P', 'I'] as const;
type Register = (typeof REGISTERS)[number];

export function RetentionPage() {
  const { t, tm } = useT();
  const retention = useRetention();
  return (
    <StaffPage title={t('gdpr.retention.title')}>
      <GdprTabs />
      <p className="lead">{t('gdpr.retention.intro')}</p>
      {retention.isPending && <p role="status">{t('common.loading')}</p>}
      {retention.isError && (
        <div className="notice notice--error" role="alert">
          <p>{tm({ key: 'staff.err.generic' })}</p>
          <button type="button" className="button button--secondary" onClick={() => void retention.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {retention.data && <RetentionForm data={retention.data} />}
    </StaffPage>
  );
}

function RetentionForm({ data }: { data: RetentionResponse }) {
  const { t, lang } = useT();
  const flash = usePageFlash();
  const save = useUpdateRetention();
  const current = (r: Register) => data.items.find((i) => i.register === r);
  const [values, setValues] = useState<Record<Register, string>>({ P: String(current('P')?.years ?? ''), I: String(current('I')?.years ?? '') });
  const [invalid, setInvalid] = useState<Partial<Record<Register, boolean>>>({});
  const range = { min: RETENTION_YEARS.min, max: RETENTION_YEARS.max };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = Object.fromEntries(REGISTERS.map((r) => [r, Number(values[r])])) as Record<Register, number>;
    const bad = Object.fromEntries(REGISTERS.map((r) => [r, !/^\d+$/.test(values[r].trim()) || parsed[r] < range.min || parsed[r] > range.max])) as Record<Register, boolean>;
    setInvalid(bad);
    const first = REGISTERS.find((r) => bad[r]);
    if (first) {
      document.getElementById(`retention-${first}`)?.focus();
      return;
    }
    if (save.isPending) return;
    save.mutate({ P: parsed.P, I: parsed.I }, { onSuccess: () => flash.show({ key: 'gdpr.retention.saved' }) });
  };

  const updated = (r: Register) => {
    const item = current(r);
    if (!item?.updatedAt) return t('gdpr.retention.default');
    return t('gdpr.retention.updated', { at: formatDateTime(item.updatedAt, lang), who: item.updatedBy?.name ?? t('common.none') });
  };

  return (
    <>
      {flash.element}
      <FormError error={save.error} shown={save.isError} />
      <form className="narrow-form panel" noValidate onSubmit={onSubmit} aria-label={t('gdpr.retention.title')}>
        {REGISTERS.map((r) => (
          <FormField
            key={r}
            id={`retention-${r}`}
            label={t(r === 'P' ? 'gdpr.retention.P' : 'gdpr.retention.I')}
            hint={
              <>
                {t('gdpr.retention.hint', range)} {updated(r)}
              </>
            }
            error={invalid[r] ? t('gdpr.retention.err', range) : undefined}
            required
          >
            {(c) => <input {...c} type="number" inputMode="numeric" min={range.min} max={range.max} step={1} value={values[r]} onChange={(e) => setValues((v) => ({ ...v, [r]: e.target.value }))} />}
          </FormField>
        ))}
        <button type="submit" className="button button--primary" aria-disabled={save.isPending || undefined}>
          {t('gdpr.retention.save')}
        </button>
      </form>
    </>
  );
}
