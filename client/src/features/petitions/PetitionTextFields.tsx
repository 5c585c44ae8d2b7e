import { LIMITS } from '../../../../shared/api/petitions';
import { FormField } from '../../components/FormField';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import type { FormValues } from './form-values';
import type { FieldErrors } from './validation';

type Props = {
  values: FormValues;
  errors: FieldErrors;
  onChange: (field: 'locationAddress' | 'subject' | 'body', value: string) => void;
};

export function PetitionTextFields({ values, errors, onChange }: Props) {
  const { t, tm, lang } = useT();
  const error = (path: keyof FieldErrors) => (errors[path] ? tm(errors[path]) : undefined);
  const length = values.body.length;
  const over = length > LIMITS.body.max;

  return (
    <>
      <FormField id="locationAddress" label={t('form.location')} hint={t('form.location.hint')} error={error('location.address')}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            value={values.locationAddress}
            onChange={(e) => onChange('locationAddress', e.target.value)}
          />
        )}
      </FormField>
      <FormField id="subject" label={t('form.subject')} hint={t('form.subject.hint')} error={error('subject')} required>
        {(control) => (
          <input {...control} type="text" autoComplete="off" value={values.subject} onChange={(e) => onChange('subject', e.target.value)} />
        )}
      </FormField>
      <FormField
        id="body"
        label={t('form.body')}
        hint={t('form.body.hint')}
        error={error('body')}
        required
        describedBy={['body-counter']}
        after={
          // Not a live region: announcing every keystroke would drown the text being typed.
          <p id="body-counter" className={over ? 'counter counter--over' : 'counter'}>
            {t('form.body.counter', { count: formatNumber(length, lang), max: formatNumber(LIMITS.body.max, lang) })}
          </p>
        }
      >
        {(control) => <textarea {...control} rows={10} value={values.body} onChange={(e) => onChange('body', e.target.value)} />}
      </FormField>
    </>
  );
}
