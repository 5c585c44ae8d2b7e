// TanStack Query keys and hooks of the answer panel. The answer's key starts with the staff petitions'
// prefix, so live updates and every petition action refresh it; the templates' key does not, because
// each fetch of them is logged as a read of personal data.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { staffPetitionKeys } from '../staff/queries';
import { fetchAnswer, fetchPetitionTemplates, saveDraft, submitAnswer, type DraftInput } from './api';
import type { AnswerKind } from './schemas';

export const answerKeys = {
  detail: (petitionId: string) => [...staffPetitionKeys.all, 'answer', petitionId] as const,
  templates: (petitionId: string, kind: AnswerKind) => ['answer-templates', petitionId, kind] as const,
};

export function useAnswer(petitionId: string, enabled: boolean) {
  return useQuery({ queryKey: answerKeys.detail(petitionId), queryFn: ({ signal }) => fetchAnswer(petitionId, signal), enabled });
}

export function usePetitionTemplates(petitionId: string, kind: AnswerKind, enabled: boolean) {
  return useQuery({
    queryKey: answerKeys.templates(petitionId, kind),
    queryFn: ({ signal }) => fetchPetitionTemplates(petitionId, kind, signal),
    enabled,
    staleTime: 10 * 60_000,
  });
}

/** Saves the draft, and with `submit` sends it for approval right after (the server submits the saved one). */
export function useSaveAnswer(petitionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, submit }: { input: DraftInput; submit: boolean }) => {
      const saved = await saveDraft(petitionId, input);
      if (submit) await submitAnswer(petitionId);
      return saved;
    },
    // Waiting for the refetch keeps the buttons busy until the page shows the new state.
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffPetitionKeys.all }),
  });
}
