import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** What a control needs to be tied to its label, hint and error message. */
export type ControlProps = {
  id: string;
  name: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  required: boolean | undefined;
};

type Props = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  /** Ids of other elements that describe the control (a counter, a note). */
  describedBy?: string[];
  after?: ReactNode;
  children: (control: ControlProps) => ReactNode;
};

export function FormField({ id, label, hint, error, required, describedBy = [], after, children }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const ids = [hintId, errorId, ...describedBy].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id} className="label">
        {label}
        {required && <RequiredMark />}
      </label>
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
      {error && <FieldError id={errorId ?? ''} message={error} />}
      {children({ id, name: id, 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined, required })}
      {after}
    </div>
  );
}

// The asterisk is visual only; the `required` attribute tells assistive technology.
export function RequiredMark() {
  return (
    <span className="required-mark" aria-hidden="true">
      {' *'}
    </span>
  );
}

export function FieldError({ id, message }: { id: string; message: string }) {
  const { t } = useT();
  return (
    <p id={id} className="error-message">
      <span className="visually-hidden">{t('common.error')}: </span>
      {message}
    </p>
  );
}
