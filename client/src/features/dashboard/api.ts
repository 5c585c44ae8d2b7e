// GET /api/dashboard, parsed with the shared schema.
import { dashboardResponseSchema } from '../../../../shared/api/dashboard';
import { apiRequest } from '../../lib/api-client';

export type Period = { from?: string | undefined; to?: string | undefined };

export function fetchDashboard(period: Period, signal?: AbortSignal) {
  const query = new URLSearchParams();
  if (period.from) query.set('from', period.from);
  if (period.to) query.set('to', period.to);
  const qs = query.toString();
  return apiRequest(`/api/dashboard${qs ? `?${qs}` : ''}`, dashboardResponseSchema, { signal });
}
