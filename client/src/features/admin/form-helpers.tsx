// What the admin forms share: the server's refusals in words, next to the field or at the top, and a checkbox.
import { useState, type ReactNode } from 'react';
import { useT, type Message, type MessageKey } from '../../i18n';
import { ApiError } from '../../lib/api-client';
import { Flash, type FlashMessage } from '../staff/components/Flash';
import { describeStaffError, fieldIssueKey, serverFieldIssues } from '../staff/errors';
import { takeFlash } from '../staff/flash-store';

const ADMIN_ERRORS: Partial<Record<string, MessageKey>> = {
  'users.email_taken': 'admin.err.emailTaken',
  'users.self_lockout': 'admin.err.selfLockout',
  'users.not_found': 'admin.err.userNotFound',
  'departments.in_use': 'admin.err.departmentInUse',
  'departments.registry_locked': 'admin.err.registryLocked',
  'departments.code_taken': 'admin.err.departmentCodeTaken',
  'departments.not_found': 'admin.err.departmentNotFound',
  'admin.category_not_found': 'admin.err.categoryNotFound',
  'closed_days.conflict': 'admin.err.closedDayConflict',
  'closed_days.not_found': 'admin.err.closedDayNotFound',
  'auth.weak_password': 'admin.user.password.weak',
};

export function describeAdminError(error: unknown): Message {
  const key = error instanceof ApiError ? ADMIN_ERRORS[error.code] : undefined;
  return key ? { key } : describeStaffError(error);
}

/** The message next to a field: ours (client-side check) first, then the server's refusal of it. */
export function useFieldErrors(error: unknown, clientErrors: Partial<Record<string, MessageKey>>, messages: Partial<Record<string, MessageKey>> = {}) {
  const { t } = useT();
  const issues = serverFieldIssues(error);
  return (path: string): string | undefined => {
    const own = clientErrors[path];
    if (own) return t(own);
    const code = issues.get(path);
    return code === undefined ? undefined : t(messages[path] ?? fieldIssueKey(code));
  };
}

/** The page's message: what a previous page left (created), or the outcome of a save here. */
export function usePageFlash() {
  const [flash, setFlash] = useState<FlashMessage | null>(() => {
    const message = takeFlash();
    return message ? { kind: 'success', message, id: Date.now() } : null;
  });
  const show = (message: Message, kind: 'success' | 'error' = 'success') => setFlash({ kind, message, id: Date.now() });
  const element = <Flash flash={flash} onDismiss={() => setFlash(null)} />;
  return { show, element, clear: () => setFlash(null) };
}

export function Checkbox({ id, label, hint, checked, onChange }: { id: string; label: ReactNode; hint?: ReactNode; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="checkbox field">
      <input type="checkbox" id={id} name={id} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint radio__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A general error of a form (not tied to a field), announced. */
export function FormError({ error, shown }: { error: unknown; shown: boolean }) {
  const { tm } = useT();
  if (!shown) return null;
  return (
    <p className="notice notice--error" role="alert">
      {tm(describeAdminError(error))}
    </p>
  );
}

/** True when the error is one the form shows at the top rather than next to a field. */
export function isGeneralError(error: unknown, fieldPaths: string[]): boolean {
  if (!error) return false;
  const issues = serverFieldIssues(error);
  if (issues.size === 0) return true;
  return [...issues.keys()].some((p) => !fieldPaths.includes(p));
}
