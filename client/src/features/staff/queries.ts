// TanStack Query keys and hooks of the staff pages. Petition keys start with 'petitions' so that the live
// updates (lib/realtime.ts invalidates ['petitions']) refresh queues and the open petition page.
import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { StaffRole } from '../../../../shared/api/admin';
import { createLegalCalendar, type LegalCalendar } from '../../../../shared/domain/calendar';
import {
  fetchCategories,
  fetchDepartments,
  fetchDirectory,
  fetchInstitutions,
  fetchNonWorkingDays,
  fetchPetition,
  fetchPetitioner,
  fetchQueue,
  fetchSession,
  postAction,
  signIn,
  signOut,
  type ActionRequest,
  type QueueFilters,
} from './api';
import type { SessionUser } from './schemas';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const sessionKeys = {
  all: ['session'] as const,
  me: () => [...sessionKeys.all, 'me'] as const,
};

export const staffPetitionKeys = {
  all: ['petitions', 'staff'] as const,
  lists: () => [...staffPetitionKeys.all, 'list'] as const,
  list: (filters: QueueFilters) => [...staffPetitionKeys.lists(), filters] as const,
  details: () => [...staffPetitionKeys.all, 'detail'] as const,
  detail: (id: string) => [...staffPetitionKeys.details(), id] as const,
};

export const directoryKeys = {
  all: ['directory'] as const,
  categories: () => [...directoryKeys.all, 'categories'] as const,
  departments: () => [...directoryKeys.all, 'departments'] as const,
  institutions: () => [...directoryKeys.all, 'institutions'] as const,
  users: (filter: { departmentCode?: string | undefined; role?: StaffRole | undefined }) => [...directoryKeys.all, 'users', filter] as const,
};

export const calendarKeys = {
  all: ['calendar'] as const,
  nonWorkingDays: (year: number) => [...calendarKeys.all, 'non-working-days', year] as const,
};

export function useSession() {
  return useQuery({ queryKey: sessionKeys.me(), queryFn: ({ signal }) => fetchSession(signal), staleTime: 5 * MINUTE, retry: false });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (user) => queryClient.setQueryData<SessionUser | null>(sessionKeys.me(), user),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      // Nothing of the session stays in memory: petitions and personal data go with it.
      queryClient.setQueryData<SessionUser | null>(sessionKeys.me(), null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
      queryClient.getMutationCache().clear(); // revealed petitioner data lives in mutation results
    },
  });
}

export function useQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: staffPetitionKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchQueue(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function usePetition(id: string) {
  return useQuery({ queryKey: staffPetitionKeys.detail(id), queryFn: ({ signal }) => fetchPetition(id, signal) });
}

/** A mutation, not a query: the personal data is read once per click (each read is logged) and never cached. */
export function useRevealPetitioner(id: string) {
  return useMutation({ mutationFn: () => fetchPetitioner(id) });
}

export function usePetitionAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ActionRequest) => postAction(id, request),
    // Waiting for the refetch keeps the button busy until the page shows the new state.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffPetitionKeys.all }),
  });
}

export function useRefreshPetitions() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: staffPetitionKeys.all });
}

export function useCategoryNames() {
  return useQuery({ queryKey: directoryKeys.categories(), queryFn: ({ signal }) => fetchCategories(signal), staleTime: HOUR });
}

export function useDepartments() {
  return useQuery({ queryKey: directoryKeys.departments(), queryFn: ({ signal }) => fetchDepartments(signal), staleTime: HOUR });
}

export function useInstitutions() {
  return useQuery({ queryKey: directoryKeys.institutions(), queryFn: ({ signal }) => fetchInstitutions(signal), staleTime: HOUR });
}

export function useDirectory(filter: { departmentCode?: string | undefined; role?: StaffRole | undefined }, enabled = true) {
  return useQuery({
    queryKey: directoryKeys.users(filter),
    queryFn: ({ signal }) => fetchDirectory(filter, signal),
    staleTime: 5 * MINUTE,
    enabled,
  });
}

/**
 * The legal calendar of this year and the next (legal holidays and the administrator's closed days), for
 * counting working days on screen; null until both years are loaded.
 */
export function useWorkingCalendar(today: string): LegalCalendar | null {
  const year = Number(today.slice(0, 4));
  const results = useQueries({
    queries: [year, year + 1].map((y) => ({
      queryKey: calendarKeys.nonWorkingDays(y),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchNonWorkingDays(y, signal),
      staleTime: HOUR,
    })),
  });
  const [thisYear, nextYear] = results.map((r) => r.data);
  return useMemo(() => {
    if (!thisYear || !nextYear) return null;
    const days = [...thisYear, ...nextYear].map((d) => ({ date: d.date, name: { ro: d.name, en: d.nameEn ?? d.name } }));
    return createLegalCalendar(days);
  }, [thisYear, nextYear]);
}
