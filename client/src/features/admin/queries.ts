import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateCategoryInput } from '../../../../shared/api/admin';
import { calendarKeys, directoryKeys, staffPetitionKeys } from '../staff/queries';
import {
  addClosedDay,
  createDepartment,
  createTemplate,
  createUser,
  deleteClosedDay,
  fetchAdminCategories,
  fetchAdminDepartments,
  fetchAdminTemplates,
  fetchClosedDays,
  fetchOutbox,
  fetchUsers,
  retryNotice,
  updateCategory,
  updateDepartment,
  updateTemplate,
  updateUser,
  type DepartmentUpdateBody,
  type OutboxFilter,
  type UserFilter,
  type UserUpdateBody,
} from './api';
import type { TemplateUpdateBody } from './schemas';

export const adminKeys = {
  all: ['admin'] as const,
  users: (filter: UserFilter) => [...adminKeys.all, 'users', filter] as const,
  departments: () => [...adminKeys.all, 'departments'] as const,
  categories: () => [...adminKeys.all, 'categories'] as const,
  closedDays: (year: number) => [...adminKeys.all, 'closed-days', year] as const,
  outbox: (filter: OutboxFilter) => [...adminKeys.all, 'outbox', filter] as const,
  templates: () => [...adminKeys.all, 'templates'] as const,
};

/** After any change: the admin lists, and the lists other staff pages pick from. */
function useInvalidateAdmin() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: adminKeys.all }), queryClient.invalidateQueries({ queryKey: directoryKeys.all })]);
}

export function useUsers(filter: UserFilter) {
  return useQuery({ queryKey: adminKeys.users(filter), queryFn: ({ signal }) => fetchUsers(filter, signal) });
}

export function useCreateUser() {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: createUser, onSuccess: invalidate });
}

export function useUpdateUser(id: string) {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: (body: UserUpdateBody) => updateUser(id, body), onSuccess: invalidate });
}

export function useAdminDepartments() {
  return useQuery({ queryKey: adminKeys.departments(), queryFn: ({ signal }) => fetchAdminDepartments(signal) });
}

export function useCreateDepartment() {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: createDepartment, onSuccess: invalidate });
}

export function useUpdateDepartment(code: string) {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: (body: DepartmentUpdateBody) => updateDepartment(code, body), onSuccess: invalidate });
}

export function useAdminCategories() {
  return useQuery({ queryKey: adminKeys.categories(), queryFn: ({ signal }) => fetchAdminCategories(signal) });
}

export function useUpdateCategory(code: string) {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: (body: UpdateCategoryInput) => updateCategory(code, body), onSuccess: invalidate });
}

export function useClosedDays(year: number) {
  return useQuery({ queryKey: adminKeys.closedDays(year), queryFn: ({ signal }) => fetchClosedDays(year, signal) });
}

/** A closed day moves due dates (never earlier): the calendar and every petition on screen refetch. */
function useInvalidateCalendar() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.all }),
      queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
      queryClient.invalidateQueries({ queryKey: staffPetitionKeys.all }),
    ]);
}

export function useAddClosedDay() {
  const invalidate = useInvalidateCalendar();
  return useMutation({ mutationFn: addClosedDay, onSuccess: invalidate });
}

export function useDeleteClosedDay() {
  const invalidate = useInvalidateCalendar();
  return useMutation({ mutationFn: deleteClosedDay, onSuccess: invalidate });
}

export function useOutbox(filter: OutboxFilter) {
  return useInfiniteQuery({
    queryKey: adminKeys.outbox(filter),
    queryFn: ({ pageParam, signal }) => fetchOutbox(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // While a notice on the page is still on its way (a retry, a backlog), its row follows it: every 5 s.
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some((i) => i.status === 'pending' || i.status === 'sending')) ? 5_000 : false),
  });
}

export function useRetryNotice() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: retryNotice, onSettled: () => queryClient.invalidateQueries({ queryKey: [...adminKeys.all, 'outbox'] }) });
}

export function useAdminTemplates() {
  return useQuery({ queryKey: adminKeys.templates(), queryFn: ({ signal }) => fetchAdminTemplates(signal) });
}

/** After a change the officers' filled-in lists are stale too. */
function useInvalidateTemplates() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: adminKeys.templates() }), queryClient.invalidateQueries({ queryKey: ['answer-templates'] })]);
}

export function useCreateTemplate() {
  const invalidate = useInvalidateTemplates();
  return useMutation({ mutationFn: createTemplate, onSuccess: invalidate });
}

export function useUpdateTemplate(id: string) {
  const invalidate = useInvalidateTemplates();
  return useMutation({ mutationFn: (body: TemplateUpdateBody) => updateTemplate(id, body), onSuccess: invalidate });
}
