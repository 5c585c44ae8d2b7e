import type { Message } from '../i18n';
import { formatTime } from '../i18n/format';
import { ApiError } from './api-client';

/** What to tell a citizen about a failed request, in words rather than codes. */
export function describeApiError(error: unknown): Message {
  if (!(error instanceof ApiError)) return { key: 'api.genericNoId' };
  if (error.code === 'network') return { key: 'api.network' };
  if (error.status === 429) {
    if (error.retryAfter == null) return { key: 'api.rateLimitedSoon' };
    // Both languages write the time 24-hour style, so the value does not depend on the language.
    return { key: 'api.rateLimited', vars: { time: formatTime(new Date(Date.now() + error.retryAfter * 1000), 'ro') } };
  }
  if (error.status === 502 || error.status === 503 || error.status === 504) return { key: 'api.unavailable' };
  switch (error.code) {
    case 'request.too_large':
    case 'attachments.too_large':
      return { key: 'api.tooLarge' };
    case 'request.unsupported_media_type':
    case 'attachments.type_not_allowed':
      return { key: 'api.unsupported' };
    case 'attachments.too_many':
      return { key: 'api.tooMany' };
    case 'idempotency.key_reused':
      return { key: 'api.keyReused' };
    case 'categories.not_found':
      return { key: 'api.category' };
  }
  return error.requestId ? { key: 'api.generic', vars: { requestId: error.requestId } } : { key: 'api.genericNoId' };
}
