// The staff API: session, queues, the petition page and its actions, and the lists forms pick from.
import { departmentsResponseSchema, directoryResponseSchema, institutionsResponseSchema, type StaffRole } from '../../../../shared/api/admin';
import { categoriesResponseSchema } from '../../../../shared/api/catalog';
import { listResponseSchema, type Queue } from '../../../../shared/api/staff-petitions';
import type { PetitionStatus } from '../../../../shared/domain/petition-codes';
import { ApiError, apiRequest, apiRequestNoContent } from '../../lib/api-client';
import { nonWorkingDaysSchema, petitionDetailSchema, petitionerSchema, sessionResponseSchema, type SessionUser } from './schemas';

/** The signed-in user, or null when there is no session (401). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    return (await apiRequest('/api/auth/me', sessionResponseSchema, { signal })).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(input: { email: string; password: string }): Promise<SessionUser> {
  return (await apiRequest('/api/auth/login', sessionResponseSchema, { json: input })).user;
}

export function signOut(): Promise<void> {
  return apiRequestNoContent('/api/auth/logout', { method: 'POST' });
}

export type ClockFilter = 'on_time' | 'at_risk' | 'breached' | 'paused';
/** The list filters the dashboard's numbers open (issue 6 §2), passed through as they are in the address. */
export const EXTRA_FILTERS = ['departmentCode', 'channel', 'categoryCode', 'registeredFrom', 'registeredTo', 'answeredFrom', 'answeredTo', 'open'] as const;
export type ExtraFilters = Partial<Record<(typeof EXTRA_FILTERS)[number], string>>;
export type QueueFilters = { queue: Queue; clock?: ClockFilter | undefined; status?: PetitionStatus | undefined; q?: string | undefined; extra?: ExtraFilters | undefined };

export const PAGE_SIZE = 25;

export function fetchQueue(filters: QueueFilters, cursor: string | null, signal?: AbortSignal) {
  const query = new URLSearchParams({ queue: filters.queue, limit: String(PAGE_SIZE) });
  if (filters.clock) query.set('clock', filters.clock);
  if (filters.status) query.set('status', filters.status);
  if (filters.q) query.set('q', filters.q);
  for (const [key, value] of Object.entries(filters.extra ?? {})) if (value) query.set(key, value);
  if (cursor) query.set('cursor', cursor);
  return apiRequest(`/api/petitions?${query}`, listResponseSchema, { signal });
}

const petitionPath = (id: string) => `/api/petitions/${encodeURIComponent(id)}`;

export function fetchPetition(id: string, signal?: AbortSignal) {
  return apiRequest(petitionPath(id), petitionDetailSchema, { signal });
}

/** GDPR: every call is logged by the server as a read of personal data; call it only on request. */
export function fetchPetitioner(id: string) {
  return apiRequest(`${petitionPath(id)}/petitioner`, petitionerSchema);
}

/** The actions of the petition page: each answers 204 (extend answers 200 with the new date; not needed). */
export type ActionRequest = { path: string; body: object };

export function postAction(id: string, { path, body }: ActionRequest): Promise<void> {
  return apiRequestNoContent(`${petitionPath(id)}/${path}`, { json: body });
}

export function fetchCategories(signal?: AbortSignal) {
  return apiRequest('/api/categories', categoriesResponseSchema, { signal });
}

export function fetchDepartments(signal?: AbortSignal) {
  return apiRequest('/api/departments', departmentsResponseSchema, { signal });
}

export function fetchInstitutions(signal?: AbortSignal) {
  return apiRequest('/api/institutions', institutionsResponseSchema, { signal });
}

export function fetchDirectory(filter: { departmentCode?: string | undefined; role?: StaffRole | undefined }, signal?: AbortSignal) {
  const query = new URLSearchParams();
  if (filter.departmentCode) query.set('departmentCode', filter.departmentCode);
  if (filter.role) query.set('role', filter.role);
  return apiRequest(`/api/users?${query}`, directoryResponseSchema, { signal });
}

export function fetchNonWorkingDays(year: number, signal?: AbortSignal) {
  return apiRequest(`/api/calendar/non-working-days?year=${year}`, nonWorkingDaysSchema, { signal });
}
