// The answer API of the staff petition page: the current answer, the draft, templates and the letter.
import { apiRequest, apiRequestNoContent } from '../../lib/api-client';
import { answerResponseSchema, petitionTemplatesSchema, savedDraftSchema, type AnswerKind } from './schemas';

const petitionPath = (id: string) => `/api/petitions/${encodeURIComponent(id)}`;

export function fetchAnswer(petitionId: string, signal?: AbortSignal) {
  return apiRequest(`${petitionPath(petitionId)}/answer`, answerResponseSchema, { signal });
}

export type DraftInput = { body: string; legalBasis: string; kind?: AnswerKind };

export function saveDraft(petitionId: string, input: DraftInput) {
  return apiRequest(`${petitionPath(petitionId)}/answer`, savedDraftSchema, { method: 'PUT', json: input });
}

export function submitAnswer(petitionId: string) {
  return apiRequestNoContent(`${petitionPath(petitionId)}/answer/submit`, { method: 'POST' });
}

/** Each call is logged by the server as a read of personal data (the petitioner's name is filled in). */
export function fetchPetitionTemplates(petitionId: string, kind: AnswerKind, signal?: AbortSignal) {
  return apiRequest(`${petitionPath(petitionId)}/templates?kind=${kind}`, petitionTemplatesSchema, { signal });
}

/** The printable letter (HTML with a print stylesheet), opened in a new tab. */
export const letterPath = (petitionId: string) => `${petitionPath(petitionId)}/letter`;
