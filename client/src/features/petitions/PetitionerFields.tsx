import { FormField } from '../../components/FormField';
import { RadioGroup } from '../../components/RadioGroup';
import { useT } from '../../i18n';
import type { FieldErrors } from './validation';
import type { FormValues, PetitionerKind } from './form-values';

type Props = {
  values: FormValues;
  errors: FieldErrors;
  onChange: <K extends keyof FormValues>(field: K, value: FormValues[K]) => void;
};

type TextField = { field: 'firstName' | 'lastName' | 'organizationName' | 'email' | 'phone' | 'address'; path: keyof FieldErrors };

export function PetitionerFields({ values, errors, onChange }: Props) {
  const { t, tm } = useT();
  const error = (path: keyof FieldErrors) => (errors[path] ? tm(errors[path]) : undefined);
  const input = ({ field, path }: TextField, type: string, autoComplete: string, hint?: string) => (
    <FormField id={field} label={t(`form.${field}`)} hint={hint} error={error(path)}>
      {(control) => (
        <input
          {...control}
          type={type}
          autoComplete={autoComplete}
          spellCheck={false}
          value={values[field]}
          onChange={(e) => onChange(field, e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <>
      <RadioGroup<PetitionerKind>
        name="petitionerKind"
        legend={t('form.kind.legend')}
        value={values.petitionerKind}
        onChange={(kind) => onChange('petitionerKind', kind)}
        error={error('petitioner.kind')}
        options={[
          { value: 'person', label: t('form.kind.person') },
          { value: 'organization', label: t('form.kind.organization') },
        ]}
      />
      {values.petitionerKind === 'person' ? (
        <div className="field-row">
          {input({ field: 'firstName', path: 'petitioner.firstName' }, 'text', 'given-name')}
          {input({ field: 'lastName', path: 'petitioner.lastName' }, 'text', 'family-name')}
        </div>
      ) : (
        input({ field: 'organizationName', path: 'petitioner.organizationName' }, 'text', 'organization')
      )}
      {input({ field: 'email', path: 'petitioner.email' }, 'email', 'email', t('form.email.hint'))}
      {input({ field: 'phone', path: 'petitioner.phone' }, 'tel', 'tel', t('form.phone.hint'))}
      {input({ field: 'address', path: 'petitioner.address' }, 'text', 'street-address', t('form.address.hint'))}
      {/* OG 27/2002 art. 7: anonymous petitions are registered but not answered. */}
      <div className="notice notice--warning">
        <h3 className="notice__title">{t('form.art7.title')}</h3>
        <p>{t('form.art7')}</p>
      </div>
    </>
  );
}
