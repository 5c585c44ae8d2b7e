import { categoriesResponseSchema, deadlineResponseSchema } from '../../../../shared/api/catalog';
import { createPetitionResponseSchema, type CreatePetitionInput } from '../../../../shared/api/petitions';
import { apiRequest } from '../../lib/api-client';

export type DeadlineKind = 'og27.answer' | 'l544.answer';

export function fetchCategories(signal?: AbortSignal) {
  return apiRequest('/api/categories', categoriesResponseSchema, { signal });
}

export function fetchDeadline(kind: DeadlineKind, registeredOn: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ kind, registeredOn });
  return apiRequest(`/api/deadlines?${query}`, deadlineResponseSchema, { signal });
}

export type SubmitPetitionArgs = { input: CreatePetitionInput; files: File[]; idempotencyKey: string };

/** JSON when there are no files; otherwise multipart with the same JSON in the `data` part. */
export function submitPetition({ input, files, idempotencyKey }: SubmitPetitionArgs) {
  const headers = { 'Idempotency-Key': idempotencyKey };
  if (files.length === 0) {
    return apiRequest('/api/petitions', createPetitionResponseSchema, { json: input, headers });
  }
  const form = new FormData();
  form.append('data', JSON.stringify(input));
  for (const file of files) form.append('attachments', file, file.name);
  // No Content-Type header: the browser writes it, with the multipart boundary.
  return apiRequest('/api/petitions', createPetitionResponseSchema, { body: form, headers });
}
