import { trackResponseSchema } from '../../../../shared/api/petitions';
import { apiRequest, apiRequestNoContent } from '../../lib/api-client';

export function fetchTracking(registrationNumber: string, trackingCode: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ code: trackingCode });
  return apiRequest(`/api/track/${encodeURIComponent(registrationNumber)}?${query}`, trackResponseSchema, { signal });
}

/** Always 202, whether or not the number exists: the answer must not reveal which numbers are real. */
export function resendTrackingCode(registrationNumber: string) {
  return apiRequestNoContent(`/api/track/${encodeURIComponent(registrationNumber)}/resend-code`, { method: 'POST' });
}
