// The dashboard's query: its key starts with 'petitions', so every petition event the server pushes
// (lib/realtime.ts invalidates ['petitions']) refetches it; call events invalidate ['petitions', 'dashboard'].
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchDashboard, type Period } from './api';

export const dashboardKeys = {
  all: ['petitions', 'dashboard'] as const,
  period: (period: Period) => [...dashboardKeys.all, period.from ?? null, period.to ?? null] as const,
};

/** Clock states move at midnight without any event: a refetch every five minutes keeps a wall screen true. */
const REFRESH_MS = 5 * 60_000;

export function useDashboard(period: Period) {
  return useQuery({
    queryKey: dashboardKeys.period(period),
    queryFn: ({ signal }) => fetchDashboard(period, signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}
