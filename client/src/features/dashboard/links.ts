// Where each number of the dashboard leads: the staff list (/personal/petitii) filtered to exactly the
// petitions it counts (the server's list filters, shared/api/staff-petitions.ts).
import type { DashboardClockState } from '../../../../shared/api/dashboard';
import { staffPaths } from '../staff/paths';

type ListFilters = {
  departmentCode?: string | null | undefined;
  clock?: DashboardClockState | undefined;
  open?: boolean;
  channel?: string | undefined;
  categoryCode?: string | undefined;
  registeredFrom?: string | undefined;
  registeredTo?: string | undefined;
  answeredFrom?: string | undefined;
  answeredTo?: string | undefined;
};

export function listUrl(f: ListFilters): string {
  const q = new URLSearchParams({ queue: 'all' });
  // null: the petitions without a department (to forward, or waiting for the registry).
  if (f.departmentCode !== undefined) q.set('departmentCode', f.departmentCode ?? 'none');
  if (f.clock) q.set('clock', f.clock);
  if (f.open) q.set('open', '1');
  for (const key of ['channel', 'categoryCode', 'registeredFrom', 'registeredTo', 'answeredFrom', 'answeredTo'] as const) {
    const value = f[key];
    if (value) q.set(key, value);
  }
  return `${staffPaths.queues}?${q}`;
}

export const DASHBOARD_PATH = '/personal/panou';
