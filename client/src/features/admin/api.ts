// The administrator's API (shared/api/admin.ts, shared/api/clocks.ts): users, departments, categories and
// the calendar of extra closed days, the outbox and the answer templates.
import {
  adminCategoriesResponseSchema,
  adminCategoryResponseSchema,
  adminDepartmentResponseSchema,
  adminDepartmentsResponseSchema,
  adminUserResponseSchema,
  adminUsersResponseSchema,
  type StaffRole,
  type UpdateCategoryInput,
} from '../../../../shared/api/admin';
import { addClosedDayResponseSchema, closedDaysResponseSchema, deleteClosedDayResponseSchema } from '../../../../shared/api/clocks';
import { outboxItemSchema, outboxListSchema, type OutboxQuery } from '../../../../shared/api/outbox';
import { z } from 'zod';
import { apiRequest } from '../../lib/api-client';
import { adminTemplateResponseSchema, adminTemplatesResponseSchema, type TemplateCreateBody, type TemplateUpdateBody } from './schemas';

export type UserFilter = { role?: StaffRole | undefined; departmentCode?: string | undefined; q?: string | undefined; active?: boolean | undefined };

/** What the forms send; the server normalises (trims, upper-cases codes, E.164 phones). */
export type UserCreateBody = {
  email: string;
  name: string;
  role: StaffRole;
  departmentCode: string | null;
  managerId: string | null;
  jobTitle: string | null;
  phone: string | null;
  password: string;
};
export type UserUpdateBody = Partial<Omit<UserCreateBody, 'email'>> & { active?: boolean };
export type DepartmentCreateBody = { code: string; name: string; kind: 'internal' | 'subordinate' };
export type DepartmentUpdateBody = { name?: string; kind?: 'internal' | 'subordinate'; active?: boolean };

export function fetchUsers(filter: UserFilter, signal?: AbortSignal) {
  const query = new URLSearchParams();
  if (filter.role) query.set('role', filter.role);
  if (filter.departmentCode) query.set('departmentCode', filter.departmentCode);
  if (filter.q) query.set('q', filter.q);
  if (filter.active !== undefined) query.set('active', String(filter.active));
  return apiRequest(`/api/admin/users?${query}`, adminUsersResponseSchema, { signal });
}

export function createUser(body: UserCreateBody) {
  return apiRequest('/api/admin/users', adminUserResponseSchema, { json: body });
}

export function updateUser(id: string, body: UserUpdateBody) {
  return apiRequest(`/api/admin/users/${encodeURIComponent(id)}`, adminUserResponseSchema, { method: 'PATCH', json: body });
}

export function fetchAdminDepartments(signal?: AbortSignal) {
  return apiRequest('/api/admin/departments', adminDepartmentsResponseSchema, { signal });
}

export function createDepartment(body: DepartmentCreateBody) {
  return apiRequest('/api/admin/departments', adminDepartmentResponseSchema, { json: body });
}

export function updateDepartment(code: string, body: DepartmentUpdateBody) {
  return apiRequest(`/api/admin/departments/${encodeURIComponent(code)}`, adminDepartmentResponseSchema, { method: 'PATCH', json: body });
}

export function fetchAdminCategories(signal?: AbortSignal) {
  return apiRequest('/api/admin/categories', adminCategoriesResponseSchema, { signal });
}

export function updateCategory(code: string, body: UpdateCategoryInput) {
  return apiRequest(`/api/admin/categories/${encodeURIComponent(code)}`, adminCategoryResponseSchema, { method: 'PATCH', json: body });
}

export function fetchClosedDays(year: number, signal?: AbortSignal) {
  return apiRequest(`/api/admin/closed-days?year=${year}`, closedDaysResponseSchema, { signal });
}

export function addClosedDay(body: { date: string; name: string }) {
  return apiRequest('/api/admin/closed-days', addClosedDayResponseSchema, { json: body });
}

export function deleteClosedDay(date: string) {
  return apiRequest(`/api/admin/closed-days/${encodeURIComponent(date)}`, deleteClosedDayResponseSchema, { method: 'DELETE' });
}

export type OutboxFilter = Pick<OutboxQuery, 'status' | 'channel'>;
export const OUTBOX_PAGE_SIZE = 50;

export function fetchOutbox(filter: OutboxFilter, cursor: string | null, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: String(OUTBOX_PAGE_SIZE) });
  if (filter.status) query.set('status', filter.status);
  if (filter.channel) query.set('channel', filter.channel);
  if (cursor) query.set('cursor', cursor);
  return apiRequest(`/api/outbox?${query}`, outboxListSchema, { signal });
}

/** Only a failed notice goes back to the queue (409 otherwise: it would reach the citizen twice). */
export function retryNotice(id: string) {
  return apiRequest(`/api/outbox/${encodeURIComponent(id)}/retry`, z.object({ item: outboxItemSchema }), { json: {} });
}

export function fetchAdminTemplates(signal?: AbortSignal) {
  return apiRequest('/api/admin/templates', adminTemplatesResponseSchema, { signal });
}

export function createTemplate(body: TemplateCreateBody) {
  return apiRequest('/api/admin/templates', adminTemplateResponseSchema, { json: body });
}

export function updateTemplate(id: string, body: TemplateUpdateBody) {
  return apiRequest(`/api/admin/templates/${encodeURIComponent(id)}`, adminTemplateResponseSchema, { method: 'PATCH', json: body });
}
