// The administrator's GDPR, retention and Open311-key API (issue 6 §5, §7), every answer parsed with the
// shared schemas.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { anonymiseResponseSchema, personalDataReadsResponseSchema, retentionResponseSchema, type UpdateRetentionInput } from '../../../../../shared/api/gdpr';
import { createdOpen311KeyResponseSchema, open311KeySchema, open311KeysResponseSchema } from '../../../../../shared/api/open311';
import { apiRequest } from '../../../lib/api-client';

export type ReadsFilter = { from?: string | undefined; to?: string | undefined; userId?: string | undefined; petition?: string | undefined; source?: string | undefined };
export type Petitioner = { email?: string; phone?: string };

const gdprKeys = {
  all: ['admin', 'gdpr'] as const,
  reads: (filter: ReadsFilter) => [...gdprKeys.all, 'reads', filter] as const,
  retention: () => [...gdprKeys.all, 'retention'] as const,
  open311Keys: () => [...gdprKeys.all, 'open311-keys'] as const,
};

function readsUrl(filter: ReadsFilter, cursor: string | undefined): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) query.set(k, v);
  if (cursor) query.set('cursor', cursor);
  return `/api/admin/personal-data-reads?${query}`;
}

export function usePersonalDataReads(filter: ReadsFilter) {
  return useInfiniteQuery({
    queryKey: gdprKeys.reads(filter),
    queryFn: ({ pageParam, signal }) => apiRequest(readsUrl(filter, pageParam), personalDataReadsResponseSchema, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function petitionerQuery(who: Petitioner): URLSearchParams {
  const query = new URLSearchParams();
  if (who.email) query.set('email', who.email);
  if (who.phone) query.set('phone', who.phone);
  return query;
}

/** The export as a JSON file the browser saves; returns the file's name. */
export async function downloadPetitionerExport(who: Petitioner): Promise<string> {
  const data = await apiRequest(`/api/admin/gdpr/export?${petitionerQuery(who)}`, z.record(z.string(), z.unknown()));
  const stamp = typeof data.generatedAt === 'string' ? data.generatedAt.slice(0, 10) : new Date().toISOString().slice(0, 10);
  const fileName = `date-personale-${stamp}.json`;
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}

export function useExportPetitioner() {
  const queryClient = useQueryClient();
  // The export is itself a logged read: the log changes.
  return useMutation({ mutationFn: downloadPetitionerExport, onSuccess: () => queryClient.invalidateQueries({ queryKey: gdprKeys.all }) });
}

export function useAnonymisePetitioner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (who: Petitioner) => apiRequest('/api/admin/gdpr/anonymise', anonymiseResponseSchema, { json: who }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useRetention() {
  return useQuery({ queryKey: gdprKeys.retention(), queryFn: ({ signal }) => apiRequest('/api/admin/retention', retentionResponseSchema, { signal }) });
}

export function useUpdateRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateRetentionInput) => apiRequest('/api/admin/retention', retentionResponseSchema, { method: 'PUT', json: input }),
    onSuccess: (data) => queryClient.setQueryData(gdprKeys.retention(), data),
  });
}

export function useOpen311Keys() {
  return useQuery({ queryKey: gdprKeys.open311Keys(), queryFn: ({ signal }) => apiRequest('/api/admin/open311-keys', open311KeysResponseSchema, { signal }) });
}

export function useCreateOpen311Key() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiRequest('/api/admin/open311-keys', createdOpen311KeyResponseSchema, { json: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gdprKeys.open311Keys() }),
  });
}

export function useRevokeOpen311Key() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/api/admin/open311-keys/${encodeURIComponent(id)}`, z.unknown(), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: gdprKeys.open311Keys() }),
  });
}

export type Open311Key = z.infer<typeof open311KeySchema>;
