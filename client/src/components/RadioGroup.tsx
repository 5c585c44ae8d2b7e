import type { ReactNode } from 'react';
import { FieldError, RequiredMark } from './FormField';

export type RadioOption<V extends string> = { value: V; label: ReactNode; hint?: ReactNode };

type Props<V extends string> = {
  name: string;
  legend: ReactNode;
  options: RadioOption<V>[];
  value: V | '';
  onChange: (value: V) => void;
  error?: string | undefined;
  required?: boolean;
};

/** Radio buttons in a fieldset; the radio ids are `${name}-${value}` so an error summary can link to the first. */
export function RadioGroup<V extends string>({ name, legend, options, value, onChange, error, required }: Props<V>) {
  const errorId = `${name}-error`;
  return (
    <fieldset className={error ? 'field fieldset field--error' : 'field fieldset'} aria-describedby={error ? errorId : undefined}>
      <legend className="label">
        {legend}
        {required && <RequiredMark />}
      </legend>
      {error && <FieldError id={errorId} message={error} />}
      <div className="radios">
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <div className="radio" key={option.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.hint ? `${id}-hint` : undefined}
                required={required}
              />
              <label htmlFor={id}>{option.label}</label>
              {option.hint && (
                <p id={`${id}-hint`} className="hint radio__hint">
                  {option.hint}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
