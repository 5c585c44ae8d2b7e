// What to tell staff about a failed request, in words rather than codes (the shared error shape of DESIGN.md).
import type { Message, MessageKey } from '../../i18n';
import { formatTime } from '../../i18n/format';
import { ApiError } from '../../lib/api-client';

export function describeStaffError(error: unknown): Message {
  if (!(error instanceof ApiError)) return { key: 'staff.err.generic' };
  if (error.code === 'network') return { key: 'staff.err.network' };
  if (error.status === 429) {
    if (error.retryAfter == null) return { key: 'staff.err.rateLimitedSoon' };
    return { key: 'staff.err.rateLimited', vars: { time: formatTime(new Date(Date.now() + error.retryAfter * 1000), 'ro') } };
  }
  if (error.status === 502 || error.status === 503 || error.status === 504) return { key: 'api.unavailable' };
  if (error.status === 401) return { key: 'staff.err.session' };
  if (error.status === 403) return { key: 'staff.err.forbidden' };
  if (error.code === 'petitions.conflict') return { key: 'staff.err.conflict' };
  if (error.status === 404) return { key: 'staff.err.notFound' };
  if (error.status === 409) return { key: 'staff.err.conflictGeneric' };
  if (error.status === 400) return { key: 'staff.err.invalid' };
  return error.requestId ? { key: 'api.generic', vars: { requestId: error.requestId } } : { key: 'api.genericNoId' };
}

/** A field the server refused, by the zod issue code (the server's own message is English, for logs). */
export function fieldIssueKey(code: string): MessageKey {
  switch (code) {
    case 'too_small':
      return 'staff.field.tooShort';
    case 'too_big':
      return 'staff.field.tooLong';
    case 'invalid_format':
    case 'invalid_string':
      return 'staff.field.format';
    case 'invalid_value':
    case 'invalid_enum_value':
      return 'staff.field.choose';
    case 'required':
      return 'staff.field.required';
    case 'taken':
      return 'staff.field.taken';
    case 'not_found':
      return 'staff.field.notFound';
    case 'not_allowed':
      return 'staff.field.notAllowed';
    case 'too_weak':
      return 'admin.user.password.weak';
    case 'not_subordinate':
      return 'admin.user.department.notSubordinate';
    case 'cycle':
      return 'admin.user.manager.cycle';
    case 'needs_days':
      return 'admin.category.counting.needsDays';
    default:
      return 'staff.field.invalid';
  }
}

/** The server's failing fields (a 400, or a 409 such as an e-mail already taken), path → issue code. */
export function serverFieldIssues(error: unknown): Map<string, string> {
  if (!(error instanceof ApiError) || error.status < 400 || error.status >= 500) return new Map();
  return new Map(error.fields.map((f) => [f.path, f.code]));
}

/** Moves the focus to a form control by id, or to the first radio of a group of that name. */
export function focusControl(id: string): void {
  const control = document.getElementById(id) ?? document.querySelector<HTMLElement>(`[name="${CSS.escape(id)}"]`);
  control?.focus();
}
