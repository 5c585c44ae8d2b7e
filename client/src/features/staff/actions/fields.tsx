// The controls of the action forms, tied to their label, hint and error through FormField.
import type { ReactNode } from 'react';
import { FormField } from '../../../components/FormField';
import type { Fields } from './ActionForm';

type Base = { fields: Fields; path: string; label: ReactNode; hint?: ReactNode; required?: boolean };

export type Option = { value: string; label: string };

export function SelectField({ fields, path, label, hint, required, value, onChange, options, placeholder }: Base & {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  placeholder: string;
}) {
  return (
    <FormField id={fields.id(path)} label={label} hint={hint} error={fields.error(path)} required={required}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{placeholder}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

export function TextAreaField({ fields, path, label, hint, required, value, onChange, rows = 4, maxLength }: Base & {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <FormField id={fields.id(path)} label={label} hint={hint} error={fields.error(path)} required={required}>
      {(control) => <textarea {...control} className="textarea--short" rows={rows} maxLength={maxLength} value={value} onChange={(e) => onChange(e.target.value)} />}
    </FormField>
  );
}

export function InputField({ fields, path, label, hint, required, value, onChange, type = 'text', list, min, max, className, autoComplete = 'off' }: Base & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date';
  list?: string | undefined;
  min?: string | undefined;
  max?: string | undefined;
  className?: string;
  autoComplete?: string;
}) {
  return (
    <FormField id={fields.id(path)} label={label} hint={hint} error={fields.error(path)} required={required}>
      {(control) => (
        <input
          {...control}
          type={type}
          className={className}
          list={list}
          min={min}
          max={max}
          autoComplete={autoComplete}
          spellCheck={type === 'text' ? false : undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}
